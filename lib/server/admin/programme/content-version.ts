import 'server-only'
import { createHash } from 'node:crypto'
import type { DbClient } from '@/lib/server/db'

/** JSON with object keys sorted, so that equal contents always serialise the same way. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/**
 * The version of what a form edits: a hash of its content as stored. A form sends back the version
 * it was loaded with; the save refuses it when the content changed since (another editor saved).
 * A hash rather than `updatedAt` because the catalogues, tariffs and calendars live in several
 * tables, most without such a column, and two editors working on different parts of a session must
 * not block each other.
 */
export function contentVersion(content: unknown): string {
  return createHash('sha256').update(stableJson(content)).digest('base64url')
}

/**
 * Row locks taken first in every edit transaction, so that the version check and the writes of
 * two editors happen one after the other, never interleaved. False when the row does not exist.
 */
export async function lockProgramme(tx: DbClient, programmeId: string, mode: 'UPDATE' | 'SHARE' = 'UPDATE') {
  const rows =
    mode === 'UPDATE'
      ? await tx.$queryRaw<unknown[]>`SELECT id FROM "Programme" WHERE id = ${programmeId}::uuid FOR UPDATE`
      : await tx.$queryRaw<unknown[]>`SELECT id FROM "Programme" WHERE id = ${programmeId}::uuid FOR SHARE`
  return rows.length > 0
}

export async function lockCentre(tx: DbClient, centreId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<unknown[]>`SELECT id FROM "Centre" WHERE id = ${centreId}::uuid FOR UPDATE`
  return rows.length > 0
}

export async function lockSession(tx: DbClient, sessionId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<
    unknown[]
  >`SELECT id FROM "AcademicSession" WHERE id = ${sessionId}::uuid FOR UPDATE`
  return rows.length > 0
}
