// Decides whether `next build` must run: a hash of everything a build reads.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

const INPUTS = [
  'app',
  'components',
  'lib',
  'public',
  'prisma/schema.prisma',
  'next.config.ts',
  'package-lock.json',
  'tsconfig.json',
  'postcss.config.mjs',
]
const SKIP = new Set(['node_modules', 'generated', '.next'])

function collect(entry: string, files: string[]): void {
  if (!existsSync(entry)) return
  if (statSync(entry).isDirectory()) {
    for (const child of readdirSync(entry).sort()) {
      if (!SKIP.has(child) && !child.endsWith('.test.ts') && !child.endsWith('.test.tsx'))
        collect(path.join(entry, child), files)
    }
  } else {
    files.push(entry)
  }
}

export function buildFingerprint(root: string): string {
  const files: string[] = []
  for (const input of INPUTS) collect(path.join(root, input), files)
  const hash = createHash('sha256')
  for (const file of files) {
    hash.update(path.relative(root, file))
    hash.update('\0')
    hash.update(readFileSync(file))
    hash.update('\0')
  }
  return hash.digest('hex')
}

const MARKER = 'portal-build-fingerprint'

export function isBuildCurrent(distDir: string, fingerprint: string): boolean {
  const marker = path.join(distDir, MARKER)
  return (
    existsSync(path.join(distDir, 'BUILD_ID')) &&
    existsSync(marker) &&
    readFileSync(marker, 'utf8') === fingerprint
  )
}

export function markerPath(distDir: string): string {
  return path.join(distDir, MARKER)
}
