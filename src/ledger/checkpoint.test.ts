import { createHash, createPrivateKey, generateKeyPairSync, type KeyObject, sign } from 'node:crypto'
import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import {
  type Checkpoint,
  CheckpointError,
  checkpointBody,
  openCheckpoint,
  publicKeyFromRaw,
  publicKeyRaw,
  signCheckpoint,
} from './checkpoint.ts'
import { hashLeaf } from './merkle.ts'

const { publicKey, privateKey } = generateKeyPairSync('ed25519')
const other = generateKeyPairSync('ed25519')
const NAME = 'platform-a.qinglang.example/ledger'

const checkpoint: Checkpoint = {
  origin: 'platform-a.qinglang.example/ledger',
  size: 1_048_576,
  root: new Uint8Array(Buffer.from('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=', 'base64')),
  timestamp: 1_767_225_600_000,
}

/** Expects `f` to throw a CheckpointError with this reason. */
function expectReason(f: () => unknown, reason: string): void {
  let error: unknown
  try {
    f()
  } catch (e) {
    error = e
  }
  expect(error, `expected CheckpointError ${reason}`).toBeInstanceOf(CheckpointError)
  expect((error as CheckpointError).reason).toBe(reason)
}

// A second, independent signer written from c2sp.org/signed-note, to sign arbitrary texts (good and bad bodies).
function signText(text: string, keyName: string, key: KeyObject, publicRaw: Uint8Array): string {
  const id = createHash('sha256')
    .update(Buffer.concat([Buffer.from(`${keyName}\n`), Buffer.from([0x01]), publicRaw]))
    .digest()
    .subarray(0, 4)
  const signature = sign(null, Buffer.from(text), key)
  return `${text}\n\u2014 ${keyName} ${Buffer.concat([id, signature]).toString('base64')}\n`
}
const ourRaw = publicKeyRaw(publicKey)
const signOurs = (text: string): string => signText(text, NAME, privateKey, ourRaw)

describe('checkpoint text', () => {
  it('writes the C2SP checkpoint body with one timestamp extension line', () => {
    expect(checkpointBody(checkpoint)).toBe(
      'platform-a.qinglang.example/ledger\n1048576\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\ntimestamp 1767225600000\n',
    )
  })

  it('signs as a signed note: body, blank line, one signature line with key ID and Ed25519 signature', () => {
    const note = signCheckpoint(checkpoint, NAME, privateKey)
    const body = checkpointBody(checkpoint)
    expect(note.startsWith(`${body}\n\u2014 ${NAME} `)).toBe(true)
    expect(note.endsWith('\n')).toBe(true)
    const blob = Buffer.from(
      note
        .slice(body.length + 1)
        .split(' ')[2]!
        .trimEnd(),
      'base64',
    )
    expect(blob.length).toBe(68)
    const keyId = createHash('sha256')
      .update(Buffer.concat([Buffer.from(`${NAME}\n`), Buffer.from([0x01]), ourRaw]))
      .digest()
      .subarray(0, 4)
    expect(blob.subarray(0, 4)).toEqual(keyId)
    // Ed25519 is deterministic: the independent signer produces the same note.
    expect(note).toBe(signOurs(body))
  })

  it('opens what it signed, and what the independent signer signed', () => {
    expect(openCheckpoint(signCheckpoint(checkpoint, NAME, privateKey), NAME, publicKey)).toEqual(checkpoint)
    expect(openCheckpoint(signOurs(checkpointBody(checkpoint)), NAME, publicKey)).toEqual(checkpoint)
  })

  const checkpoints = fc.record({
    origin: fc.string({ minLength: 1, unit: 'grapheme' }).filter((s) => [...s].every((ch) => ch >= ' ')),
    size: fc.maxSafeNat(),
    root: fc.uint8Array({ minLength: 32, maxLength: 32 }),
    timestamp: fc.maxSafeNat(),
  })

  test.prop([checkpoints], { numRuns: 100 })('round-trips any checkpoint', (c) => {
    const opened = openCheckpoint(signCheckpoint(c, NAME, privateKey), NAME, publicKey)
    expect({ ...opened, root: [...opened.root] }).toEqual({ ...c, root: [...c.root] })
  })

  it('ignores signatures by other keys (e.g. witness cosignatures) beside its own', () => {
    const otherRaw = publicKeyRaw(other.publicKey)
    const body = checkpointBody(checkpoint)
    const witness = signText(body, 'witness.example/w1', other.privateKey, otherRaw).slice(body.length + 1)
    const ours = signCheckpoint(checkpoint, NAME, privateKey)
    expect(openCheckpoint(ours + witness, NAME, publicKey)).toEqual(checkpoint)
    expect(openCheckpoint(`${body}\n${witness}${ours.slice(body.length + 1)}`, NAME, publicKey)).toEqual(
      checkpoint,
    )
    expect(openCheckpoint(ours + witness, 'witness.example/w1', other.publicKey)).toEqual(checkpoint)
  })
})

describe('a note that must not open', () => {
  const note = signCheckpoint(checkpoint, NAME, privateKey)
  const body = checkpointBody(checkpoint)
  const signatureLine = note.slice(body.length + 1)

  it('has a bad signature', () => {
    const blob = Buffer.from(signatureLine.trimEnd().split(' ')[2]!, 'base64')
    blob[40]! ^= 0x01
    const forged = `${body}\n\u2014 ${NAME} ${blob.toString('base64')}\n`
    expectReason(() => openCheckpoint(forged, NAME, publicKey), 'bad-signature')
    // A second line from our key that fails rejects the note even beside a good one (C2SP: reject the whole note).
    expectReason(() => openCheckpoint(note + forged.slice(body.length + 1), NAME, publicKey), 'bad-signature')
    // A truncated signature from our key is a bad signature too.
    const short = `${body}\n\u2014 ${NAME} ${blob.subarray(0, 40).toString('base64')}\n`
    expectReason(() => openCheckpoint(short, NAME, publicKey), 'bad-signature')
  })

  it('is signed under another key name or another key', () => {
    expectReason(() => openCheckpoint(note, 'platform-b.qinglang.example/ledger', publicKey), 'unknown-key')
    expectReason(() => openCheckpoint(note, NAME, other.publicKey), 'unknown-key')
    const renamed = note.replace(`\u2014 ${NAME} `, '\u2014 platform-b.qinglang.example/ledger ')
    expectReason(
      () => openCheckpoint(renamed, 'platform-b.qinglang.example/ledger', publicKey),
      'unknown-key',
    )
    // Signed by another key under our name: the key ID differs, so it is someone else's signature.
    const impostor = signText(body, NAME, other.privateKey, publicKeyRaw(other.publicKey))
    expectReason(() => openCheckpoint(impostor, NAME, publicKey), 'unknown-key')
  })

  it.each([
    ['origin', (b: string) => b.replace('platform-a', 'platform-b')],
    ['size', (b: string) => b.replace('\n1048576\n', '\n1048575\n')],
    ['size, grown', (b: string) => b.replace('\n1048576\n', '\n1048577\n')],
    ['root', (b: string) => b.replace('CsUY', 'CsUZ')],
    ['timestamp', (b: string) => b.replace('1767225600000', '1767225600001')],
    ['extension line added', (b: string) => `${b}note added\n`],
  ])('has a tampered body: %s', (_, tamper) => {
    const tampered = tamper(body)
    expect(tampered).not.toBe(body)
    expectReason(() => openCheckpoint(`${tampered}\n${signatureLine}`, NAME, publicKey), 'bad-signature')
  })

  it.each([
    ['empty', ''],
    ['no signatures', `${body}\n`],
    ['no blank line', `${body}${signatureLine}`],
    ['no final newline', note.slice(0, -1)],
    ['a hyphen instead of the em dash', note.replace('\u2014 ', '-- ')],
    ['no space after the dash', note.replace('\u2014 ', '\u2014')],
    ['no signature after the name', `${body}\n\u2014 ${NAME}\n`],
    ['a key name with a plus', note.replace(`\u2014 ${NAME}`, `\u2014 ${NAME}+x`)],
    ['signature not base64', note.replace(/ (\S+)\n$/, ' ***\n')],
    ['signature base64 without padding', note.replace(/=\n$/, '\n')],
    ['a signature of four bytes', `${body}\n\u2014 ${NAME} AAAAAA==\n`],
    ['a trailing blank line', `${note}\n`],
    ['a carriage return', note.replace('\n', '\r\n')],
    ['a NUL', note.replace('timestamp', 'time\u0000stamp')],
    ['a lone surrogate', note.replace('platform', 'plat\ud800form')],
    ['too many signatures', `${body}\n${signatureLine.repeat(101)}`],
  ])('is malformed: %s', (_, text) => {
    expectReason(() => openCheckpoint(text, NAME, publicKey), 'malformed-note')
  })

  it.each([
    ['three lines', 'platform-a\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n'],
    ['an extra extension line', `${body}extra\n`],
    ['an empty origin', body.replace('platform-a.qinglang.example/ledger', '')],
    ['a size with leading zeros', body.replace('\n1048576\n', '\n01048576\n')],
    ['a negative size', body.replace('\n1048576\n', '\n-1\n')],
    ['a size above 2^53', body.replace('\n1048576\n', '\n9007199254740993\n')],
    ['a size with a plus', body.replace('\n1048576\n', '\n+1048576\n')],
    ['a root of 31 bytes', body.replace(/\n\S{44}\n/, `\n${Buffer.alloc(31).toString('base64')}\n`)],
    ['a root in base64url', body.replace(/\n\S{44}\n/, `\n${'_-'.repeat(21)}A=\n`)],
    ['a root with non-zero padding bits', body.replace(/\n\S{44}\n/, `\n${'A'.repeat(42)}B=\n`)],
    ['a root without padding', body.replace(/\n\S{44}\n/, `\n${'A'.repeat(43)}\n`)],
    ['a capitalised timestamp', body.replace('timestamp', 'Timestamp')],
    ['a negative timestamp', body.replace('timestamp 1767225600000', 'timestamp -1')],
    ['a fractional timestamp', body.replace('timestamp 1767225600000', 'timestamp 1.5')],
    ['two spaces in the timestamp', body.replace('timestamp ', 'timestamp  ')],
    ['a blank line in the body', body.replace('\ntimestamp', '\n\ntimestamp')],
    ['not a checkpoint at all', 'hello\n'],
  ])('signed, but not a checkpoint: %s', (_, text) => {
    expectReason(() => openCheckpoint(signOurs(text), NAME, publicKey), 'malformed-checkpoint')
  })

  test.prop([fc.nat(), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' })], { numRuns: 300 })(
    'has any one character changed',
    (at, replacement) => {
      const i = at % note.length
      const changed = note.slice(0, i) + replacement + note.slice(i + 1)
      fc.pre(changed !== note)
      expect(() => openCheckpoint(changed, NAME, publicKey)).toThrow(CheckpointError)
    },
  )

  test.prop([fc.string({ unit: 'binary' })], { numRuns: 300 })('is any text at all', (text) => {
    expect(() => openCheckpoint(text, NAME, publicKey)).toThrow(CheckpointError)
  })
})

describe('keys and inputs', () => {
  it('converts public keys to and from their 32 raw bytes', () => {
    const raw = publicKeyRaw(publicKey)
    expect(raw.length).toBe(32)
    const back = publicKeyFromRaw(raw)
    expect(back.equals(publicKey)).toBe(true)
    expect(openCheckpoint(signCheckpoint(checkpoint, NAME, privateKey), NAME, back)).toEqual(checkpoint)
  })

  it('refuses keys that are not Ed25519, or not of the right kind', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
    const note = signCheckpoint(checkpoint, NAME, privateKey)
    expectReason(() => signCheckpoint(checkpoint, NAME, rsa.privateKey), 'bad-key')
    expectReason(() => signCheckpoint(checkpoint, NAME, publicKey), 'bad-key')
    expectReason(() => openCheckpoint(note, NAME, rsa.publicKey), 'bad-key')
    expectReason(() => openCheckpoint(note, NAME, privateKey), 'bad-key')
    expectReason(() => publicKeyRaw(privateKey), 'bad-key')
    expectReason(() => publicKeyFromRaw(new Uint8Array(31)), 'bad-key')
  })

  it.each(['', 'has space', 'has+plus', 'tab\there', 'ideographic\u3000space'])(
    'refuses the key name %j',
    (name) => {
      expectReason(() => signCheckpoint(checkpoint, name, privateKey), 'bad-key')
      expectReason(
        () => openCheckpoint(signCheckpoint(checkpoint, NAME, privateKey), name, publicKey),
        'bad-key',
      )
    },
  )

  it.each([
    ['an empty origin', { ...checkpoint, origin: '' }],
    ['a two-line origin', { ...checkpoint, origin: 'a\nb' }],
    ['a negative size', { ...checkpoint, size: -1 }],
    ['a fractional size', { ...checkpoint, size: 1.5 }],
    ['an unsafe size', { ...checkpoint, size: 2 ** 53 }],
    ['a short root', { ...checkpoint, root: new Uint8Array(31) }],
    ['a root that is a leaf input, not a hash', { ...checkpoint, root: new Uint8Array(33) }],
    ['a NaN timestamp', { ...checkpoint, timestamp: Number.NaN }],
  ])('will not write a checkpoint with %s', (_, c) => {
    expectReason(() => checkpointBody(c), 'malformed-checkpoint')
    expectReason(() => signCheckpoint(c, NAME, privateKey), 'malformed-checkpoint')
  })

  it('accepts any 32-byte root, such as a leaf hash', () => {
    const c = { ...checkpoint, root: hashLeaf(new Uint8Array(0)) }
    expect(openCheckpoint(signCheckpoint(c, NAME, privateKey), NAME, publicKey)).toEqual(c)
  })
})

// The example key and note of Go's signed-note package (golang.org/x/mod/sumdb/note, example_test.go; the same
// vector sits in Go's cmd/go/internal/note). Its text is not a checkpoint, so it cannot open as one; it checks our key
// ID and Ed25519 signature against an independent implementation.
describe('the Go sumdb/note example vector', () => {
  const skey = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz'
  const vkey = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'
  const text =
    "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
  const signature =
    'x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM='
  const goNote = `${text}\n\u2014 PeterNeumann ${signature}\n`
  // Go keys: base64(type byte 0x01 ‖ 32-byte seed or public key) after the last '+' of name+id+.
  const seed = Buffer.from(skey.split('+').slice(4).join('+'), 'base64').subarray(1)
  const peterPrivate = createPrivateKey({
    key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]),
    format: 'der',
    type: 'pkcs8',
  })
  const peterRaw = new Uint8Array(Buffer.from(vkey.split('+').slice(2).join('+'), 'base64').subarray(1))
  const peterPublic = publicKeyFromRaw(peterRaw)

  it('derives the same public key and key ID c74f20a3', () => {
    expect(publicKeyRaw(peterPublic)).toEqual(peterRaw)
    const note = signCheckpoint(checkpoint, 'PeterNeumann', peterPrivate)
    const blob = Buffer.from(note.trimEnd().split(' ').at(-1)!, 'base64')
    expect(blob.subarray(0, 4).toString('hex')).toBe('c74f20a3')
    expect(openCheckpoint(note, 'PeterNeumann', peterPublic)).toEqual(checkpoint)
  })

  it('verifies Go’s signature, then refuses the text as a checkpoint', () => {
    expectReason(() => openCheckpoint(goNote, 'PeterNeumann', peterPublic), 'malformed-checkpoint')
    const forged = goNote.replace('ZInNIuGU', 'ZInNIuGV')
    expectReason(() => openCheckpoint(forged, 'PeterNeumann', peterPublic), 'bad-signature')
    expectReason(() => openCheckpoint(goNote, 'EnochRoot', peterPublic), 'unknown-key')
  })
})
