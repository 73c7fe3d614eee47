import 'server-only'
import { format } from 'node:util'
import { scrubText } from './log'

const METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const

/**
 * The last safety net of the server's output: every console line — ours, Next's, a library's — has
 * what looks like a NIR, an e-mail address or a private token masked before it is written. Our own
 * events never carry them (logEvent); this is for what we do not write: the message of an unexpected
 * error, which Next logs whole. Prisma's validation errors, for one, quote the query's arguments,
 * NIR included, whatever the client's errorFormat. Formatting first (as the console would) also
 * covers errors' stacks and objects' properties.
 */
export function scrubConsole(target: Pick<Console, (typeof METHODS)[number]> = console): void {
  for (const method of METHODS) {
    const write = target[method].bind(target)
    target[method] = (...args: unknown[]) => write(scrubText(format(...args)))
  }
}
