// Printing an HTML document to PDF with the node's Chromium (`--headless --print-to-pdf`), for documents that are
// served to a party as files (the 行政处罚决定书). One print at a time per process; each in a folder of its own,
// removed afterwards. Nothing of the document stays on disk.
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DomainError } from '../core/errors.ts'

let queue: Promise<unknown> = Promise.resolve()

/** The PDF of a self-contained HTML document (no network: it must carry its own styles). */
export function printPdf(chromium: string | null, html: string, timeoutMs = 30_000): Promise<Buffer> {
  if (chromium === null) return Promise.reject(new DomainError('PDF_UNAVAILABLE'))
  const run = queue.then(() => print(chromium, html, timeoutMs))
  queue = run.catch(() => undefined)
  return run
}

async function print(chromium: string, html: string, timeoutMs: number): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'qinglang-pdf-'))
  try {
    const input = path.join(dir, 'document.html')
    const output = path.join(dir, 'document.pdf')
    await writeFile(input, html, 'utf8')
    await new Promise<void>((resolve, reject) => {
      execFile(
        chromium,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--no-first-run',
          '--no-pdf-header-footer',
          `--user-data-dir=${path.join(dir, 'profile')}`,
          `--print-to-pdf=${output}`,
          `file://${input}`,
        ],
        { timeout: timeoutMs },
        (err) => (err ? reject(new DomainError('PDF_UNAVAILABLE', { cause: err.message })) : resolve()),
      )
    })
    const pdf = await readFile(output).catch(() => null)
    if (pdf === null || pdf.subarray(0, 5).toString('latin1') !== '%PDF-')
      throw new DomainError('PDF_UNAVAILABLE')
    return pdf
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
