// `npm run drafts:purge`: deletes expired drafts and their files, and old rate-limit windows.
// Schedule it once a day (cron, systemd timer, Kubernetes CronJob…); running it on several
// machines at once is harmless.
import { withAppDatabase } from '../lib/with-app-database'

await withAppDatabase(async () => {
  const { purgeExpiredDrafts } = await import('../../lib/server/registration/purge-expired-drafts')
  const { purgeRateLimitBuckets } = await import('../../lib/server/rate-limit')
  const now = new Date()
  const result = await purgeExpiredDrafts({ now })
  const buckets = await purgeRateLimitBuckets(now)
  console.log(
    `Purged ${result.drafts} expired draft(s), ${result.files} file(s), ${buckets} rate-limit window(s).`,
  )
})
