// Public reports to the regulator (A18, A8.2): a member of the public files without signing in and follows the report
// by a tracking code; evidence is checked by its bytes; staff see reports clustered by claim, with the reporter
// sealed; only an admin opens the seal, with a reason that goes on the ledger; closing tells the reporter the outcome.
// The reporter's name and phone appear nowhere — logs, answers, ledger — but in the answer to the unsealing.
import { createHash } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  as,
  problem,
  type Session,
  signIn,
  startTestNode,
  type TestNode,
} from '../../../test/helpers/node.ts'

let node: TestNode
let officer: Session
let admin: Session
let supervisor: Session

beforeAll(async () => {
  node = await startTestNode('regulator')
  officer = await signIn(node.app, 'cac.officer')
  admin = await signIn(node.app, 'cac.admin')
  supervisor = await signIn(node.app, 'cac.supervisor')
})
afterAll(async () => node?.close())

// Each call comes from its own address unless told otherwise, so the rate limits only bite where a test wants them.
let addresses = 0
const nextAddress = () => `10.7.${Math.floor(++addresses / 250)}.${(addresses % 250) + 1}`

const file = (payload: Record<string, unknown>, remoteAddress = nextAddress()) =>
  node.app.inject({ method: 'POST', url: '/api/public/reports', payload, remoteAddress })
const lookup = (code: string, remoteAddress = nextAddress()) =>
  node.app.inject({ url: `/api/public/reports/${encodeURIComponent(code)}`, remoteAddress })
const staff = (who: Session, url: string) => node.app.inject({ url, headers: as(who) })
const staffPost = (who: Session, url: string, payload?: Record<string, unknown>) =>
  node.app.inject({ method: 'POST', url, headers: as(who, 'POST'), ...(payload ? { payload } : {}) })

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
])
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 2)])
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n')
const b64 = (b: Buffer) => b.toString('base64')
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

const base = {
  category: 'rumor',
  platform: '通化同城圈',
  description: '网传东昌区自来水厂水源被污染，全城停水三天，请大家赶紧囤水',
}

async function counts(): Promise<{ reports: number; files: number; entries: number }> {
  const one = async (q: ReturnType<typeof sql>) =>
    Number(((await node.database.db.execute(q)) as unknown as { rows: { n: number | string }[] }).rows[0]?.n)
  return {
    reports: await one(sql`select count(*)::int as n from public_report`),
    files: await one(sql`select count(*)::int as n from public_report_evidence`),
    entries: await one(sql`select count(*)::int as n from ledger_entry`),
  }
}

async function rows<T>(q: ReturnType<typeof sql>): Promise<T[]> {
  return ((await node.database.db.execute(q)) as unknown as { rows: T[] }).rows
}

const CODE = /^TH[0-9A-Z]{2}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/

describe('filing a public report', () => {
  it('without identity or evidence: a tracking code, the deadline, and the lookup by code', async () => {
    const res = await file({ ...base, county: '220502', link: 'https://tonghua.example/p/1' })
    expect(res.statusCode, res.body).toBe(201)
    const r = res.json()
    expect(r.code).toMatch(CODE)
    expect(r).toMatchObject({ category: 'rumor', status: 'received', days: 15 })
    expect(Date.parse(r.deadlineAt) - Date.parse(r.receivedAt)).toBe(15 * 86_400_000)
    expect(r.lookupPage).toMatch(/\/p\/report\/status$/)
    expect(r.noticeZh).toContain(r.code)
    expect(res.headers['cache-control']).toBe('no-store')

    // Found by its code however it is typed: lower case, without dashes, O for 0.
    for (const typed of [
      r.code,
      r.code.toLowerCase(),
      r.code.replaceAll('-', ''),
      r.code.replaceAll('0', 'O'),
    ]) {
      const found = await lookup(typed)
      expect(found.statusCode, typed).toBe(200)
      expect(found.json()).toEqual({
        category: 'rumor',
        categoryZh: '谣言/虚假信息',
        categoryEn: 'Rumor / false information',
        status: 'received',
        receivedAt: r.receivedAt,
        deadlineAt: r.deadlineAt,
        closedAt: null,
        feedback: null,
        feedbackArticles: [],
      })
    }
    // Only a digest of the code is kept.
    const stored = await rows<Record<string, unknown>>(sql`select * from public_report`)
    expect(JSON.stringify(stored)).not.toContain(r.code.replaceAll('-', ''))

    const list = (await staff(officer, '/api/public-reports?county=220502')).json().items
    expect(list).toHaveLength(1)
    expect(list[0]).toMatchObject({ identity: null, status: 'received', overdue: false, evidenceCount: 0 })

    await node.ledger.sequence()
    const entries = (
      await staff(admin, `/api/ledger/entries?subjectId=${list[0].id}&action=public_report.received`)
    ).json().items
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      articles: ['A18', 'A8.2'],
      actor: { kind: 'system', id: 'public' },
      details: { category: 'rumor', countyCode: '220502', files: 0, identity: 'none' },
    })
  })

  it('with identity and evidence: the identity sealed at rest, each file kept with its SHA-256', async () => {
    const res = await file({
      ...base,
      category: 'privacy',
      description: '有人在群里公开了柳河县一位老师的家庭住址和身份证照片',
      reporterName: '王小明',
      reporterContact: '139 0435 7788',
      evidence: [
        { name: '截图1.png', type: 'image/png', data: b64(PNG) },
        { name: 'photo.jpg', type: 'image/jpeg', data: b64(JPEG) },
        { name: '说明.pdf', type: 'application/pdf', data: b64(PDF) },
      ],
    })
    expect(res.statusCode, res.body).toBe(201)
    const [row] = await rows<{ id: string; identity_sealed: string }>(
      sql`select id, identity_sealed from public_report where category = 'privacy'`,
    )
    expect(row?.identity_sealed).toBeTruthy()
    expect(row?.identity_sealed).not.toContain('王小明')
    expect(Buffer.from(row!.identity_sealed, 'base64').toString('utf8')).not.toContain('王小明')
    expect(Buffer.from(row!.identity_sealed, 'base64').toString('latin1')).not.toContain('04357788')

    const detail = (await staff(officer, `/api/public-reports/${row!.id}`)).json()
    expect(detail.identity).toBe('已密封 / sealed')
    expect(
      detail.evidence.map((e: { name: string; type: string; size: number; sha256: string }) => e),
    ).toEqual([
      { id: expect.any(String), name: '截图1.png', type: 'image/png', size: PNG.length, sha256: sha(PNG) },
      { id: expect.any(String), name: 'photo.jpg', type: 'image/jpeg', size: JPEG.length, sha256: sha(JPEG) },
      {
        id: expect.any(String),
        name: '说明.pdf',
        type: 'application/pdf',
        size: PDF.length,
        sha256: sha(PDF),
      },
    ])
    const pdf = await staff(officer, `/api/public-reports/${row!.id}/evidence/${detail.evidence[2].id}`)
    expect(pdf.statusCode).toBe(200)
    expect(pdf.headers['content-type']).toContain('application/pdf')
    expect(pdf.rawPayload.equals(PDF)).toBe(true)

    const unsealed = await staffPost(admin, `/api/public-reports/${row!.id}/unseal`, {
      reason: '核实举报线索',
    })
    expect(unsealed.json()).toMatchObject({ name: '王小明', contact: '+8613904357788' })
  })

  it('refuses bad evidence with a 4xx naming the file, and writes nothing', async () => {
    const before = await counts()
    const big = Buffer.concat([PNG, Buffer.alloc(1_048_576 - PNG.length + 1)])
    const cases: [Record<string, unknown>[], number, string, string?][] = [
      [
        [{ name: 'big.png', type: 'image/png', data: b64(big) }],
        413,
        'PUBLIC_REPORT_EVIDENCE_TOO_LARGE',
        'big.png',
      ],
      [
        [
          { name: 'ok.png', type: 'image/png', data: b64(PNG) },
          { name: 'fake.png', type: 'image/png', data: b64(JPEG) },
        ],
        415,
        'PUBLIC_REPORT_EVIDENCE_TYPE',
        'fake.png',
      ],
      [
        [{ name: 'doc.pdf', type: 'application/pdf', data: b64(PNG) }],
        415,
        'PUBLIC_REPORT_EVIDENCE_TYPE',
        'doc.pdf',
      ],
      [
        [{ name: 'broken.jpg', type: 'image/jpeg', data: '/9j/4A$$not base64' }],
        400,
        'PUBLIC_REPORT_EVIDENCE_ENCODING',
        'broken.jpg',
      ],
      [
        Array.from({ length: 4 }, (_, i) => ({ name: `${i}.png`, type: 'image/png', data: b64(PNG) })),
        400,
        'VALIDATION_FAILED',
      ],
      [[{ name: 'a.gif', type: 'image/gif', data: b64(PNG) }], 400, 'VALIDATION_FAILED'],
    ]
    for (const [evidence, status, code, name] of cases) {
      const res = await file({ ...base, evidence })
      expect(res.statusCode, res.body).toBe(status)
      const p = res.json()
      expect(p.code).toBe(code)
      if (name) {
        expect(p.file).toBe(name)
        const bad = evidence.findIndex((e) => e.name === name)
        expect(p.errors).toEqual([
          {
            field: `evidence.${bad}`,
            zh: expect.stringContaining(`第 ${bad + 1} 个文件`),
            en: expect.any(String),
          },
        ])
      } else {
        expect(p.errors[0].field).toMatch(/^body\.evidence/)
      }
    }
    const wrongContact = await file({ ...base, reporterContact: 'call me maybe' })
    expect(problem(wrongContact).code).toBe('PUBLIC_REPORT_CONTACT_INVALID')
    expect(problem(await file({ ...base, county: '220599' })).errors?.[0]?.field).toBe('body.county')
    expect(problem(await file({ ...base, link: 'javascript:alert(1)' })).errors?.[0]?.field).toBe('link')
    expect(await counts()).toEqual(before)
  })

  it('answers every wrong code alike: 404, nothing about the code', async () => {
    const wrong = ['TH00-0000-0000-0000-0000', 'TH7K-ABCD-EFGH-JKMN-PQRS', 'not-a-code-at-all', '1']
    const answers = await Promise.all(wrong.map((c) => lookup(c)))
    for (const [i, res] of answers.entries()) {
      expect(res.statusCode).toBe(404)
      expect(res.body).not.toContain(wrong[i])
    }
    expect(new Set(answers.map((r) => r.body)).size).toBe(1)
    expect(problem(answers[0]!).code).toBe('PUBLIC_REPORT_NOT_FOUND')
    // The code in the path is a secret: the request log shows the route.
    const logged = node.logs.filter(
      (l) => l.msg === 'request' && String(l.url).startsWith('/api/public/reports/'),
    )
    expect(logged.length).toBeGreaterThan(0)
    for (const l of logged) expect(l.url).toBe('/api/public/reports/:code')
  })

  it('limits filings and lookups per address: 429, nothing written', async () => {
    const { publicReportsPerHour, publicReportLookupsPerMinute } = node.config.regulator
    const address = '10.99.0.1'
    for (let i = 0; i < publicReportsPerHour; i++) {
      expect(
        (await file({ ...base, description: `${base.description}（第${i}次）` }, address)).statusCode,
      ).toBe(201)
    }
    const before = await counts()
    const refused = await file(base, address)
    expect(refused.statusCode).toBe(429)
    expect(problem(refused).code).toBe('RATE_LIMITED')
    expect(await counts()).toEqual(before)
    expect((await file(base, '10.99.0.2')).statusCode).toBe(201)

    const guesser = '10.99.0.3'
    for (let i = 0; i < publicReportLookupsPerMinute; i++) {
      expect((await lookup(`TH00-0000-0000-0000-${String(i).padStart(4, '0')}`, guesser)).statusCode).toBe(
        404,
      )
    }
    expect((await lookup('TH00-0000-0000-0000-ZZZZ', guesser)).statusCode).toBe(429)
  })
})

describe('clusters', () => {
  it('puts variants of one claim (traditional characters, emoji) in one cluster and an unrelated report apart', async () => {
    const claim = '梅河口市明天起全城封控，所有超市关门，大家赶紧去抢购物资'
    const a = await file({ ...base, description: claim, county: '220581' })
    const b = await file({
      ...base,
      platform: '某短视频平台',
      description: '😱😱转发：梅河口市明天起全城封控🔥，所有超市關門，大家趕緊去搶購物資！！',
      county: '220581',
    })
    const c = await file({
      ...base,
      description: '集安市某景区门票涨价到五百元一张，游客被强制消费',
      county: '220581',
    })
    for (const r of [a, b, c]) expect(r.statusCode, r.body).toBe(201)
    const items = (await staff(officer, '/api/public-reports?county=220581')).json().items as {
      id: string
      description: string
      clusterId: string
      clusterSize: number
    }[]
    expect(items).toHaveLength(3)
    const [first, second, third] = items
    expect(second!.clusterId).toBe(first!.clusterId)
    expect(first!.clusterId).toBe(first!.id)
    expect(third!.clusterId).not.toBe(first!.clusterId)
    expect(items.map((i) => i.clusterSize)).toEqual([2, 2, 1])
    const detail = (await staff(officer, `/api/public-reports/${first!.id}`)).json()
    expect(detail.cluster.map((m: { id: string }) => m.id)).toEqual([second!.id])
    expect(detail.clusterSize).toBe(2)
  })
})

describe('the sealed identity', () => {
  it('opens only with the permission and a reason, and the opening goes on the ledger', async () => {
    await file({
      ...base,
      description: '二道江区有人冒充网信办工作人员收取删帖费用',
      reporterName: '赵六',
      reporterContact: 'zhao6@example.cn',
    })
    await file({ ...base, description: '二道江区网传某小区发生命案，实为旧闻重发' })
    const items = (await staff(admin, '/api/public-reports')).json().items as {
      id: string
      description: string
    }[]
    const withId = items.find((i) => i.description.startsWith('二道江区有人冒充'))!
    const anonymous = items.find((i) => i.description.startsWith('二道江区网传'))!
    const url = `/api/public-reports/${withId.id}/unseal`

    for (const who of [officer, supervisor]) {
      const res = await staffPost(who, url, { reason: '回访举报人' })
      expect(res.statusCode).toBe(403)
      expect(problem(res).code).toBe('FORBIDDEN')
    }
    const noReason = await staffPost(admin, url, {})
    expect(noReason.statusCode).toBe(400)
    expect(problem(noReason).errors?.map((e) => e.field)).toEqual(['body.reason'])
    expect((await staffPost(admin, url, { reason: '   ' })).statusCode).toBe(400)
    const naming = await staffPost(admin, url, { reason: '联系赵六核实情况' })
    expect(problem(naming).code).toBe('PUBLIC_REPORT_REASON_NAMES_REPORTER')
    expect(
      problem(await staffPost(admin, `/api/public-reports/${anonymous.id}/unseal`, { reason: '核实' })).code,
    ).toBe('PUBLIC_REPORT_NO_IDENTITY')
    await node.ledger.sequence()
    const entriesBefore = (
      await staff(admin, `/api/ledger/entries?subjectId=${withId.id}&action=public_report.identity_unsealed`)
    ).json().items
    expect(entriesBefore).toHaveLength(0)

    const ok = await staffPost(admin, url, { reason: '需当面核实被冒充人员的线索' })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toMatchObject({
      name: '赵六',
      contact: 'zhao6@example.cn',
      reason: '需当面核实被冒充人员的线索',
    })
    expect(ok.headers['cache-control']).toBe('no-store')
    await node.ledger.sequence()
    const entries = (
      await staff(admin, `/api/ledger/entries?subjectId=${withId.id}&action=public_report.identity_unsealed`)
    ).json().items
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      articles: ['A18'],
      actor: { kind: 'staff', name: expect.any(String) },
      details: { reason: '需当面核实被冒充人员的线索' },
    })
    expect(JSON.stringify(entries[0])).not.toContain('赵六')
    expect(JSON.stringify(entries[0])).not.toContain('zhao6')
    // Those who read the report see that, when and why it was opened — not what it holds.
    const detail = (await staff(officer, `/api/public-reports/${withId.id}`)).json()
    expect(detail.identity).toBe('已密封 / sealed')
    expect(detail.unsealings).toEqual([
      { at: expect.any(String), byName: entries[0].actor.name, reason: '需当面核实被冒充人员的线索' },
    ])
  })
})

describe('closing', () => {
  it('closes with feedback that the public lookup then shows; once only, by those who handle reports', async () => {
    const filed = await file({
      ...base,
      description: '辉南县网传某中学食堂发生集体食物中毒，多名学生住院',
      county: '220523',
    })
    const code = filed.json().code as string
    const [item] = (await staff(officer, '/api/public-reports?county=220523')).json().items as {
      id: string
    }[]
    const url = `/api/public-reports/${item!.id}/close`
    const feedback =
      '经辉南县网信办会同县卫健局核实，该中学食堂未发生食物中毒事件，网传信息不实；已要求相关平台删除并标注，发布者已被依法处理。'
    expect((await staffPost(supervisor, url, { feedback, articles: ['A11.1'] })).statusCode).toBe(403)
    expect((await staffPost(officer, url, { feedback, articles: [] })).statusCode).toBe(400)
    expect((await staffPost(officer, url, { feedback, articles: ['section 9'] })).statusCode).toBe(400)
    const closed = await staffPost(officer, url, { feedback, articles: ['A11.1', 'A16', 'A19.1'] })
    expect(closed.statusCode, closed.body).toBe(200)
    expect(closed.json()).toMatchObject({ status: 'closed', feedback, closedByName: expect.any(String) })
    expect(problem(await staffPost(officer, url, { feedback, articles: ['A16'] })).code).toBe(
      'PUBLIC_REPORT_CLOSED',
    )

    const seen = (await lookup(code)).json()
    expect(seen).toMatchObject({ status: 'closed', feedback, feedbackArticles: ['A11.1', 'A16', 'A19.1'] })
    expect(seen.closedAt).toBeTruthy()
    expect(JSON.stringify(seen)).not.toContain(closed.json().closedByName)

    await node.ledger.sequence()
    const entries = (
      await staff(admin, `/api/ledger/entries?subjectId=${item!.id}&action=public_report.closed`)
    ).json().items
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      articles: ['A18', 'A8.2'],
      details: { feedbackArticles: ['A11.1', 'A16', 'A19.1'] },
    })
    expect(
      (await staff(officer, '/api/public-reports?status=closed'))
        .json()
        .items.map((i: { id: string }) => i.id),
    ).toContain(item!.id)
  })
})

describe('confidentiality of the reporter (A18)', () => {
  it('keeps the name and phone of the reporter out of logs, answers and the ledger; only the unsealing shows them', async () => {
    const NAME = '欧阳铁柱'
    const PHONE = '13643571234'
    const all: LightMyRequestResponse[] = []
    const keep = async (p: Promise<LightMyRequestResponse>) => {
      const res = await p
      all.push(res)
      return res
    }
    node.logs.length = 0
    const filed = await keep(
      file({
        category: 'reputation',
        platform: '通化论坛',
        link: 'https://bbs.tonghua.example/t/42',
        description: '有人在论坛捏造集安市某参茸店售卖假人参的帖子，配图是别处的旧照片，损害商家名誉',
        county: '220582',
        reporterName: NAME,
        reporterContact: `${PHONE.slice(0, 3)}-${PHONE.slice(3, 7)}-${PHONE.slice(7)}`,
        evidence: [{ name: 'post.png', type: 'image/png', data: b64(PNG) }],
      }),
    )
    expect(filed.statusCode, filed.body).toBe(201)
    const code = filed.json().code as string
    // A refused filing with the same identity is logged too.
    await keep(
      file({
        ...base,
        reporterName: NAME,
        reporterContact: PHONE,
        evidence: [{ name: 'x.png', type: 'image/png', data: b64(JPEG) }],
      }),
    )

    // Every staff route, every reader.
    for (const who of [officer, supervisor, admin]) {
      await keep(staff(who, '/api/public-reports'))
      await keep(staff(who, '/api/public-reports?county=220582&category=reputation&status=received'))
    }
    const [item] = (await keep(staff(officer, '/api/public-reports?county=220582'))).json().items as {
      id: string
    }[]
    for (const who of [officer, supervisor, admin]) await keep(staff(who, `/api/public-reports/${item!.id}`))
    const detail = (await keep(staff(officer, `/api/public-reports/${item!.id}`))).json()
    expect(detail.identity).toBe('已密封 / sealed')
    await keep(staff(officer, `/api/public-reports/${item!.id}/evidence/${detail.evidence[0].id}`))
    await keep(node.app.inject({ url: '/api/public/reports/guide' }))
    await keep(lookup(code))
    await keep(staffPost(officer, `/api/public-reports/${item!.id}/unseal`, { reason: '想看看' }))
    await keep(staffPost(admin, `/api/public-reports/${item!.id}/unseal`, { reason: `打电话 ${PHONE}` }))
    const unsealed = await staffPost(admin, `/api/public-reports/${item!.id}/unseal`, {
      reason: '核实商家投诉与举报人是否有利害关系',
    })
    expect(unsealed.json()).toMatchObject({ name: NAME, contact: `+86${PHONE}` })
    await keep(
      staffPost(officer, `/api/public-reports/${item!.id}/close`, {
        feedback: '经核实，该帖配图系他处旧照片，内容不实，已通知平台删除并要求发帖人致歉。',
        articles: ['A11.1', 'A19.1'],
      }),
    )
    await keep(lookup(code))
    await keep(staff(officer, `/api/public-reports/${item!.id}`))
    await node.ledger.sequence()
    await keep(staff(admin, '/api/ledger/entries?limit=5000'))
    await keep(staff(admin, '/api/ledger/entries?subjectType=public_report&limit=5000'))

    const ledger = await rows<Record<string, unknown>>(sql`select * from ledger_entry`)
    const sequenced = await rows<Record<string, unknown>>(sql`select leaf_data from ledger_sequence`)
    const outbox = await rows<Record<string, unknown>>(sql`select * from outbox`)
    const reportRows = await rows<Record<string, unknown>>(
      sql`select id, code_digest, category, platform, link, description, county_code, status, identity_sealed, cluster_id, feedback from public_report`,
    )
    const haystacks: [string, string][] = [
      ['logs', JSON.stringify(node.logs)],
      ...all.map((r, i): [string, string] => [
        `answer ${i} (${r.statusCode})`,
        r.rawPayload.toString('utf8'),
      ]),
      ['ledger', JSON.stringify(ledger)],
      ['sequenced ledger', JSON.stringify(sequenced)],
      ['outbox', JSON.stringify(outbox)],
      ['report rows', JSON.stringify(reportRows)],
    ]
    expect(node.logs.length).toBeGreaterThan(all.length)
    for (const [where, text] of haystacks) {
      expect(text.includes(NAME), `${NAME} in ${where}`).toBe(false)
      expect(text.includes(PHONE), `${PHONE} in ${where}`).toBe(false)
      expect(text.includes(`${PHONE.slice(0, 3)}-${PHONE.slice(3, 7)}`), `phone in ${where}`).toBe(false)
    }
    expect(unsealed.body).toContain(NAME)
    expect(unsealed.body).toContain(PHONE)
  })
})
