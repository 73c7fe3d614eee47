import { config } from 'zod/v4/core'

// The Content-Security-Policy refuses eval (no 'unsafe-eval'). Zod 4 compiles its object parsers
// with `new Function` when it can, and finds out by trying it as each schema is made: refused, the
// try shows as a CSP violation in the console. Parsing without it is as correct, and fast enough
// for forms. This file runs in the browser before the app's code (Next's instrumentation-client).
config({ jitless: true })
