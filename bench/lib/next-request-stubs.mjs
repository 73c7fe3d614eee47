// Module hooks for benchmarks that call the application's data functions in their own process:
// `next/navigation` and `next/headers` only work inside a Next.js request (under the react-server
// condition, next/navigation even fails to load outside Next's bundler). The data functions import
// them for pages (redirect) and cookies, which a benchmark never reaches: these stand-ins throw if
// they ever are.
const STUB = `data:text/javascript,${encodeURIComponent(`
const outside = (name) => () => { throw new Error(name + ' called outside a Next.js request (benchmark stub)') }
export const redirect = outside('redirect')
export const permanentRedirect = outside('permanentRedirect')
export const notFound = outside('notFound')
export const forbidden = outside('forbidden')
export const unauthorized = outside('unauthorized')
export const cookies = outside('cookies')
export const headers = outside('headers')
export const draftMode = outside('draftMode')
`)}`

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'next/navigation' || specifier === 'next/headers')
    return { url: STUB, shortCircuit: true }
  return nextResolve(specifier, context)
}
