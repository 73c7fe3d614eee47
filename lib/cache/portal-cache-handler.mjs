// @ts-check
// The portal's Next.js `cacheHandler` (next.config.ts): Next's own file-system cache, with
//  - invalidation shared by every instance (shared-tags.mjs), and
//  - each prerendered page stored with the hash CSP of its own inline scripts
//    (lib/security/prerendered-page-cache.mjs).
// Next loads this file at run time, without compiling it: plain JavaScript.
import pg from 'pg'
import fileSystemCacheModule from 'next/dist/server/lib/incremental-cache/file-system-cache.js'
import { withPrerenderedPolicies } from '../security/prerendered-page-cache.mjs'
import { createTagWatcher } from './shared-tags.mjs'

const FileSystemCache = /** @type {any} */ (fileSystemCacheModule).default ?? fileSystemCacheModule

/** One watcher per process, whatever the number of handler objects Next creates. */
let watcher

class SharedTagsFileSystemCache extends FileSystemCache {
  /** @param {any} context */
  constructor(context) {
    super(context)
    const url = process.env.DATABASE_URL
    if (!watcher && url && process.env.NEXT_PHASE !== 'phase-production-build') {
      watcher = createTagWatcher({
        pool: new pg.Pool({ connectionString: url, max: 1, idleTimeoutMillis: 30_000 }),
        pollMs: Number(process.env.CACHE_TAG_POLL_MS || 2000),
        // Expiring a tag in Next's tags manifest is what a local revalidateTag does.
        onTags: (tags) => FileSystemCache.prototype.revalidateTag.call(this, tags),
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
  }

  /**
   * @param {string | string[]} tags
   * @param {any} [durations]
   */
  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations)
    await watcher?.record(tags)
  }
}

export default withPrerenderedPolicies(SharedTagsFileSystemCache)
