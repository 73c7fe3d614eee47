-- Indexes of the staff dossier list (lib/server/admin/dossiers/dossier-list-query.ts).

-- Trigram matching for the search (LIKE '%word%'). Written by hand: the schema does not declare
-- the extension (Prisma's postgresqlExtensions preview feature would make the offline drift check
-- report it as missing). pg_trgm ships with PostgreSQL and is a trusted extension since
-- PostgreSQL 13: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Dossier_sessionId_submittedAt_id_idx" ON "Dossier"("sessionId", "submittedAt", "id");

-- CreateIndex
CREATE INDEX "Dossier_searchText_idx" ON "Dossier" USING GIN ("searchText" gin_trgm_ops);

-- Sort by name (usage name, else birth name, then first names), lower case, compared with ICU's
-- root collation. Written by hand: Prisma's schema cannot express an index on an expression (and
-- its migration diff leaves such indexes alone). The expression must stay identical to nameKey()
-- in dossier-list-query.ts, or PostgreSQL stops using the index.
CREATE INDEX "Dossier_sessionId_nameKey_id_idx" ON "Dossier"(
  "sessionId",
  (lower(coalesce("usageName", "birthName") || ' ' || "firstNames")) COLLATE "und-x-icu",
  "id"
);
