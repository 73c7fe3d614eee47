// Next.js `cacheHandler` (see next.config.ts): one cache per process, whatever the number of
// handler objects Next creates. Logic in isr-cache.mjs.
import pg from 'pg'
import { createIsrCache } from './isr-cache.mjs'

let cache

function shared() {
  if (!cache) {
    const url = process.env.DATABASE_URL
    cache = createIsrCache({
      pool: url ? new pg.Pool({ connectionString: url, max: 2, idleTimeoutMillis: 30_000 }) : null,
      pollMs: Number(process.env.CACHE_TAG_POLL_MS || 2000),
      log: (line) =>
        console.warn(
          JSON.stringify({
            at: new Date().toISOString(),
            level: 'warn',
            event: 'cache.shared_tags',
            detail: line,
          }),
        ),
    })
  }
  return cache
}

export default class IsrCacheHandler {
  async get(key) {
    return shared().get(key)
  }

  async set(key, data, context) {
    return shared().set(key, data, context)
  }

  async revalidateTag(tags) {
    return shared().revalidateTag(tags)
  }

  resetRequestCache() {}
}
