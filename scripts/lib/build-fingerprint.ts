// Decides whether `next build` must run (a hash of everything a build reads), and runs it: the
// start command, the end-to-end server and the benchmarks build the same way.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
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

/**
 * `next build` into `distDir` (relative to `root`, as NEXT_DIST_DIR or next.config.ts name it for
 * `env`) unless the build there is of the current sources. Next adds a build folder other than
 * `.next` to tsconfig.json's include list: the file is put back, so that a build leaves the tree
 * as it found it. 'failed' when next build failed (its output went to the terminal).
 */
export function buildIfStale(options: {
  root: string
  distDir: string
  env: NodeJS.ProcessEnv
  log: (line: string) => void
}): 'current' | 'built' | 'failed' {
  const distDir = path.resolve(options.root, options.distDir)
  const fingerprint = buildFingerprint(options.root)
  if (isBuildCurrent(distDir, fingerprint)) return 'current'
  options.log('Building the portal (next build)…')
  const tsconfigPath = path.join(options.root, 'tsconfig.json')
  const tsconfig = readFileSync(tsconfigPath, 'utf8')
  const build = spawnSync(
    process.execPath,
    [path.join(options.root, 'node_modules/next/dist/bin/next'), 'build'],
    {
      cwd: options.root,
      stdio: 'inherit',
      env: options.env,
    },
  )
  writeFileSync(tsconfigPath, tsconfig)
  if (build.status !== 0) return 'failed'
  writeFileSync(markerPath(distDir), fingerprint)
  return 'built'
}
