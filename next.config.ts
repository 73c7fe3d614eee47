import type { NextConfig } from 'next'

const config: NextConfig = {
  // A separate build folder lets the end-to-end tests build against their own database without
  // replacing the build `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  reactStrictMode: true,
}

export default config
