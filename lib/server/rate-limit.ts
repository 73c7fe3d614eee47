import 'server-only'
import { getDb } from './db'

export type RateLimitRule = { name: string; limit: number; windowSeconds: number }

/** Per-IP limits on the public writes; shared by every instance through PostgreSQL. */
export const RATE_LIMITS = {
  draftCreation: { name: 'draft', limit: 10, windowSeconds: 3600 },
  upload: { name: 'upload', limit: 60, windowSeconds: 3600 },
  submission: { name: 'submit', limit: 10, windowSeconds: 3600 },
  resumeEmail: { name: 'resume-mail', limit: 5, windowSeconds: 3600 },
  lostLink: { name: 'lost-link', limit: 5, windowSeconds: 3600 },
  applicantAction: { name: 'applicant', limit: 60, windowSeconds: 3600 },
} satisfies Record<string, RateLimitRule>

export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number }

/**
 * Counts one hit of `subject` (an IP address) against `rule` in a fixed window and says whether it
 * is still within the limit. One upsert, atomic under concurrency.
 */
export async function hitRateLimit(options: {
  rule: RateLimitRule
  subject: string
  now?: Date
}): Promise<RateLimitResult> {
  const now = options.now ?? new Date()
  const windowMs = options.rule.windowSeconds * 1000
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs)
  const key = `${options.rule.name}:${options.subject}`
  const rows = await getDb().$queryRaw<Array<{ count: number }>>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1
    RETURNING "count"`
  const count = rows[0]?.count ?? 1
  return {
    allowed: count <= options.rule.limit,
    retryAfterSeconds: Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000),
  }
}

/** Deletes windows that ended before `before`. */
export async function purgeRateLimitBuckets(before: Date): Promise<number> {
  const { count } = await getDb().rateLimitBucket.deleteMany({
    where: { windowStart: { lt: new Date(before.getTime() - 24 * 3600 * 1000) } },
  })
  return count
}
