import 'server-only'

/**
 * Prisma error codes that mean "the database could not be reached or did not answer", not "the
 * request was wrong": can't reach (P1001), timed out (P1002, P1008), connection closed (P1017),
 * no pool connection in time (P2024), transaction could not start or expired (P2028).
 */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028'])

/** Kinds of `DriverAdapterError` (@prisma/adapter-pg) for a lost or refused connection. */
const DRIVER_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
])

const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
])

/**
 * SQLSTATE of a server going away or refusing work: connection exceptions (class 08), shutdown
 * and start-up (57P01-57P03), too many connections (53300).
 */
const SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/

/**
 * Messages of `pg` errors that carry no code: a connection that ended under a query, a connection
 * that took longer than `connectionTimeoutMillis`, a query on a client already broken.
 */
const PG_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable)/

type ErrorLike = {
  name?: unknown
  code?: unknown
  kind?: unknown
  message?: unknown
  cause?: unknown
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown } } }
}

function matches(error: ErrorLike): boolean {
  if (error.name === 'PrismaClientInitializationError') return true
  if (typeof error.code === 'string' && (PRISMA_CODES.has(error.code) || SOCKET_CODES.has(error.code)))
    return true
  if (typeof error.code === 'string' && SQLSTATE.test(error.code)) return true
  if (typeof error.kind === 'string' && DRIVER_KINDS.has(error.kind)) return true
  const driverCause = error.meta?.driverAdapterError?.cause
  if (typeof driverCause?.kind === 'string' && DRIVER_KINDS.has(driverCause.kind)) return true
  if (typeof driverCause?.code === 'string' && SQLSTATE.test(driverCause.code)) return true
  return typeof error.message === 'string' && PG_MESSAGES.test(error.message)
}

/**
 * True when `error` says the database is down, unreachable, restarting or too busy to answer in
 * time, so that the request may succeed if tried again later. Actions use it to answer with a
 * "try again" message instead of an error page; anything else is a bug and is rethrown.
 *
 * Errors arrive in several shapes: Prisma errors with a code, Prisma's driver adapter errors, and
 * plain `pg` errors that Prisma passes through unchanged inside interactive transactions
 * ("Connection terminated unexpectedly"). Causes are followed a few levels deep.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth += 1) {
    if (matches(current as ErrorLike)) return true
    current = (current as ErrorLike).cause
  }
  return false
}
