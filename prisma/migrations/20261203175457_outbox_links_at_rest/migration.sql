-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "linkHashes" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "sealedLinks" TEXT;

-- Existing rows hold their private links in clear (issue 9: a dump held working links). Keep the
-- hash of each secret (RGPD export and erasure find a draft's e-mails by it), then mask the links
-- as lib/domain/private-links.ts does: the first 3 characters of the secret, then "•••".
UPDATE "OutboxEmail" SET "linkHashes" = ARRAY(
  SELECT encode(sha256(convert_to(m[2], 'UTF8')), 'hex')
  FROM regexp_matches(text, '(/inscription/reprendre/|/dossier/acces/|/admin/invitation/)([A-Za-z0-9_-]{20,})', 'g') AS m
)
WHERE text ~ '(/inscription/reprendre/|/dossier/acces/|/admin/invitation/)[A-Za-z0-9_-]{20,}';

-- SQL cannot seal a secret with AUTH_SECRET, so a pending e-mail with links would go out with dead
-- ones: it is given up instead, saying why; staff send a new invitation, applicants ask for a new
-- link (« Lien perdu »), or a new resume e-mail is sent at the next save.
UPDATE "OutboxEmail"
SET status = 'FAILED',
    "lastError" = 'Lien privé masqué lors d’une mise à jour du portail : envoyez un nouveau lien (« Envoyer une nouvelle invitation » sur la fiche du compte ; un candidat demande un nouveau lien depuis la page « Lien perdu »).'
WHERE status = 'PENDING' AND cardinality("linkHashes") > 0;

UPDATE "OutboxEmail"
SET text = regexp_replace(text, '(/inscription/reprendre/|/dossier/acces/|/admin/invitation/)([A-Za-z0-9_-]{3})[A-Za-z0-9_-]{17,}', '\1\2•••', 'g'),
    "lastError" = regexp_replace("lastError", '(/inscription/reprendre/|/dossier/acces/|/admin/invitation/)([A-Za-z0-9_-]{3})[A-Za-z0-9_-]{17,}', '\1\2•••', 'g')
WHERE text ~ '(/inscription/reprendre/|/dossier/acces/|/admin/invitation/)[A-Za-z0-9_-]{20,}'
   OR "lastError" ~ '(/inscription/reprendre/|/dossier/acces/|/admin/invitation/)[A-Za-z0-9_-]{20,}';
