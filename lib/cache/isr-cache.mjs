// The cache of prerendered pages (ISR) and route handler responses, shared in behaviour by every
// instance of the portal behind a load balancer.
//
// Entries stay in each process's memory: they are derived from the database and cheap to rebuild,
// and the page's hot path never touches the database. What must be shared is INVALIDATION: when
// staff change the programme on one instance (revalidatePath), every instance must stop serving the
// old page. Each revalidation is written to the "CacheTag" table; every instance polls it in the
// background and drops its entries carrying a tag that was revalidated since its last look. No
// clock comparison between machines is involved: a change of the stored value is the signal.

const DEFAULT_POLL_MS = 2000
const MAX_ENTRIES = 500

/** Tags of an entry: from Next's x-next-cache-tags header (pages, routes) or the set() context. */
export function entryTags(value, contextTags) {
  const header = value?.headers?.['x-next-cache-tags']
  const fromHeader = typeof header === 'string' ? header.split(',').filter(Boolean) : []
  return [...new Set([...fromHeader, ...(contextTags ?? [])])]
}

/**
 * The cache's logic, with its database access injected (`pool` is a pg Pool or null) so that it
 * can be tested without Next.js.
 */
export function createIsrCache({ pool, pollMs = DEFAULT_POLL_MS, log = () => {} }) {
  const entries = new Map()
  /** Last revalidation time seen for each tag (the database's own timestamps, compared for change only). */
  const seen = new Map()
  let lastPoll = null

  function dropTagged(tags) {
    const wanted = new Set(tags)
    for (const [key, entry] of entries) if (entry.tags.some((tag) => wanted.has(tag))) entries.delete(key)
  }

  async function poll() {
    if (!pool) return
    try {
      const { rows } = await pool.query(
        lastPoll
          ? 'SELECT tag, "revalidatedAt" FROM "CacheTag" WHERE "revalidatedAt" >= $1'
          : 'SELECT tag, "revalidatedAt" FROM "CacheTag"',
        lastPoll ? [lastPoll] : [],
      )
      const changed = []
      for (const row of rows) {
        const at = new Date(row.revalidatedAt).getTime()
        if (seen.get(row.tag) !== at) {
          // On the very first look, entries are empty anyway: only remember the state.
          if (seen.has(row.tag) || lastPoll) changed.push(row.tag)
          seen.set(row.tag, at)
        }
        if (!lastPoll || at > lastPoll.getTime()) lastPoll = new Date(at)
      }
      if (!lastPoll) lastPoll = new Date(0)
      if (changed.length > 0) dropTagged(changed)
    } catch (error) {
      // Keep serving with the last known state until the database answers again.
      log(`cache tag poll failed: ${error instanceof Error ? error.message : error}`)
    }
  }

  const ready = poll()
  const timer = pool ? setInterval(poll, pollMs) : null
  timer?.unref?.()

  return {
    ready,
    poll,
    stop: () => timer && clearInterval(timer),
    async get(key) {
      const entry = entries.get(key)
      if (!entry) return null
      // Refresh the order for the LRU bound.
      entries.delete(key)
      entries.set(key, entry)
      return { value: entry.value, lastModified: entry.lastModified }
    },
    async set(key, value, context) {
      if (value === null || value === undefined) {
        entries.delete(key)
        return
      }
      entries.set(key, { value, lastModified: Date.now(), tags: entryTags(value, context?.tags) })
      while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value)
    },
    async revalidateTag(tags) {
      const list = [tags].flat().filter(Boolean)
      if (list.length === 0) return
      dropTagged(list)
      if (!pool) return
      try {
        const result = await pool.query(
          `INSERT INTO "CacheTag" (tag, "revalidatedAt") SELECT unnest($1::text[]), clock_timestamp()
           ON CONFLICT (tag) DO UPDATE SET "revalidatedAt" = EXCLUDED."revalidatedAt"
           RETURNING tag, "revalidatedAt"`,
          [list],
        )
        // Our own revalidation is already applied here: do not apply it again at the next poll.
        for (const row of result.rows) seen.set(row.tag, new Date(row.revalidatedAt).getTime())
      } catch (error) {
        log(`cache tag write failed: ${error instanceof Error ? error.message : error}`)
      }
    },
    size: () => entries.size,
  }
}
