import { describe, expect, it } from 'vitest'
import { createIsrCache, entryTags } from './isr-cache.mjs'

/** A stand-in for the "CacheTag" table, shared by several "instances" like the real database. */
function fakeDatabase() {
  const table = new Map<string, Date>()
  let clock = 1_000
  return {
    pool: {
      async query(sql: string, params: unknown[] = []) {
        if (sql.startsWith('INSERT')) {
          const rows = (params[0] as string[]).map((tag) => {
            clock += 1
            table.set(tag, new Date(clock))
            return { tag, revalidatedAt: new Date(clock) }
          })
          return { rows }
        }
        const since = params[0] as Date | undefined
        return {
          rows: [...table]
            .filter(([, at]) => !since || at >= since)
            .map(([tag, revalidatedAt]) => ({ tag, revalidatedAt })),
        }
      },
    },
  }
}

const page = (html: string) => ({
  kind: 'APP_PAGE',
  html,
  headers: { 'x-next-cache-tags': '_N_T_/layout,_N_T_/page,_N_T_/' },
})

describe('the shared ISR cache', () => {
  it('reads the tags of an entry from Next’s header and from the context', () => {
    expect(entryTags(page('x'), ['programme'])).toEqual(['_N_T_/layout', '_N_T_/page', '_N_T_/', 'programme'])
  })

  it('drops a page on every instance once one instance revalidates it', async () => {
    const database = fakeDatabase()
    const a = createIsrCache({ pool: database.pool, pollMs: 60_000 })
    const b = createIsrCache({ pool: database.pool, pollMs: 60_000 })
    await Promise.all([a.ready, b.ready])
    await a.set('/', page('old'), {})
    await b.set('/', page('old'), {})

    await a.revalidateTag('_N_T_/layout')
    expect(await a.get('/')).toBeNull()
    // B still serves the old page until its next look at the table…
    expect((await b.get('/'))?.value).toMatchObject({ html: 'old' })
    await b.poll()
    // …and no longer after it.
    expect(await b.get('/')).toBeNull()
    await b.set('/', page('new'), {})
    await b.poll()
    expect((await b.get('/'))?.value).toMatchObject({ html: 'new' })
    a.stop()
    b.stop()
  })

  it('keeps pages whose tags were not revalidated, and a new instance starts from the table’s state', async () => {
    const database = fakeDatabase()
    const a = createIsrCache({ pool: database.pool, pollMs: 60_000 })
    await a.ready
    await a.set(
      '/documents/attestation-emploi.pdf',
      { kind: 'APP_ROUTE', headers: { 'x-next-cache-tags': '_N_T_/documents/attestation-emploi.pdf' } },
      {},
    )
    await a.revalidateTag(['_N_T_/inscription'])
    expect(await a.get('/documents/attestation-emploi.pdf')).not.toBeNull()
    const late = createIsrCache({ pool: database.pool, pollMs: 60_000 })
    await late.ready
    await late.set('/', page('fresh'), {})
    await late.poll()
    expect((await late.get('/'))?.value).toMatchObject({ html: 'fresh' })
    a.stop()
    late.stop()
  })

  it('keeps serving when the database does not answer', async () => {
    const broken = createIsrCache({
      pool: { query: async () => Promise.reject(new Error('down')) },
      pollMs: 60_000,
    })
    await broken.ready
    await broken.set('/', page('cached'), {})
    await broken.revalidateTag('_N_T_/other')
    await broken.poll()
    expect((await broken.get('/'))?.value).toMatchObject({ html: 'cached' })
    broken.stop()
  })
})
