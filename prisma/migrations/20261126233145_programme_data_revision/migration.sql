-- CreateTable
CREATE TABLE "ProgrammeDataRevision" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "revision" UUID NOT NULL,

    CONSTRAINT "ProgrammeDataRevision_pkey" PRIMARY KEY ("id")
);

-- Every statement that writes the programme's data (a staff edit, the seed, a restore, a hand-run
-- UPDATE) gives the revision a new random value: the instances' caches of the registration rules
-- are keyed by it. Random rather than a counter, so that two histories (a database restored from
-- a backup, then edited again) never reach the same value with different data.
CREATE FUNCTION "bumpProgrammeDataRevision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ProgrammeDataRevision" ("id", "revision") VALUES (1, gen_random_uuid())
  ON CONFLICT ("id") DO UPDATE SET "revision" = EXCLUDED."revision";
  RETURN NULL;
END
$$;

DO $$
DECLARE
  tbl text;
BEGIN
  FOREACH tbl IN ARRAY ARRAY[
    'Programme', 'Responsable', 'PieceType', 'AcademicSession', 'Semester', 'Period', 'Ue',
    'UePrerequisite', 'SessionUe', 'SessionTariff', 'CategoryRate', 'Centre', 'OpeningHours'
  ] LOOP
    EXECUTE format(
      'CREATE TRIGGER "bumpProgrammeDataRevision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
      'FOR EACH STATEMENT EXECUTE FUNCTION "bumpProgrammeDataRevision"()',
      tbl
    );
  END LOOP;
END
$$;

INSERT INTO "ProgrammeDataRevision" ("id", "revision") VALUES (1, gen_random_uuid());
