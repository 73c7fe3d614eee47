import { afterEach, describe, expect, it, vi } from 'vitest'
import { PrismaPg } from '@prisma/adapter-pg'
import { nirKey } from '@/lib/domain/nir'
import { PrismaClient } from '@/lib/generated/prisma/client'
import { scrubConsole } from './scrub-console'

const BODY = '2840997411005'
const NIR = `${BODY}${String(nirKey(BODY)).padStart(2, '0')}`

/** A console whose lines are kept, made safe by scrubConsole. */
function scrubbedConsole() {
  const lines: string[] = []
  const keep = (...args: unknown[]) => void lines.push(args.map(String).join(' '))
  const target = { log: keep, info: keep, warn: keep, error: keep, debug: keep, trace: keep }
  scrubConsole(target)
  return { target, lines }
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('scrubConsole', () => {
  it('masks a NIR quoted by an unexpected Prisma error, as Next would log it', async () => {
    // No database needed: Prisma refuses the query's shape before connecting.
    const db = new PrismaClient({
      adapter: new PrismaPg({ connectionString: 'postgresql://x:y@127.0.0.1:1/none' }),
      errorFormat: 'minimal',
    })
    const error = await db.staffUser
      .findFirst({ where: { email: NIR, totpLastTimeStep: NIR as unknown as number } })
      .then(
        () => null,
        (caught: unknown) => caught,
      )
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message, 'Prisma quotes the arguments').toContain(NIR)
    const { target, lines } = scrubbedConsole()
    target.error('⨯', error)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain('Invalid `prisma.staffUser.findFirst()` invocation')
    expect(lines[0]).not.toContain(NIR)
    expect(lines[0]).not.toContain(BODY)
  })

  it('masks each kind of secret in any argument, and leaves the rest of the line alone', () => {
    const token = 'q7Yv0pW_3kLx9Zr2TbN-8sHc4mQe1uJa6dFg5iKoPlA'
    const { target, lines } = scrubbedConsole()
    target.warn('origin %s refused', `https://${NIR}.example`)
    target.info({ link: `/dossier/acces/${token}`, to: 'marie@example.re' })
    target.log('✓ Ready in 114ms on 127.0.0.1:3800, build 3f2b9c1e-7a4d-4e8b-9c0f-1a2b3c4d5e6f')
    expect(lines.join('\n')).not.toMatch(new RegExp(`${NIR}|${token}|marie@example`))
    expect(lines[0]).toBe('origin https://[redacted].example refused')
    expect(lines[2]).toBe('✓ Ready in 114ms on 127.0.0.1:3800, build 3f2b9c1e-7a4d-4e8b-9c0f-1a2b3c4d5e6f')
  })
})
