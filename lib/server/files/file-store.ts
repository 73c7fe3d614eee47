import 'server-only'
import type { PdfActiveContent } from '@/lib/domain/piece-warnings'
import type { DbClient } from '@/lib/server/db'

/**
 * Where the bytes of uploaded pieces live. The default keeps them in PostgreSQL (StoredFileContent)
 * so that a dossier and its pieces commit or roll back together, and every instance sees them;
 * another store (object storage) would implement the same three operations.
 */
export type FileToStore = {
  bytes: Uint8Array
  mimeType: string
  sizeBytes: number
  sha256: string
  originalName: string
  /** What the upload inspection found in a PDF that a reader may run or open. */
  activeContent: PdfActiveContent[]
}

export interface FileStore {
  /** Stores a file inside the caller's transaction and returns its id. */
  put(tx: DbClient, file: FileToStore): Promise<string>
  read(
    tx: DbClient,
    fileId: string,
  ): Promise<{ bytes: Uint8Array; mimeType: string; originalName: string; sizeBytes: number } | null>
  remove(tx: DbClient, fileId: string): Promise<void>
}

export const postgresFileStore: FileStore = {
  async put(tx, file) {
    const created = await tx.storedFile.create({
      data: {
        mimeType: file.mimeType,
        sizeBytes: file.sizeBytes,
        sha256: file.sha256,
        originalName: file.originalName,
        pdfActiveContent: file.activeContent,
        storage: 'postgres',
        content: { create: { bytes: Buffer.from(file.bytes) } },
      },
      select: { id: true },
    })
    return created.id
  },
  async read(tx, fileId) {
    const file = await tx.storedFile.findUnique({
      where: { id: fileId },
      select: { mimeType: true, originalName: true, sizeBytes: true, content: { select: { bytes: true } } },
    })
    if (!file?.content) return null
    return {
      bytes: new Uint8Array(file.content.bytes),
      mimeType: file.mimeType,
      originalName: file.originalName,
      sizeBytes: file.sizeBytes,
    }
  },
  async remove(tx, fileId) {
    await tx.storedFile.delete({ where: { id: fileId } })
  },
}

export const fileStore: FileStore = postgresFileStore
