// Cache invalidation shared by every instance of the portal behind a load balancer.
//
// Next keeps prerendered pages (ISR) per instance, and `revalidatePath` on one instance only
// expires them there. Each revalidation is therefore also written to the "CacheTag" table, and
// every instance polls that table in the background (never on a request's path) and expires the
// same tags locally, through Next's own mechanism. No clock is compared between machines: a change
// of a tag's stored value is the signal, and the local expiry uses the local clock.

const DEFAULT_POLL_MS = 2000

/**
 * Watches the "CacheTag" table. `onTags` receives the tags to expire locally: at start, every tag
 * ever revalidated (so that pages cached before this process started are checked again), then
 * each tag another instance revalidated.
 * @param {{ pool: { query: (sql: string, params?: unknown[]) => Promise<{ rows: any[] }> } | null, pollMs?: number, onTags: (tags: string[]) => unknown, log?: (line: string) => void }} options
 */
export function createTagWatcher({ pool, pollMs = DEFAULT_POLL_MS, onTags, log = () => {} }) {
  /** @type {Map<string, number>} the stored time of each tag, as last seen */
  const seen = new Map()
  /** @type {Date | null} */
  let since = null

  async function poll() {
    if (!pool) return
    try {
      const { rows } = await pool.query(
        since
          ? 'SELECT tag, "revalidatedAt" FROM "CacheTag" WHERE "revalidatedAt" >= $1'
          : 'SELECT tag, "revalidatedAt" FROM "CacheTag"',
        since ? [since] : [],
      )
      const changed = []
      for (const row of rows) {
        const at = new Date(row.revalidatedAt).getTime()
        if (seen.get(row.tag) !== at) {
          changed.push(row.tag)
          seen.set(row.tag, at)
        }
        if (!since || at > since.getTime()) since = new Date(at)
      }
      if (!since) since = new Date(0)
      if (changed.length > 0) await onTags(changed)
    } catch (error) {
      // Keep serving with what is known until the database answers again.
      log(`cache tags poll failed: ${error instanceof Error ? error.message : error}`)
    }
  }

  const ready = poll()
  const timer = pool ? setInterval(poll, pollMs) : null
  timer?.unref?.()

  return {
    ready,
    poll,
    stop: () => timer && clearInterval(timer),
    /** Records tags revalidated here, so that other instances expire them too (and we do not twice). */
    async record(tags) {
      const list = [tags].flat().filter(Boolean)
      if (!pool || list.length === 0) return
      try {
        const { rows } = await pool.query(
          `INSERT INTO "CacheTag" (tag, "revalidatedAt") SELECT unnest($1::text[]), clock_timestamp()
           ON CONFLICT (tag) DO UPDATE SET "revalidatedAt" = EXCLUDED."revalidatedAt"
           RETURNING tag, "revalidatedAt"`,
          [list],
        )
        for (const row of rows) seen.set(row.tag, new Date(row.revalidatedAt).getTime())
      } catch (error) {
        log(`cache tags write failed: ${error instanceof Error ? error.message : error}`)
      }
    },
  }
}
