import { fileURLToPath } from 'node:url'
import type { NextConfig } from 'next'
import { ALLOWED_WRITE_ORIGINS, BASELINE_HEADERS, FILE_POLICY } from './lib/security/headers.mjs'
import { SERVER_ACTION_BODY_LIMIT_BYTES } from './lib/security/request-limits.mjs'

const config: NextConfig = {
  // A separate build folder lets the end-to-end tests build against their own database without
  // replacing the build `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
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
  },
  // proxy.ts sets the headers of every other response; its matcher skips Next's build files.
  async headers() {
    const headers = { ...BASELINE_HEADERS, 'Content-Security-Policy': FILE_POLICY }
    return ['/_next/static/:path*', '/_next/image'].map((source) => ({
      source,
      headers: Object.entries(headers).map(([key, value]) => ({ key, value })),
    }))
  },
}

export default config
