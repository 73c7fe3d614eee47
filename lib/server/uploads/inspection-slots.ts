import 'server-only'
import pLimit from 'p-limit'

/**
 * Decoding a file (sharp re-encodes images, pdf-lib parses PDFs) and storing it holds it in memory
 * several times over; on a deadline day dozens arrive at once. Each worker process runs at most
 * this many at once and lets a few more wait their turn; past that the uploader is asked to retry
 * in a moment (503 + Retry-After), which the page does by itself.
 */
export const INSPECTIONS_AT_ONCE = 2
export const INSPECTIONS_WAITING = 24
export const RETRY_AFTER_SECONDS = 3

const limit = pLimit(INSPECTIONS_AT_ONCE)

/** Runs `task` when a slot is free, or answers `busy` at once when too many are already waiting. */
export async function withInspectionSlot<T>(
  task: () => Promise<T>,
): Promise<{ busy: true } | { busy: false; value: T }> {
  if (limit.pendingCount >= INSPECTIONS_WAITING) return { busy: true }
  return { busy: false, value: await limit(task) }
}
