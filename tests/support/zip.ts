// A small ZIP reader for tests that check archives the portal makes (archiver writes them):
// reads the central directory, then each entry, stored or deflated.
import { inflateRawSync } from 'node:zlib'

export type ZipEntry = { name: string; bytes: Buffer }

export function readZip(archive: Buffer): ZipEntry[] {
  // End of central directory: signature 0x06054b50, in the last 22 bytes (no archive comment).
  let end = archive.length - 22
  while (end >= 0 && archive.readUInt32LE(end) !== 0x06054b50) end -= 1
  if (end < 0) throw new Error('Not a ZIP archive: no end of central directory')
  const count = archive.readUInt16LE(end + 10)
  let offset = archive.readUInt32LE(end + 16)
  const entries: ZipEntry[] = []
  for (let index = 0; index < count; index += 1) {
    if (archive.readUInt32LE(offset) !== 0x02014b50) throw new Error('Broken central directory')
    const method = archive.readUInt16LE(offset + 10)
    const compressedSize = archive.readUInt32LE(offset + 20)
    const nameLength = archive.readUInt16LE(offset + 28)
    const extraLength = archive.readUInt16LE(offset + 30)
    const commentLength = archive.readUInt16LE(offset + 32)
    const localOffset = archive.readUInt32LE(offset + 42)
    const name = archive.subarray(offset + 46, offset + 46 + nameLength).toString('utf8')
    const localNameLength = archive.readUInt16LE(localOffset + 26)
    const localExtraLength = archive.readUInt16LE(localOffset + 28)
    const start = localOffset + 30 + localNameLength + localExtraLength
    const data = archive.subarray(start, start + compressedSize)
    entries.push({ name, bytes: method === 0 ? Buffer.from(data) : inflateRawSync(data) })
    offset += 46 + nameLength + extraLength + commentLength
  }
  return entries
}
