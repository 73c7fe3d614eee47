import { describe, expect, it } from 'vitest'
import { Prisma } from '@/lib/generated/prisma/client'
import { isDatabaseUnavailable } from './database-unavailable'

function known(code: string, meta?: Record<string, unknown>) {
  return new Prisma.PrismaClientKnownRequestError('failed', { code, clientVersion: '7', meta })
}

describe('isDatabaseUnavailable', () => {
  it.each([
    [
      'a connection cut under a query in a transaction (plain pg error)',
      new Error('Connection terminated unexpectedly'),
    ],
    ['a connection that took too long to open', new Error('timeout exceeded when trying to connect')],
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ],
    ['a server that closed the connection (P1017)', known('P1017')],
    ['an unreachable server (P1001)', known('P1001')],
    ['a transaction that could not start in time (P2028)', known('P2028')],
    ['no connection from the pool in time (P2024)', known('P2024')],
    [
      'a closed connection reported by the driver adapter',
      known('P2010', {
        driverAdapterError: { name: 'DriverAdapterError', cause: { kind: 'ConnectionClosed' } },
      }),
    ],
    [
      'a server shutting down (57P01)',
      known('P2010', { driverAdapterError: { cause: { kind: 'postgres', code: '57P01' } } }),
    ],
    [
      'a server still starting (57P03)',
      Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
    ],
    ['an initialisation error', new Prisma.PrismaClientInitializationError('cannot connect', '7')],
    [
      'a wrapped connection error',
      new Error('submission failed', { cause: new Error('Connection terminated') }),
    ],
  ])('is true for %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true)
  })

  it.each([
    ['a unique constraint violation', known('P2002')],
    ['a record not found', known('P2025')],
    [
      'a deadlock (40P01), which is a bug to fix, not an outage',
      Object.assign(new Error('deadlock detected'), { code: '40P01' }),
    ],
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'id')")],
    [
      'a Next.js redirect',
      Object.assign(new Error('NEXT_REDIRECT'), { digest: 'NEXT_REDIRECT;replace;/;307;' }),
    ],
    ['something that is not an error', 'Connection terminated'],
    ['nothing', null],
  ])('is false for %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false)
  })
})
