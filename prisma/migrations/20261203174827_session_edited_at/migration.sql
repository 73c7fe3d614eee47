-- AlterTable
ALTER TABLE "AcademicSession" ADD COLUMN     "editedAt" TIMESTAMP(3);

-- Sessions staff already edited keep their dates: the audit trail says when they were last changed.
-- The seed recomputes the dates of the generated sessions still null here (never edited).
UPDATE "AcademicSession" AS s
SET "editedAt" = e."lastEdit"
FROM (
  SELECT "details"->>'sessionId' AS "sessionId", MAX("createdAt") AS "lastEdit"
  FROM "AuditEvent"
  WHERE "dossierId" IS NULL
    AND "action" IN ('SESSION_CALENDAR_UPDATED', 'SESSION_OFFERINGS_UPDATED', 'SESSION_TARIFF_UPDATED')
  GROUP BY 1
) AS e
WHERE s."id"::text = e."sessionId";
