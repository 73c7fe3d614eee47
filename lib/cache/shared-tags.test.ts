import { describe, expect, it } from 'vitest'
import { createTagWatcher } from './shared-tags.mjs'

/** A stand-in for the "CacheTag" table, shared by several "instances" like the real database. */
function fakeDatabase() {
  const table = new Map<string, Date>()
  let clock = 1_000
  return {
    async query(sql: string, params: unknown[] = []) {
      if (sql.startsWith('INSERT')) {
        return {
          rows: (params[0] as string[]).map((tag) => {
            clock += 1
            table.set(tag, new Date(clock))
            return { tag, revalidatedAt: new Date(clock) }
          }),
        }
      }
      const since = params[0] as Date | undefined
      return {
        rows: [...table]
          .filter(([, at]) => !since || at >= since)
          .map(([tag, revalidatedAt]) => ({ tag, revalidatedAt })),
      }
    },
  }
}

describe('shared cache tags', () => {
  it('make every other instance expire a tag one instance revalidated, once', async () => {
    const pool = fakeDatabase()
    const expiredOnB: string[][] = []
    const a = createTagWatcher({ pool, pollMs: 60_000, onTags: () => {} })
    const b = createTagWatcher({ pool, pollMs: 60_000, onTags: (tags) => expiredOnB.push(tags) })
    await Promise.all([a.ready, b.ready])
    expect(expiredOnB).toEqual([])

    await a.record('_N_T_/layout')
    await b.poll()
    expect(expiredOnB).toEqual([['_N_T_/layout']])
    await b.poll()
    expect(expiredOnB).toHaveLength(1)

    await a.record(['_N_T_/layout', '_N_T_/'])
    await b.poll()
    expect(expiredOnB.at(-1)?.sort()).toEqual(['_N_T_/', '_N_T_/layout'])
    a.stop()
    b.stop()
  })

  it('do not expire again on the instance that revalidated', async () => {
    const pool = fakeDatabase()
    const expiredOnA: string[][] = []
    const a = createTagWatcher({ pool, pollMs: 60_000, onTags: (tags) => expiredOnA.push(tags) })
    await a.ready
    await a.record('_N_T_/layout')
    await a.poll()
    expect(expiredOnA).toEqual([])
    a.stop()
  })

  it('expire, at start, every tag revalidated before the instance started', async () => {
    const pool = fakeDatabase()
    const early = createTagWatcher({ pool, pollMs: 60_000, onTags: () => {} })
    await early.ready
    await early.record(['_N_T_/layout'])
    const expiredOnLate: string[][] = []
    const late = createTagWatcher({ pool, pollMs: 60_000, onTags: (tags) => expiredOnLate.push(tags) })
    await late.ready
    expect(expiredOnLate).toEqual([['_N_T_/layout']])
    early.stop()
    late.stop()
  })

  it('keep serving when the database does not answer', async () => {
    const lines: string[] = []
    const watcher = createTagWatcher({
      pool: { query: () => Promise.reject(new Error('down')) },
      pollMs: 60_000,
      onTags: () => {},
      log: (line) => lines.push(line),
    })
    await watcher.ready
    await watcher.record('_N_T_/layout')
    expect(lines).toEqual(['cache tags poll failed: down', 'cache tags write failed: down'])
    watcher.stop()
  })
})
