import { fileURLToPath } from 'node:url'
import type { NextConfig } from 'next'
import {
  ALLOWED_WRITE_ORIGINS,
  BASELINE_HEADERS,
  FILE_POLICY,
  responseHeaders,
  UNPROXIED_ROUTES,
} from './lib/security/headers.mjs'
import { SERVER_ACTION_BODY_LIMIT_BYTES } from './lib/security/request-limits.mjs'

const config: NextConfig = {
  // A separate build folder lets the end-to-end tests build against their own database without
  // replacing the build `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // A reverse proxy compresses for less CPU than Node: COMPRESSION=off leaves it to the proxy
  // (README, « Every core »). Read at `next start`, like NEXT_DIST_DIR.
  compress: process.env.COMPRESSION !== 'off',
  reactStrictMode: true,
  // Next's file-system cache, with invalidation shared by every instance (lib/cache/shared-tags.mjs)
  // and each prerendered page stored with a CSP listing the hashes of its inline scripts
  // (lib/security/prerendered-page-cache.mjs). Loaded by Next at run time, not compiled.
  cacheHandler: fileURLToPath(new URL('./lib/cache/portal-cache-handler.mjs', import.meta.url)),
  experimental: {
    // Next refuses a server action whose Origin is not the host it was sent to; hosts listed here
    // are accepted too (README, "Security headers"). proxy.ts refuses a larger body with a 413 before
    // Next's handler would answer 500.
    serverActions: { allowedOrigins: ALLOWED_WRITE_ORIGINS, bodySizeLimit: SERVER_ACTION_BODY_LIMIT_BYTES },
    // Bodies the proxy sees are copied up to this size (the rest is cut off). Above any body we
    // accept, so that our own limits answer (413 naming the file) rather than a truncated body.
    proxyClientMaxBodySize: 11 * 1024 * 1024,
  },
  // proxy.ts sets the headers of every other response; its matcher skips Next's build files.
  async headers() {
    const headers = { ...BASELINE_HEADERS, 'Content-Security-Policy': FILE_POLICY }
    const toList = (values: Record<string, string>) =>
      Object.entries(values).map(([key, value]) => ({ key, value }))
    return [
      ...['/_next/static/:path*', '/_next/image'].map((source) => ({ source, headers: toList(headers) })),
      // The routes proxy.ts skips get the headers it would have set (they depend on the path only).
      ...UNPROXIED_ROUTES.map((source) => ({
        source,
        headers: toList(
          responseHeaders({ pathname: source, searchParams: new URLSearchParams(), prerendered: new Set() }),
        ),
      })),
    ]
  },
}

export default config
