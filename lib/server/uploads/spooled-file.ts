import 'server-only'
import { randomUUID } from 'node:crypto'
import { createWriteStream, type WriteStream } from 'node:fs'
import { readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'

/**
 * Past this many bytes an upload goes to a temporary file instead of memory: a phone's slow upload
 * then costs the server almost nothing while it arrives, however many arrive at once.
 */
export const SPOOL_MEMORY_BYTES = 256 * 1024

/**
 * Where an uploaded file waits between its arrival and its inspection: memory for small files, a
 * temporary file (mode 600, random name in the OS temporary folder) for larger ones. The file is
 * only a buffer for this one request — `dispose()` removes it, and nothing but the database keeps
 * a piece, so any instance can serve the next request.
 */
export class SpooledFile extends Writable {
  size = 0
  private chunks: Buffer[] = []
  private file: { path: string; stream: WriteStream } | null = null

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void) {
    this.size += chunk.length
    if (!this.file && this.size <= SPOOL_MEMORY_BYTES) {
      this.chunks.push(chunk)
      callback()
      return
    }
    if (!this.file) {
      const filePath = path.join(tmpdir(), `cnam-upload-${randomUUID()}`)
      const stream = createWriteStream(filePath, { mode: 0o600 })
      stream.on('error', (error) => this.destroy(error))
      this.file = { path: filePath, stream }
      for (const earlier of this.chunks) stream.write(earlier)
      this.chunks = []
    }
    if (this.file.stream.write(chunk)) callback()
    else this.file.stream.once('drain', () => callback())
  }

  override _final(callback: (error?: Error | null) => void) {
    if (!this.file) return callback()
    this.file.stream.end(() => callback())
  }

  /** The whole file, once it has been received (`finish`). */
  async bytes(): Promise<Uint8Array> {
    return this.file
      ? new Uint8Array(await readFile(this.file.path))
      : new Uint8Array(Buffer.concat(this.chunks))
  }

  /** Forgets the file: memory released, temporary file removed. Safe to call more than once. */
  async dispose(): Promise<void> {
    this.chunks = []
    const file = this.file
    this.file = null
    if (!file) return
    await new Promise<void>((resolve) =>
      file.stream.closed ? resolve() : file.stream.close(() => resolve()),
    )
    await rm(file.path, { force: true })
  }
}
