// BENCHMARKS.md: one section per benchmark. Each run rewrites only what lies between its section's
// markers (the figures, with the date, machine and commit they come from); what a person wrote
// around them (the analysis) is kept, and the budget summary at the top is rebuilt from the
// budgets recorded in every section, so running one benchmark never erases the others.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ROOT } from './harness'

export type Budget = {
  /** What is measured, e.g. "p95 of a submission". */
  name: string
  /** The budget as the issue states it, e.g. "≤ 500 ms". */
  target: string
  /** The figure this run produced, e.g. "412 ms". */
  measured: string
  met: boolean
}

export type SectionResult = { markdown: string; budgets: Budget[] }

export type Benchmark = {
  /** Kebab-case, used on the command line (`npm run bench -- <id>`) and in the markers. */
  id: string
  title: string
  run: () => Promise<SectionResult>
}

const FILE = path.join(ROOT, 'BENCHMARKS.md')
const SUMMARY_START = '<!-- bench:summary:start -->'
const SUMMARY_END = '<!-- bench:summary:end -->'
const start = (id: string) => `<!-- bench:${id}:start -->`
const end = (id: string) => `<!-- bench:${id}:end -->`
const BUDGETS = /<!-- bench:budgets (.*?) -->/

const INTRO = `# Benchmarks

Measured by \`npm run bench\` (all) or \`npm run bench -- <id> …\` (some), on the machine named in
each section; never part of \`npm test\`. These machines are shared and noisy, so timings are
given as ratios against a baseline measured in the same run wherever the issue asks for one.
Each run rewrites the figures between its section's markers; the notes around them are written
by hand and kept.

## Budgets

${SUMMARY_START}
${SUMMARY_END}
`

export function machine(): string {
  const cpus = os.cpus()
  const commit = (() => {
    try {
      const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim()
      const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: ROOT }).toString().trim()
      return dirty ? `${sha} (with uncommitted changes)` : sha
    } catch {
      return 'unknown'
    }
  })()
  return (
    `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · commit ${commit} · ` +
    `${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'} · ${Math.round(os.totalmem() / 2 ** 30)} GiB · ` +
    `Node ${process.version}`
  )
}

function budgetTable(budgets: Budget[]): string {
  if (budgets.length === 0) return ''
  return [
    '| Measure | Budget | Measured | |',
    '| --- | --- | --- | --- |',
    ...budgets.map((b) => `| ${b.name} | ${b.target} | ${b.measured} | ${b.met ? 'met' : '**not met**'} |`),
  ].join('\n')
}

/** Writes one benchmark's result into BENCHMARKS.md (creating the file or the section). */
export function writeSection(benchmark: Benchmark, result: SectionResult, order: string[]): void {
  let text = existsSync(FILE) ? readFileSync(FILE, 'utf8') : INTRO
  const body = [
    start(benchmark.id),
    `<!-- bench:budgets ${JSON.stringify(result.budgets)} -->`,
    `_${machine()}_`,
    '',
    result.markdown.trim(),
    '',
    budgetTable(result.budgets),
    end(benchmark.id),
  ].join('\n')
  const from = text.indexOf(start(benchmark.id))
  const to = text.indexOf(end(benchmark.id))
  if (from >= 0 && to > from) {
    text = text.slice(0, from) + body + text.slice(to + end(benchmark.id).length)
  } else {
    // A new section goes before the first section that comes after it in `order`.
    const section = `## ${benchmark.title}\n\n${body}\n\n`
    const later = order.slice(order.indexOf(benchmark.id) + 1)
    const nextHeading = later
      .map((id) => text.indexOf(start(id)))
      .filter((index) => index >= 0)
      .map((index) => text.lastIndexOf('\n## ', index) + 1)
      .sort((a, b) => a - b)[0]
    text =
      nextHeading !== undefined && nextHeading > 0
        ? text.slice(0, nextHeading) + section + text.slice(nextHeading)
        : `${text.trimEnd()}\n\n${section}`
  }
  writeFileSync(FILE, rebuildSummary(text, order))
}

function rebuildSummary(text: string, order: string[]): string {
  const rows: Budget[] = []
  for (const id of order) {
    const from = text.indexOf(start(id))
    const to = text.indexOf(end(id))
    if (from < 0 || to < 0) continue
    const match = BUDGETS.exec(text.slice(from, to))
    if (match) rows.push(...(JSON.parse(match[1]!) as Budget[]))
  }
  const from = text.indexOf(SUMMARY_START)
  const to = text.indexOf(SUMMARY_END)
  if (from < 0 || to < 0) return text
  return `${text.slice(0, from + SUMMARY_START.length)}\n${budgetTable(rows)}\n${text.slice(to)}`
}
