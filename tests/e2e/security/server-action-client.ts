// Server actions of the production build, read from its manifest and called over HTTP exactly as
// the browser's router calls them (next/dist/client/components/router-reducer/reducers/
// server-action-reducer.js): a POST to a page that imports the action, with the `Next-Action: <id>`
// header and the arguments encoded by React's `encodeReply` — a JSON string, or a multipart form when
// an argument is a FormData. The answer is a Flight stream (decoded with React's own client) whose
// `a` field is what the action returned, or an `x-action-redirect` header when it redirected.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

type FlightClient = {
  encodeReply(args: unknown[]): Promise<string | FormData>
  createFromReadableStream(
    stream: ReadableStream<Uint8Array>,
    options: { serverConsumerManifest: { moduleMap: object; serverModuleMap: null; moduleLoading: null } },
  ): Promise<{ a?: unknown }>
}

// The React Flight client the browser bundle uses, in its Node production build like the server it
// talks to (no types are published).
const flight = createRequire(path.resolve('package.json'))(
  'next/dist/compiled/react-server-dom-webpack/cjs/react-server-dom-webpack-client.node.production.js',
) as FlightClient

export type ManifestAction = {
  id: string
  /** Source file of the action, e.g. "app/(public)/inscription/actions.ts". */
  file: string
  exportName: string
  /** Pages whose server bundle holds the action, e.g. "app/(public)/inscription/page". */
  pages: string[]
}

type ServerReferenceManifest = Record<
  'node' | 'edge',
  Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>
>

/** The build folder of the end-to-end server (the same rule as scripts/test/e2e-server.ts). */
export function e2eDistDir(port: number): string {
  return port === 3100 ? '.next-e2e' : `.next-e2e-${port}`
}

/** Every server action of the build, from `<distDir>/server/server-reference-manifest.json`. */
export function readActionManifest(distDir: string): ManifestAction[] {
  const file = path.resolve(distDir, 'server', 'server-reference-manifest.json')
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as ServerReferenceManifest
  return (['node', 'edge'] as const).flatMap((runtime) =>
    Object.entries(manifest[runtime] ?? {}).map(([id, entry]) => ({
      id,
      file: entry.filename ?? '?',
      exportName: entry.exportedName ?? '?',
      pages: Object.keys(entry.workers).sort(),
    })),
  )
}

/** A value for the dynamic segments of a page's path; the action runs before the page would. */
const DYNAMIC_SEGMENT = '00000000-0000-4000-8000-000000000000'

/**
 * The path a browser posts the action to: among the pages that hold it, the one nearest to the
 * action's file (a page beside its `actions.ts`), its route groups removed.
 */
export function pagePathOf(action: ManifestAction): string {
  const folder = path.posix.dirname(action.file)
  const shared = (page: string) => {
    let length = 0
    while (length < page.length && page[length] === folder[length]) length += 1
    return length
  }
  const page = [...action.pages].sort((a, b) => shared(b) - shared(a) || a.length - b.length)[0]
  if (!page) throw new Error(`No page holds the action ${action.exportName}`)
  const segments = page
    .replace(/^app\//, '')
    .replace(/(^|\/)page$/, '')
    .split('/')
    .filter((segment) => segment && !/^\(.*\)$/.test(segment))
    .map((segment) => (/^\[.*\]$/.test(segment) ? DYNAMIC_SEGMENT : segment))
  return `/${segments.join('/')}`
}

/**
 * After an action that refreshed its page, the answer carries the page too, with references to
 * client components the test never renders: each resolves to a stub with nothing to load.
 */
const ANY_CLIENT_MODULE = new Proxy(
  {},
  {
    get: (_, id) =>
      new Proxy({}, { get: (__, name) => ({ id: String(id), chunks: [], name: String(name) }) }),
  },
)

export type ActionOutcome = {
  status: number
  /** Where the action redirected (the `x-action-redirect` header), or null. */
  redirect: string | null
  /** What the action returned, decoded from the Flight answer (undefined after a redirect). */
  result: unknown
  /** Why no result came back: the action threw, or the server did not run it. */
  error: string | null
  /** The cookies the answer sets, as `name=value`. */
  cookies: string[]
}

/** Calls `action` with `args` from a browser holding `cookie`, seen from the IP address `ip`. */
export async function callAction(
  baseUrl: string,
  action: ManifestAction,
  args: unknown[],
  options: {
    cookie?: string
    ip: string
    /** Sent as is instead of the encoded `args`. */
    rawBody?: string
    /**
     * Read a redirect's answer to its end (Next renders the target page into it), as a browser
     * waits for it; otherwise it is dropped as soon as the redirect is known.
     */
    readRedirectedPage?: boolean
  },
): Promise<ActionOutcome> {
  const response = await fetch(new URL(pagePathOf(action), baseUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: {
      Accept: 'text/x-component',
      'Next-Action': action.id,
      Origin: new URL(baseUrl).origin,
      'X-Forwarded-For': options.ip,
      ...(options.cookie ? { Cookie: options.cookie } : {}),
    },
    body: options.rawBody ?? (await flight.encodeReply(args)),
  })
  const outcome: ActionOutcome = {
    status: response.status,
    redirect: response.headers.get('x-action-redirect')?.split(';')[0] ?? null,
    result: undefined,
    error: null,
    cookies: response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!),
  }
  if (response.headers.get('x-nextjs-action-not-found') === '1') {
    outcome.error = `action not found on the server (${response.status})`
  } else if (
    outcome.redirect === null &&
    response.headers.get('content-type')?.startsWith('text/x-component')
  ) {
    const decoded = await flight.createFromReadableStream(response.body!, {
      serverConsumerManifest: { moduleMap: ANY_CLIENT_MODULE, serverModuleMap: null, moduleLoading: null },
    })
    try {
      outcome.result = await decoded.a
    } catch (error) {
      outcome.error = error instanceof Error ? error.message : String(error)
    }
  } else {
    if (outcome.redirect === null)
      outcome.error = `unexpected answer: ${response.status} ${await response.text()}`
    else if (options.readRedirectedPage) await response.arrayBuffer()
    else await response.body?.cancel()
  }
  return outcome
}
