-- AlterTable
ALTER TABLE "Dossier" ADD COLUMN     "anonymisedAt" TIMESTAMP(3);
