// The ledger page in a real browser (Debian Chromium through playwright-core) against the demo nodes: the regulator
// admin signs a checkpoint and verifies entry 0 with WebCrypto in the page; then the same check is shown to fail
// when the server's answers are tampered with on the way. Screenshots land in test-results/screenshots/.
import { generateKeyPairSync } from 'node:crypto'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoStaffFor } from '../../src/demo/index.ts'
import { publicKeyRaw, signCheckpoint } from '../../src/ledger/checkpoint.ts'
import { type EntryFields, leafData, leafHashOf, toHex } from '../../src/ledger/entry.ts'
import { MerkleTree } from '../../src/ledger/merkle.ts'
import type { RunningNode } from '../../src/server/start.ts'
import type { LedgerEntry, LedgerStatus } from '../../web/api/types.ts'
import {
  bytesToBase64,
  hexToBytes,
  rootFromInclusionProof,
  STEP_NAMES,
  verifyEntry,
  verifyInclusion,
} from '../../web/screens/ledger/verify.ts'
import { type BrowserRig, baseOf, SHOTS, signIn as signInAs, startRig } from './browser.ts'

let rig: BrowserRig
let nodes: RunningNode[] = []
let page: Page

beforeAll(async () => {
  rig = await startRig()
  nodes = rig.nodes
  page = rig.page
})
afterAll(async () => rig?.close())

const signIn = (base: string, login: string) => signInAs(rig, base, login)

async function closeDrawer(): Promise<void> {
  if ((await page.getByTestId('ledger-verify-result').count()) === 0) return
  await page.locator('.ant-drawer-close').click()
  await page.getByTestId('ledger-verify-result').waitFor({ state: 'detached' })
}

/** Opens the verify drawer of an entry afresh and waits until the browser has finished checking it. */
async function verify(index: number): Promise<Record<string, string | null>> {
  await closeDrawer()
  await page.getByTestId(`ledger-verify-${index}`).click()
  const result = page.locator('[data-testid="ledger-verify-result"]:not([data-state="loading"])')
  await result.waitFor()
  expect(await result.getAttribute('data-state')).toBe('done')
  const steps: Record<string, string | null> = {}
  for (const el of await page.locator('[data-testid^="verify-step-"]').all()) {
    const id = (await el.getAttribute('data-testid')) ?? ''
    steps[id.replace(/^verify-step-/, '')] = await el.getAttribute('data-ok')
  }
  return steps
}

/** Waits for the drawer's slide and the table's fades to end, so a screenshot shows the settled page. */
async function settled(): Promise<void> {
  // Runs in the page; typed by hand, as the test's own types have no DOM (and the CSP forbids string code).
  type InPage = { document: { getAnimations(): { playState: string }[] } }
  await page.waitForFunction(() =>
    (globalThis as unknown as InPage).document.getAnimations().every((a) => a.playState !== 'running'),
  )
}

const allOk = Object.fromEntries(STEP_NAMES.map((s) => [s, 'true']))

/** One hex digit changed: the smallest tampering there is. */
const flipHex = (hex: string) => (hex[0] === '0' ? '1' : '0') + hex.slice(1)

describe('the ledger page in Chromium', () => {
  it('signs a checkpoint and verifies entry 0 in the browser, and the check fails on tampered answers', async () => {
    const node = nodes.find((n) => n.config.node.role === 'regulator')!
    const admin = demoStaffFor('regulator').find((s) => s.login === 'cac.admin')!
    expect(admin.roles).toContain('regulator_admin')
    await signIn(baseOf(node), 'cac.admin')
    await page.getByTestId('menu-ledger').click()
    await page.getByTestId('ledger-size').waitFor()
    await page.getByTestId('ledger-table').locator('tr.ant-table-row').first().waitFor()

    // Signing sequences what is pending (this sign-in, at least) and signs over the whole log.
    const signed = page.waitForResponse(
      (r) => r.url().endsWith('/api/ledger/checkpoints') && r.request().method() === 'POST',
    )
    await page.getByTestId('ledger-sign').click()
    const response = await signed
    expect(response.status()).toBe(200)
    const checkpoint = (await response.json()) as { size: number; note: string }
    expect(checkpoint.size).toBeGreaterThan(1)
    // The header shows it (or a later one: the demo nodes keep talking, and each envelope is recorded).
    const shown = async (testId: string) => Number(await page.getByTestId(testId).textContent())
    await expect.poll(() => shown('ledger-checkpoint-size')).toBeGreaterThanOrEqual(checkpoint.size)
    expect(await shown('ledger-size')).toBeGreaterThanOrEqual(checkpoint.size)
    expect(await shown('ledger-pending')).toBeGreaterThanOrEqual(0)
    await page.getByText('签名文本（C2SP signed note）').click()
    await expect.poll(() => page.getByTestId('ledger-note').textContent()).toContain('\u2014 tonghua-cac ')

    await settled()
    await page.screenshot({ path: path.join(SHOTS, 'ledger.png'), fullPage: true })

    // Find entry 0 with the filter, whatever the page size.
    await page.getByTestId('ledger-filter-action').fill('node.initialised')
    await page.getByTestId('ledger-filter-submit').click()
    await page.getByTestId('ledger-verify-0').waitFor()
    await expect.poll(() => page.getByTestId('ledger-table').locator('tr.ant-table-row').count()).toBe(1)
    expect(await page.getByTestId('ledger-table').textContent()).toContain('node.initialised')

    expect(await verify(0)).toEqual(allOk)
    expect(await page.getByTestId('ledger-verify-result').getAttribute('data-ok')).toBe('true')
    await settled()
    await page.screenshot({ path: path.join(SHOTS, 'ledger-verified.png'), fullPage: true })

    // A proof with one hex digit changed no longer leads to the signed root.
    let tamperedProof = false
    await page.route('**/api/ledger/proofs/inclusion*', async (route) => {
      const answer = await route.fetch()
      const body = (await answer.json()) as { proof: string[] }
      expect(body.proof.length).toBeGreaterThan(0)
      body.proof[0] = flipHex(body.proof[0]!)
      tamperedProof = true
      await route.fulfill({ response: answer, json: body })
    })
    const withBadProof = await verify(0)
    expect(tamperedProof).toBe(true)
    expect(withBadProof).toEqual({ ...allOk, proof: 'false' })
    expect(await page.getByTestId('ledger-verify-result').getAttribute('data-ok')).toBe('false')
    await settled()
    await page.screenshot({ path: path.join(SHOTS, 'ledger-tampered-proof.png'), fullPage: true })
    await page.unroute('**/api/ledger/proofs/inclusion*')

    // A checkpoint whose signed text was changed (its size line) fails its signature.
    await page.route('**/api/ledger/checkpoint', async (route) => {
      const answer = await route.fetch()
      const body = (await answer.json()) as LedgerStatus
      if (body.checkpoint) {
        const [origin, size, ...rest] = body.checkpoint.note.split('\n')
        body.checkpoint.note = [origin, String(Number(size) + 1), ...rest].join('\n')
      }
      await route.fulfill({ response: answer, json: body })
    })
    const withBadNote = await verify(0)
    expect(withBadNote.signature).toBe('false')
    expect(withBadNote.entry).toBe('true')
    expect(withBadNote.leaf).toBe('true')
    await page.unroute('**/api/ledger/checkpoint')

    // Untampered again, all is well.
    expect(await verify(0)).toEqual(allOk)
  })

  it('offers the ledger in English too', async () => {
    await closeDrawer()
    await page.getByTestId('lang-switch').getByText('English').click()
    await page.getByText('Sign a checkpoint now').first().waitFor()
    expect(await verify(0)).toEqual(allOk)
    await page.getByText('Inclusion proof (RFC 9162)').first().waitFor()
    await settled()
    await page.screenshot({ path: path.join(SHOTS, 'ledger-verified-en.png'), fullPage: true })
    await closeDrawer()
    await page.getByTestId('lang-switch').getByText('中文').click()
    await page.getByText('立即签署检查点').first().waitFor()
  })
})

describe("the console's verifier against the server's ledger code", () => {
  it('follows every inclusion proof of the server tree to its root, and refuses altered ones', async () => {
    const tree = new MerkleTree()
    for (let n = 1; n <= 33; n++) {
      tree.append(leafHashOf(`leaf ${n - 1}`))
      const root = tree.root(n)
      for (let i = 0; i < n; i++) {
        const proof = tree.inclusionProof(i, n)
        expect(await rootFromInclusionProof(tree.leaf(i), i, n, proof)).toEqual(root)
        if (n > 1) {
          expect(await verifyInclusion(tree.leaf(i), (i + 1) % n, n, proof, root)).toBe(false)
          expect(await verifyInclusion(tree.leaf(i), i, n, proof.slice(1), root)).toBe(false)
          const bent = proof.map((p) => new Uint8Array(p))
          bent[0]![0]! ^= 1
          expect(await verifyInclusion(tree.leaf(i), i, n, bent, root)).toBe(false)
        }
        expect(await verifyInclusion(tree.leaf(i), n, n, proof, root)).toBe(false)
      }
    }
  })

  it('verifies an entry and checkpoint made by the server code, and only that', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519')
    const fields: EntryFields[] = Array.from({ length: 5 }, (_, i) => ({
      id: `0190000${i}-0000-7000-8000-000000000000`,
      recordedAt: new Date(Date.UTC(2025, 0, 1, 0, 0, i)),
      actorKind: 'staff',
      actorId: `staff-${i}`,
      actorStaffId: `staff-${i}`,
      actorOrganisationId: 'org-cac',
      actorName: '王芳',
      action: 'staff.created',
      subjectType: 'staff',
      subjectId: `s${i}`,
      articles: ['A27', 'A1–A3'],
      ruleVersion: i % 2 ? 'r1' : null,
      evidenceDigest: 'ab'.repeat(32),
      details: { login: `user${i}`, roles: ['officer'], n: i, nested: { z: 1, a: [true, null, 1.5] } },
    }))
    const tree = new MerkleTree()
    const entries: LedgerEntry[] = fields.map((f, seq) => {
      const data = leafData(f, seq)
      tree.append(leafHashOf(data))
      return {
        index: seq,
        id: f.id,
        recordedAt: f.recordedAt.toISOString(),
        actor: {
          kind: 'staff',
          id: f.actorId,
          staffId: f.actorStaffId,
          organisationId: f.actorOrganisationId,
          name: f.actorName,
        },
        action: f.action,
        subject: { type: f.subjectType, id: f.subjectId },
        articles: f.articles,
        ruleVersion: f.ruleVersion,
        evidenceDigest: f.evidenceDigest,
        details: f.details,
        leafData: data,
        leafHash: toHex(leafHashOf(data)),
      }
    })
    const size = 4
    const note = signCheckpoint(
      { origin: 'tonghua-cac', size, root: tree.root(size), timestamp: 1_736_000_000_000 },
      'tonghua-cac',
      privateKey,
    )
    const status: LedgerStatus = {
      checkpoint: {
        origin: 'tonghua-cac',
        size,
        root: toHex(tree.root(size)),
        timestamp: new Date(1_736_000_000_000).toISOString(),
        note,
      },
      publicKey: bytesToBase64(publicKeyRaw(publicKey)),
      keyName: 'tonghua-cac',
      size: 5,
      pending: 0,
      oldestPendingAgeMs: null,
      sequenceIntervalMs: 200,
    }
    const proofOf = (index: number) => ({
      index,
      size,
      leafHash: toHex(tree.leaf(index)),
      root: toHex(tree.root(size)),
      proof: tree.inclusionProof(index, size).map(toHex),
    })
    const stepsOf = async (entry: LedgerEntry, s = status, proof = proofOf(entry.index)) =>
      Object.fromEntries((await verifyEntry({ entry, status: s, proof })).steps.map((x) => [x.name, x.ok]))
    const good = Object.fromEntries(STEP_NAMES.map((s) => [s, true]))

    for (const e of entries.slice(0, size)) expect(await stepsOf(e)).toEqual(good)
    // Beyond the checkpoint: only the local steps run, and the report says why.
    const beyond = await verifyEntry({ entry: entries[4]!, status, proof: null })
    expect(beyond.pending).toBe(true)
    expect(beyond.steps.map((s) => [s.name, s.ok])).toEqual([
      ['entry', true],
      ['leaf', true],
    ])

    const e = entries[2]!
    // The row shown differs from the bytes that were hashed.
    expect((await stepsOf({ ...e, details: { ...e.details, n: 99 } })).entry).toBe(false)
    expect((await stepsOf({ ...e, actor: { ...e.actor, name: '李四' } })).entry).toBe(false)
    // Altered bytes no longer hash to the leaf.
    const altered = e.leafData.replace('"user2"', '"user9"')
    expect(await stepsOf({ ...e, leafData: altered, details: { ...e.details, login: 'user9' } })).toEqual({
      ...good,
      leaf: false,
      proof: false,
    })
    // A proof for another leaf, a short proof, a proof for another size.
    const other = proofOf(1)
    expect((await stepsOf(e, status, { ...other, index: 2 })).proof).toBe(false)
    expect((await stepsOf(e, status, { ...proofOf(2), proof: proofOf(2).proof.slice(1) })).proof).toBe(false)
    expect((await stepsOf(e, status, { ...proofOf(2), size: 5 })).proof).toBe(false)
    // The signature: another key, a changed note, a changed root line.
    const otherKey = generateKeyPairSync('ed25519').publicKey
    expect(
      (await stepsOf(e, { ...status, publicKey: bytesToBase64(publicKeyRaw(otherKey)) })).signature,
    ).toBe(false)
    const lines = note.split('\n')
    const forged = [lines[0], lines[1], bytesToBase64(new Uint8Array(32)), ...lines.slice(3)].join('\n')
    const forgedSteps = await stepsOf(e, { ...status, checkpoint: { ...status.checkpoint!, note: forged } })
    expect(forgedSteps.signature).toBe(false)
    expect(forgedSteps.root).toBe(false)
    // The root the proof claims must be the signed one.
    expect((await stepsOf(e, status, { ...proofOf(2), root: flipHex(proofOf(2).root) })).root).toBe(false)
    expect(hexToBytes(flipHex(proofOf(2).root))).not.toBeNull()
  })
})
