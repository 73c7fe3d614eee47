// A fault injector for database tests: a TCP proxy (node:net) between the app and PostgreSQL that
// forwards bytes unchanged until told to fail. It can cut every connection now or after a number of
// bytes, stop listening (a stopped server: ECONNREFUSED) or hold new connections unanswered (a
// server that hangs). It reads the PostgreSQL wire protocol as it goes, so a test knows which
// statement each byte belongs to and can aim a cut at a given statement.
import net from 'node:net'

export type Direction = 'toServer' | 'toClient'

/** One protocol message seen by the proxy, after its connection's start-up (authentication). */
export type TraceEntry = {
  connection: number
  direction: Direction
  /** Bytes of the same direction forwarded before this message, start-ups excluded. */
  offset: number
  length: number
  /** The message type: P (parse), B (bind), E (execute), S (sync), Q (query), C (complete), Z (ready)… */
  type: string
  /** The SQL of a Parse or Query message, the tag of a CommandComplete ("INSERT 0 1", "COMMIT"). */
  text?: string
}

export type CutReport = { direction: Direction; offset: number; connections: number }

type Link = {
  id: number
  client: net.Socket
  server: net.Socket
  /** Start-up done: the server sent its first ReadyForQuery. Bytes from then on are counted. */
  ready: boolean
}

const SSL_REQUEST = 80877103
const GSSENC_REQUEST = 80877104
const KEPT_TYPES = new Set(['P', 'Q', 'C', 'E'])
/** Enough of a statement's SQL to name it (Prisma's column lists are long); bound parameters are not kept. */
const KEPT_BYTES = 8192

/**
 * Splits one direction of a connection into protocol messages. The first message from the client
 * has no type byte (start-up, or an SSL/GSS request answered by one untyped byte).
 */
class MessageReader {
  private header = Buffer.alloc(0)
  private remaining = 0
  private current: { type: string; length: number; body: Buffer[]; kept: number } | null = null
  untyped: boolean
  /** The server answers an SSL/GSS request with one byte, then TLS follows: stop reading. */
  expectSingleByte = false
  opaque = false

  constructor(untyped: boolean) {
    this.untyped = untyped
  }

  /** Feeds a chunk; calls `onMessage` for each message it completes, with the byte index where it ends. */
  feed(
    chunk: Buffer,
    onMessage: (message: { type: string; length: number; head: Buffer; end: number }) => void,
  ): void {
    let at = 0
    while (at < chunk.length && !this.opaque) {
      if (this.expectSingleByte) {
        this.expectSingleByte = false
        const answer = String.fromCharCode(chunk[at]!)
        at += 1
        onMessage({ type: `ssl:${answer}`, length: 1, head: Buffer.alloc(0), end: at })
        if (answer === 'S' || answer === 'G') this.opaque = true
        continue
      }
      if (!this.current) {
        const headerSize = this.untyped ? 4 : 5
        const take = Math.min(headerSize - this.header.length, chunk.length - at)
        this.header = Buffer.concat([this.header, chunk.subarray(at, at + take)])
        at += take
        if (this.header.length < headerSize) return
        const type = this.untyped ? '' : String.fromCharCode(this.header[0]!)
        const length = this.header.readInt32BE(this.untyped ? 0 : 1)
        this.current = { type, length: length + (this.untyped ? 0 : 1), body: [], kept: 0 }
        this.remaining = length - 4
        this.header = Buffer.alloc(0)
      }
      const take = Math.min(this.remaining, chunk.length - at)
      const current = this.current
      if ((this.untyped || KEPT_TYPES.has(current.type)) && current.kept < KEPT_BYTES) {
        current.body.push(chunk.subarray(at, at + Math.min(take, KEPT_BYTES - current.kept)))
        current.kept += take
      }
      at += take
      this.remaining -= take
      if (this.remaining > 0) return
      const head = Buffer.concat(current.body)
      this.current = null
      if (this.untyped) {
        const code = head.length >= 4 ? head.readInt32BE(0) : 0
        // After an SSL/GSS request comes the server's byte, then another untyped start-up.
        this.untyped = code === SSL_REQUEST || code === GSSENC_REQUEST
        onMessage({ type: this.untyped ? 'ssl-request' : 'startup', length: current.length, head, end: at })
        continue
      }
      onMessage({ type: current.type, length: current.length, head, end: at })
    }
  }
}

function cString(buffer: Buffer, from = 0): string {
  const end = buffer.indexOf(0, from)
  return buffer.toString('utf8', from, end < 0 ? buffer.length : end)
}

function textOf(type: string, head: Buffer): string | undefined {
  if (type === 'Q' || type === 'C') return cString(head)
  if (type === 'P') return cString(head, head.indexOf(0) + 1)
  if (type === 'E') {
    // Error fields: a code byte then a string; keep the SQLSTATE (C) and the message (M).
    const fields: string[] = []
    let at = 0
    while (at < head.length && head[at] !== 0) {
      const code = String.fromCharCode(head[at]!)
      const value = cString(head, at + 1)
      if (code === 'C' || code === 'M') fields.push(value)
      at += 1 + Buffer.byteLength(value) + 1
    }
    return fields.join(' ')
  }
  return undefined
}

export class FaultyProxy {
  /** Every message forwarded since the last `clearTrace()`. */
  readonly trace: TraceEntry[] = []
  /** Bytes forwarded per direction after start-up, since the proxy started. */
  readonly forwarded: Record<Direction, number> = { toServer: 0, toClient: 0 }
  private readonly links = new Set<Link>()
  private readonly held: net.Socket[] = []
  private mode: 'open' | 'paused' | 'stopped' = 'open'
  private nextId = 1
  private armed: {
    direction: Direction
    at: number
    /** Stop listening too, in the same instant: the server went down at that byte. */
    stop: boolean
    resolve: (report: CutReport) => void
  } | null = null

  private constructor(
    private readonly server: net.Server,
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  /** Starts a proxy on a free local port in front of the server of `databaseUrl`. */
  static async start(databaseUrl: string): Promise<FaultyProxy> {
    const url = new URL(databaseUrl)
    const target = { host: url.hostname || '127.0.0.1', port: Number(url.port || 5432) }
    const server = net.createServer()
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(0, '127.0.0.1', () => resolve())
    })
    const proxy = new FaultyProxy(server, (server.address() as net.AddressInfo).port, target)
    server.on('connection', (socket) => proxy.accept(socket))
    return proxy
  }

  /** `databaseUrl` rewritten to go through the proxy. */
  urlFor(databaseUrl: string): string {
    const url = new URL(databaseUrl)
    url.hostname = '127.0.0.1'
    url.port = String(this.port)
    return url.toString()
  }

  /** Connections currently forwarded (held ones excluded). */
  get openConnections(): number {
    return this.links.size
  }

  clearTrace(): void {
    this.trace.length = 0
  }

  /** Cuts every forwarded connection now, both ways, as a network failure or a crashed server would. */
  cutAll(): number {
    const count = this.links.size
    for (const link of [...this.links]) this.drop(link)
    return count
  }

  /**
   * Cuts every connection once `bytes` more bytes (start-ups excluded) have gone in `direction`:
   * the message that contains that byte is forwarded up to it, the rest never arrives. Resolves
   * when the cut happens; a new call replaces a pending one.
   */
  cutAfter(options: { direction: Direction; bytes: number; stopDatabase?: boolean }): Promise<CutReport> {
    return new Promise((resolve) => {
      this.armed = {
        direction: options.direction,
        at: this.forwarded[options.direction] + options.bytes,
        stop: options.stopDatabase ?? false,
        resolve,
      }
    })
  }

  /** Forgets a `cutAfter` that has not happened. */
  disarm(): void {
    this.armed = null
  }

  /** The server is down: connections are cut and new ones refused (ECONNREFUSED) until `startDatabase()`. */
  stopDatabase(): void {
    this.cutAll()
    this.stopListening()
  }

  private stopListening(): void {
    this.mode = 'stopped'
    for (const socket of this.held.splice(0)) socket.destroy()
    // Closing the listening socket refuses new connections at once; no need to wait for its
    // 'close' event, which comes when the connections just cut are gone.
    if (this.server.listening) this.server.close()
  }

  /**
   * The server hangs: new connections are accepted but get no answer until `startDatabase()`
   * (forwarded connections keep working; `cutAll()` first for a server that hangs altogether).
   */
  pauseNewConnections(): void {
    this.mode = 'paused'
  }

  /** Back to normal: listening again, held connections forwarded. */
  async startDatabase(): Promise<void> {
    if (!this.server.listening) {
      await new Promise<void>((resolve, reject) => {
        this.server.once('error', reject)
        this.server.listen(this.port, '127.0.0.1', () => {
          this.server.off('error', reject)
          resolve()
        })
      })
    }
    this.mode = 'open'
    for (const socket of this.held.splice(0)) {
      if (socket.destroyed) continue
      this.forward(socket)
    }
  }

  async close(): Promise<void> {
    this.armed = null
    this.cutAll()
    for (const socket of this.held.splice(0)) socket.destroy()
    if (this.server.listening) await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private accept(socket: net.Socket): void {
    socket.on('error', () => {})
    if (this.mode === 'paused') {
      socket.pause()
      this.held.push(socket)
      return
    }
    this.forward(socket)
  }

  private forward(client: net.Socket): void {
    client.pause()
    const server = net.connect(this.target)
    const link: Link = { id: this.nextId++, client, server, ready: false }
    this.links.add(link)
    server.on('error', () => this.drop(link))
    client.on('error', () => this.drop(link))
    server.on('close', () => this.drop(link))
    client.on('close', () => this.drop(link))
    server.once('connect', () => client.resume())
    const readers = { toServer: new MessageReader(true), toClient: new MessageReader(false) }
    client.on('data', (chunk: Buffer) => this.pass(link, 'toServer', chunk, readers))
    server.on('data', (chunk: Buffer) => this.pass(link, 'toClient', chunk, readers))
  }

  /** Forwards a chunk, recording its messages, and cuts if the armed byte falls inside it. */
  private pass(
    link: Link,
    direction: Direction,
    chunk: Buffer,
    readers: Record<Direction, MessageReader>,
  ): void {
    if (!this.links.has(link)) return
    const destination = direction === 'toServer' ? link.server : link.client
    const source = direction === 'toServer' ? link.client : link.server
    const reader = readers[direction]
    // Bytes of this chunk that belong to start-up: not counted, never cut.
    let startupBytes = link.ready ? 0 : chunk.length
    const before = this.forwarded[direction]
    let terminateBytes = 0
    reader.feed(chunk, (message) => {
      if (message.type === 'ssl-request') readers.toClient.expectSingleByte = true
      if (direction === 'toServer' && message.type === 'X' && link.ready) {
        // Terminate: a pool closing an idle connection, whenever its timer says. Not counted, so
        // that offsets stay the same from one run to the next. It travels alone, as the last bytes.
        terminateBytes += message.length
        return
      }
      if (!link.ready) {
        if (direction === 'toClient' && message.type === 'Z') {
          link.ready = true
          startupBytes = message.end
        }
        return
      }
      this.trace.push({
        connection: link.id,
        direction,
        offset: before + message.end - startupBytes - message.length,
        length: message.length,
        type: message.type,
        text: textOf(message.type, message.head),
      })
    })
    if (reader.opaque && !link.ready) startupBytes = chunk.length
    const countedBytes = chunk.length - startupBytes - terminateBytes
    const armed = this.armed
    if (armed && armed.direction === direction && countedBytes > 0) {
      if (before + countedBytes >= armed.at) {
        const keep = startupBytes + Math.max(0, armed.at - before)
        this.forwarded[direction] = armed.at
        this.armed = null
        // Messages that start after the cut never left the proxy.
        for (let index = this.trace.length - 1; index >= 0; index -= 1) {
          const entry = this.trace[index]!
          if (entry.direction === direction && entry.offset >= armed.at) this.trace.splice(index, 1)
        }
        const cut = () => {
          const connections = this.cutAll()
          if (armed.stop) this.stopListening()
          armed.resolve({ direction, offset: armed.at, connections })
        }
        if (keep > 0) destination.write(chunk.subarray(0, keep), cut)
        else cut()
        return
      }
    }
    this.forwarded[direction] += countedBytes
    if (!destination.write(chunk)) {
      source.pause()
      destination.once('drain', () => source.resume())
    }
  }

  private drop(link: Link): void {
    if (!this.links.delete(link)) return
    link.client.destroy()
    link.server.destroy()
  }
}
