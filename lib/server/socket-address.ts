import 'server-only'
import { subscribe } from 'node:diagnostics_channel'
import type { IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'

/**
 * The header that carries the address of the socket a request came in on. Next.js does not give
 * it to route handlers and server actions (NextRequest.ip is gone since Next 15, and Next fills
 * X-Forwarded-For with it only when the client sent none), so the server writes it here, over
 * whatever the client may have sent under this name.
 */
export const SOCKET_ADDRESS_HEADER = 'x-portal-socket-address'

let recording = false

/**
 * From now on, every request this process's HTTP server receives carries its socket's address in
 * SOCKET_ADDRESS_HEADER. Node publishes `http.server.request.start` before the server's 'request'
 * listeners (Next's) run, so the header is there before any of Next's code reads the headers.
 * Called once from instrumentation.ts; calling it again changes nothing.
 */
export function recordSocketAddresses(): void {
  if (recording) return
  recording = true
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket }
    if (socket.remoteAddress) request.headers[SOCKET_ADDRESS_HEADER] = socket.remoteAddress
    else delete request.headers[SOCKET_ADDRESS_HEADER]
  })
}
