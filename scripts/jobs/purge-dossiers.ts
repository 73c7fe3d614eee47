// `npm run dossiers:purge`: applies the retention rule. For every session whose retention period
// is over (DOSSIER_RETENTION_MONTHS after its last day), anonymises its dossiers — files, messages,
// notes and e-mails deleted — and deletes its drafts (lib/server/retention/purge-ended-sessions.ts).
// Schedule it once a day, like drafts:purge; running it on several machines at once is harmless.
import { withAppDatabase } from '../lib/with-app-database'

await withAppDatabase(async () => {
  const { purgeEndedSessions } = await import('../../lib/server/retention/purge-ended-sessions')
  const report = await purgeEndedSessions({ now: new Date() })
  if (report.length === 0) {
    console.log('No session has reached the end of its retention period: nothing to purge.')
    return
  }
  for (const session of report) {
    console.log(
      `Session ${session.label} (kept until ${session.keptUntil}): ${session.dossiers} dossier(s) anonymised, ` +
        `${session.drafts} draft(s) deleted, ${session.files} file(s) (${session.bytes} bytes) and ` +
        `${session.emails} e-mail(s) deleted.`,
    )
  }
})
