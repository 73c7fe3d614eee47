import type { Metadata, Viewport } from 'next'
import localFont from 'next/font/local'
import { SITE_NAME } from '@/lib/site'
import './globals.css'

// Served from our own origin (an npm package), not from Google: works offline and leaks nothing.
const sourceSans = localFont({
  src: '../node_modules/@fontsource-variable/source-sans-3/files/source-sans-3-latin-wght-normal.woff2',
  weight: '200 900',
  display: 'swap',
  variable: '--font-source-sans',
})

export const metadata: Metadata = {
  title: { default: SITE_NAME, template: `%s — ${SITE_NAME}` },
  applicationName: SITE_NAME,
  formatDetection: { telephone: false },
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#1e40af',
}

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="fr" className={sourceSans.variable}>
      <body className="min-h-dvh bg-white antialiased">{children}</body>
    </html>
  )
}
