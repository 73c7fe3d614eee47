// @ts-check
// Limits on what a request may send before any of our code (or Next's action handler) reads it:
// proxy.ts applies them, next.config.ts gives Next the same body limit. Plain JavaScript, like
// ./headers.mjs, so that next.config.ts can import it.

/**
 * Largest server-action body (Next's `serverActions.bodySizeLimit`, its default of 1 MB written
 * out): our forms send a few kilobytes; files go to the upload APIs, which have their own limit.
 */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 1024 * 1024

/**
 * Deepest nesting of arrays and objects in a server action's arguments. Our forms send objects two
 * or three levels deep; React decodes a reply recursively, and 100,000 levels exhaust its stack.
 */
export const SERVER_ACTION_MAX_DEPTH = 64

/**
 * How deeply `[` and `{` nest in a request body, counted without parsing (a bracket inside a
 * string counts too, which only makes the count larger): the body is refused before anything
 * recursive reads it. Stops counting once over `limit`.
 * @param {Uint8Array} body
 * @param {number} [limit]
 */
export function nestingDepth(body, limit = SERVER_ACTION_MAX_DEPTH) {
  let depth = 0
  let deepest = 0
  for (const byte of body) {
    if (byte === 0x5b || byte === 0x7b) {
      depth += 1
      if (depth > deepest) deepest = depth
      if (deepest > limit) return deepest
    } else if ((byte === 0x5d || byte === 0x7d) && depth > 0) depth -= 1
  }
  return deepest
}

/**
 * Whether an Origin header can be read as browsers write it: `null` or a URL's origin. A value that
 * does not parse makes Next's server-action check throw (a 500 that logs the whole header).
 * @param {string} origin
 */
export function isReadableOrigin(origin) {
  if (origin === 'null') return true
  return URL.canParse(origin)
}

/**
 * A header value for a log line, never whole: its first characters (at most half of it, at most
 * `max`: enough to tell `https://piege…` from a typo of ours) and its length.
 * @param {string} value
 * @param {number} [max]
 */
export function headerForLogs(value, max = 12) {
  return `${value.slice(0, Math.min(max, Math.floor(value.length / 2)))}…(${value.length} caractères)`
}
