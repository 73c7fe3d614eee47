import { createEnv } from '@t3-oss/env-core'
import { z } from 'zod'

/** True for a `postgres://` or `postgresql://` URL that names a host or a socket and a database. */
export function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.pathname.length > 1
  } catch {
    return false
  }
}

/**
 * The only place that reads `process.env`. Every variable is documented in README.md and
 * `.env.example`. Invalid values stop the process with one line per variable.
 */
export const env = createEnv({
  server: {
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    DATABASE_URL: z
      .string()
      .refine(isPostgresUrl, 'must look like postgresql://user:password@host:5432/database')
      .optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** Public address for links in e-mails; `npm start` requires it with DATABASE_URL (production). */
    PUBLIC_BASE_URL: z.url().optional(),
    /**
     * Secret (32 characters or more) that encrypts staff TOTP secrets and the outbox's private
     * links until they are sent. Required in production and the same on every instance; `npm start`
     * makes one for the embedded demo database.
     */
    AUTH_SECRET: z
      .string()
      .min(32, 'must be at least 32 characters (e.g. openssl rand -base64 48)')
      .optional(),
    /** Months dossiers and their pieces are kept after the end of their session. */
    DOSSIER_RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(24),
    /** Days a draft is kept after its last change. */
    DRAFT_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    /** smtp://user:password@host:587 or smtps://…; unset: e-mails stay in the outbox (and the log in development). */
    SMTP_URL: z.url().optional(),
    MAIL_FROM: z.string().default('Cnam Réunion <inscriptions@cnam.re>'),
    /** Number of reverse proxies in front of the portal that append to X-Forwarded-For. */
    TRUSTED_PROXIES: z.coerce.number().int().min(0).max(5).default(0),
    /** `next start` workers `npm start` runs (one per core when unset; 1 is allowed). */
    WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
    EMBEDDED_DB_DIR: z.string().default('.data/postgres'),
    EMBEDDED_DB_PORT: z.coerce.number().int().min(1024).max(65535).default(54320),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
  isServer: true,
  onValidationError: (issues) => {
    const lines = issues.map((issue) => `  ${issue.path?.join('.') ?? '?'}: ${issue.message}`)
    console.error(`Invalid configuration (see .env.example):\n${lines.join('\n')}`)
    throw new Error('Invalid configuration')
  },
})

/** The database URL, or a clear error when the process was started without one. */
export function requireDatabaseUrl(): string {
  if (!env.DATABASE_URL) {
    throw new Error('DATABASE_URL is not set. Start the portal with `npm start`, which provides one.')
  }
  return env.DATABASE_URL
}

/** The public address of the portal, for links in e-mails and QR codes (localhost only without DATABASE_URL). */
export function publicBaseUrl(): string {
  return (env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '')
}

/** Cookies are Secure when the portal is served over HTTPS (always in production). */
export function secureCookies(): boolean {
  return publicBaseUrl().startsWith('https://') || env.NODE_ENV === 'production'
}

/** The secret for TOTP and outbox-link encryption; a fixed one only outside production. */
export function authSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET
  if (env.NODE_ENV === 'production')
    throw new Error('AUTH_SECRET is not set: the staff area needs it (see .env.example).')
  return 'development-only-secret-never-use-in-production'
}
