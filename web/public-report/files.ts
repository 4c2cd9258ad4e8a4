// Evidence files as the browser reads them: the type is decided by the file's first bytes, never by its name or the
// type the browser guesses, the same rule the server applies; too big or of another kind is refused before sending.
import type { EvidenceFileBody, EvidenceType } from '../api/types.ts'

export const MAX_FILES = 3
export const MAX_FILE_BYTES = 1_048_576
export const ACCEPT = 'image/png,image/jpeg,application/pdf,.png,.jpg,.jpeg,.pdf'

const MAGIC: readonly [EvidenceType, readonly number[]][] = [
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
]

export function sniffType(head: Uint8Array): EvidenceType | null {
  for (const [type, magic] of MAGIC) {
    if (head.length >= magic.length && magic.every((b, i) => head[i] === b)) return type
  }
  return null
}

function base64Of(bytes: Uint8Array): string {
  let binary = ''
  const CHUNK = 0x8000
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK))
  }
  return btoa(binary)
}

export type ReadResult =
  | { ok: true; file: EvidenceFileBody; size: number }
  | { ok: false; reason: 'tooLarge' | 'wrongType'; name: string }

export async function readEvidence(file: File): Promise<ReadResult> {
  if (file.size > MAX_FILE_BYTES) return { ok: false, reason: 'tooLarge', name: file.name }
  const bytes = new Uint8Array(await file.arrayBuffer())
  const type = sniffType(bytes.subarray(0, 8))
  if (type === null) return { ok: false, reason: 'wrongType', name: file.name }
  return {
    ok: true,
    file: { name: file.name.slice(0, 200), type, data: base64Of(bytes) },
    size: bytes.length,
  }
}
