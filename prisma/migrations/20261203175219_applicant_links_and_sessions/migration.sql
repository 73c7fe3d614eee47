-- CreateEnum
CREATE TYPE "ApplicantLinkKind" AS ENUM ('RESUME', 'DOSSIER');

-- AlterTable
ALTER TABLE "Dossier" ADD COLUMN     "sessionSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ALTER COLUMN "accessTokenHash" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Draft" ADD COLUMN     "sessionSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ALTER COLUMN "tokenHash" DROP NOT NULL;

-- CreateTable
CREATE TABLE "ApplicantLink" (
    "id" UUID NOT NULL,
    "kind" "ApplicantLinkKind" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "draftId" UUID,
    "dossierId" UUID,
    "email" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApplicantLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EndedApplicantSession" (
    "tokenHash" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "endedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EndedApplicantSession_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "LinkRequest" (
    "id" UUID NOT NULL,
    "kind" "ApplicantLinkKind" NOT NULL,
    "reference" TEXT,
    "email" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LinkRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApplicantLink_tokenHash_key" ON "ApplicantLink"("tokenHash");

-- CreateIndex
CREATE INDEX "ApplicantLink_draftId_idx" ON "ApplicantLink"("draftId");

-- CreateIndex
CREATE INDEX "ApplicantLink_dossierId_idx" ON "ApplicantLink"("dossierId");

-- CreateIndex
CREATE INDEX "ApplicantLink_expiresAt_idx" ON "ApplicantLink"("expiresAt");

-- CreateIndex
CREATE INDEX "EndedApplicantSession_endedAt_idx" ON "EndedApplicantSession"("endedAt");

-- CreateIndex
CREATE INDEX "LinkRequest_createdAt_idx" ON "LinkRequest"("createdAt");

-- AddForeignKey
ALTER TABLE "ApplicantLink" ADD CONSTRAINT "ApplicantLink_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicantLink" ADD CONSTRAINT "ApplicantLink_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Links and cookies already in the wild (docs/decisions/007-applicant-links-and-sessions.md). Until
-- now one token was at once the mailed link and the cookie. Each such token becomes a single-use
-- link, valid 7 days from this migration, for the address it was mailed to; the cookies holding it
-- stop working, and the browser is told how to get in again (reason MIGRATED). No session is left.
INSERT INTO "ApplicantLink" ("id", "kind", "tokenHash", "draftId", "email", "expiresAt")
SELECT gen_random_uuid(), 'RESUME', "tokenHash", "id", "email", CURRENT_TIMESTAMP + interval '7 days'
FROM "Draft"
WHERE "submittedAt" IS NULL AND "email" IS NOT NULL AND "tokenHash" NOT LIKE 'anonymised:%';

INSERT INTO "ApplicantLink" ("id", "kind", "tokenHash", "dossierId", "email", "expiresAt")
SELECT gen_random_uuid(), 'DOSSIER', "accessTokenHash", "id", "email", CURRENT_TIMESTAMP + interval '7 days'
FROM "Dossier"
WHERE "anonymisedAt" IS NULL
ON CONFLICT ("tokenHash") DO NOTHING;

INSERT INTO "EndedApplicantSession" ("tokenHash", "reason")
SELECT "tokenHash", 'MIGRATED' FROM "Draft" WHERE "tokenHash" NOT LIKE 'anonymised:%'
UNION
SELECT "accessTokenHash", 'MIGRATED' FROM "Dossier" WHERE "accessTokenHash" NOT LIKE 'anonymised:%'
ON CONFLICT ("tokenHash") DO NOTHING;

UPDATE "Draft" SET "tokenHash" = NULL;
UPDATE "Dossier" SET "accessTokenHash" = NULL;
