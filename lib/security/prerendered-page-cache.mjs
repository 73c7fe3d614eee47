// @ts-check
// The cache of prerendered pages (ISR), with one addition: each prerendered page is stored and served
// with a Content-Security-Policy listing the hashes of ITS inline scripts.
//
// Why: a nonce needs a page rendered per request, and the programme page is prerendered on purpose
// (it must cost no more than a bare static page). Its inline scripts (Next's RSC payload) change
// whenever the page is regenerated, so no fixed list of hashes can match them. The policy is
// therefore computed from the HTML when an entry is written (regeneration) and when it is read
// (the build's seed files), and Next serves the headers stored with an entry together with its
// HTML: page and policy always match, at no cost per request, and a shared cache may keep both.
// e2e tests check that the hashes served match the page served.
//
// `withPrerenderedPolicies` adds this to any cache handler class; the default export adds it to
// Next's own file-system cache. Configured in next.config.ts (`cacheHandler`); Next imports this
// file at run time, without compiling it.
import path from 'node:path'
import fileSystemCacheModule from 'next/dist/server/lib/incremental-cache/file-system-cache.js'
import { hashPolicy, inlineScriptHashes, prerenderedPages } from './headers.mjs'

// A CommonJS module: Node's import gives its exports object, bundlers and Vitest its default export.
const FileSystemCache =
  /** @type {typeof import('next/dist/server/lib/incremental-cache/file-system-cache.js').default} */ (
    /** @type {any} */ (fileSystemCacheModule).default ?? fileSystemCacheModule
  )

/** Entries whose policy this process already set (handlers hand the same object out again). */
const checked = new WeakSet()

/**
 * The pathname of a response cache key (`/route-cache/APP_PAGE/<route hash>/$/confidentialite`,
 * `…/$/index` for `/`), as documented for custom cache handlers.
 * @param {string} key
 */
export function pathnameOfCacheKey(key) {
  const start = key.indexOf('/$/')
  if (start === -1) return null
  const page = key.slice(start + 2)
  return page === '/index' ? '/' : page
}

/**
 * Gives a prerendered page entry the hash policy of its own HTML. Only the build's prerendered
 * pages (prerenderedPages): proxy.ts gives every other page a nonce policy, and a second policy
 * would block its scripts.
 * @param {string} key
 * @param {any} value a cache entry's value (`{ kind: 'APP_PAGE', html, headers, … }`)
 * @param {ReadonlySet<string>} prerendered
 */
export function withPrerenderedPolicy(key, value, prerendered) {
  if (!value || value.kind !== 'APP_PAGE' || typeof value.html !== 'string') return
  if (checked.has(value)) return
  const pathname = pathnameOfCacheKey(key)
  if (pathname === null || !prerendered.has(pathname)) return
  value.headers = {
    ...value.headers,
    'content-security-policy': hashPolicy(inlineScriptHashes(value.html)),
  }
  checked.add(value)
}

/**
 * @typedef {{
 *   get(key: string, ...rest: any[]): Promise<{ value?: unknown } | null>,
 *   set(key: string, data: unknown, ...rest: any[]): Promise<void>,
 * }} CacheHandlerLike
 */

/**
 * A cache handler class that stores and serves each prerendered page with its hash policy.
 * @template {new (...args: any[]) => CacheHandlerLike} Base
 * @param {Base} Base
 */
export function withPrerenderedPolicies(Base) {
  return class extends Base {
    /** @type {ReadonlySet<string>} */
    prerendered

    /** @param {any[]} args Next passes one context, with `serverDistDir` (`<distDir>/server`). */
    constructor(...args) {
      super(...args)
      const serverDistDir = args[0]?.serverDistDir
      // Next also makes cache handlers while building, before the manifest exists: no report then.
      this.prerendered = serverDistDir
        ? prerenderedPages(path.dirname(serverDistDir), { report: false })
        : new Set()
    }

    /**
     * @override
     * @param {[string, ...any[]]} args
     */
    async get(...args) {
      const entry = await super.get(...args)
      if (entry?.value) withPrerenderedPolicy(args[0], entry.value, this.prerendered)
      return entry
    }

    /**
     * @override
     * @param {[string, unknown, ...any[]]} args
     */
    async set(...args) {
      // The same object goes on to make the response of the request that regenerated the page.
      if (args[1]) withPrerenderedPolicy(args[0], args[1], this.prerendered)
      return super.set(...args)
    }
  }
}

export default withPrerenderedPolicies(FileSystemCache)
