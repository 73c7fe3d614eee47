// Turns the proxy's record of one clean run into statements with their byte ranges, and picks the
// bytes at which the fault tests cut: before a statement (it never reaches the server), in the
// middle of it (the server gets half a message), or in its answer (it ran, the app never learns).
import type { Direction, TraceEntry } from './faulty-proxy'

export type Statement = {
  index: number
  connection: number
  label: string
  /** Bytes toward the server, counted from the start of the recorded run. */
  request: { offset: number; length: number }
  /** Bytes of the server's answer, up to and including its ReadyForQuery. */
  response: { offset: number; length: number }
}

export type CutKind = 'before' | 'during' | 'after'

export type CutPoint = {
  kind: CutKind
  statement: Statement
  direction: Direction
  bytes: number
  /** Statements the server received, whole or in part, when the cut happens. */
  statementsSent: number
  label: string
}

/** A short name for a statement: "BEGIN", "INSERT Dossier", "SELECT Draft FOR UPDATE"… */
export function labelOf(sql: string): string {
  const text = sql.trim()
  const keyword = /^(BEGIN|COMMIT|ROLLBACK)\b/i.exec(text)
  if (keyword) return keyword[1]!.toUpperCase()
  const write = /^(INSERT INTO|UPDATE|DELETE FROM)\s+(?:"public"\.)?"(\w+)"/i.exec(text)
  if (write) return `${write[1]!.split(' ')[0]!.toUpperCase()} ${write[2]}`
  const read = /\bFROM\s+(?:"public"\.)?"(\w+)"/i.exec(text)
  if (read) return `SELECT ${read[1]}${/\bFOR UPDATE\b/i.test(text) ? ' FOR UPDATE' : ''}`
  return text.slice(0, 40)
}

/**
 * Groups a trace into statements: a Parse or a simple Query starts one on its connection, the
 * Bind/Describe/Execute/Sync after it belong to it, and the server's messages on that connection
 * up to the next ReadyForQuery are its answer. `start` is `proxy.forwarded` when recording began.
 */
export function statementsOf(trace: TraceEntry[], start: Record<Direction, number>): Statement[] {
  const statements: Statement[] = []
  const current = new Map<number, Statement>()
  const awaitingAnswer = new Map<number, Statement[]>()
  for (const entry of trace) {
    if (entry.direction === 'toServer') {
      if (entry.type === 'X') continue // Terminate: a pool closing an idle connection.
      let statement = current.get(entry.connection)
      if (entry.type === 'P' || entry.type === 'Q' || !statement) {
        statement = {
          index: statements.length,
          connection: entry.connection,
          label: labelOf(entry.text ?? entry.type),
          request: { offset: entry.offset - start.toServer, length: 0 },
          response: { offset: -1, length: 0 },
        }
        statements.push(statement)
        current.set(entry.connection, statement)
        awaitingAnswer.set(entry.connection, [...(awaitingAnswer.get(entry.connection) ?? []), statement])
      }
      statement.request.length = entry.offset - start.toServer + entry.length - statement.request.offset
      continue
    }
    const statement = awaitingAnswer.get(entry.connection)?.[0]
    if (!statement) continue
    if (statement.response.offset < 0) statement.response.offset = entry.offset - start.toClient
    statement.response.length = entry.offset - start.toClient + entry.length - statement.response.offset
    if (entry.type === 'Z') awaitingAnswer.get(entry.connection)!.shift()
  }
  return statements
}

export function cutPoint(statement: Statement, kind: CutKind): CutPoint {
  const { request, response } = statement
  const at =
    kind === 'before'
      ? { direction: 'toServer' as const, bytes: request.offset }
      : kind === 'during'
        ? {
            direction: 'toServer' as const,
            bytes: request.offset + Math.max(1, Math.floor(request.length / 2)),
          }
        : { direction: 'toClient' as const, bytes: response.offset + 1 }
  const label =
    kind === 'before'
      ? `before ${statement.label}`
      : kind === 'during'
        ? `during ${statement.label} (half sent)`
        : `after ${statement.label} (answer lost)`
  return {
    kind,
    statement,
    ...at,
    statementsSent: kind === 'before' ? statement.index : statement.index + 1,
    label: `#${statement.index} ${label}`,
  }
}

/**
 * `runs` cut points over `statements`: first the `required` ones (by label, e.g. "after COMMIT"),
 * then every statement in turn, alternating before / after / during, so that 50 runs cut at least
 * once inside or around each statement of a 40-statement request. Fewer runs spread evenly.
 */
export function planCuts(statements: Statement[], runs: number, required: string[]): CutPoint[] {
  const points: CutPoint[] = []
  for (const wanted of required) {
    const [kind, ...rest] = wanted.split(' ') as [CutKind, ...string[]]
    const label = rest.join(' ')
    const statement = statements.find((candidate) => candidate.label === label)
    if (!statement) throw new Error(`No statement "${label}" in the recorded run`)
    points.push(cutPoint(statement, kind))
  }
  const kinds: CutKind[] = ['before', 'after', 'during']
  const others = runs - points.length
  for (let run = 0; run < others; run += 1) {
    const statement = statements[Math.floor((run * statements.length) / others)]!
    points.push(cutPoint(statement, kinds[(run + Math.floor(run / statements.length)) % kinds.length]!))
  }
  return points.slice(0, runs)
}
