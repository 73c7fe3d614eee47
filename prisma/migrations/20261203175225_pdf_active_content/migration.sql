-- AlterTable
ALTER TABLE "StoredFile" ADD COLUMN     "pdfActiveContent" TEXT[] DEFAULT ARRAY[]::TEXT[];
