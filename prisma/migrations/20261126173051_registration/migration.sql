-- CreateEnum
CREATE TYPE "DossierStatus" AS ENUM ('SUBMITTED', 'UNDER_REVIEW', 'INCOMPLETE', 'COMPLETE', 'ACCEPTED', 'REFUSED', 'WITHDRAWN', 'CLOSED');

-- CreateEnum
CREATE TYPE "Civility" AS ENUM ('MADAME', 'MONSIEUR');

-- CreateEnum
CREATE TYPE "PieceStatus" AS ENUM ('PENDING', 'ACCEPTED', 'REJECTED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('APPLICANT', 'STAFF', 'SYSTEM');

-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "Draft" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "answers" JSONB NOT NULL DEFAULT '{}',
    "completedSteps" TEXT[],
    "email" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3),

    CONSTRAINT "Draft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DraftPiece" (
    "id" UUID NOT NULL,
    "draftId" UUID NOT NULL,
    "pieceTypeCode" TEXT NOT NULL,
    "fileId" UUID NOT NULL,
    "documentDate" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DraftPiece_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "id" UUID NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "storage" TEXT NOT NULL DEFAULT 'postgres',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredFileContent" (
    "fileId" UUID NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "StoredFileContent_pkey" PRIMARY KEY ("fileId")
);

-- CreateTable
CREATE TABLE "Dossier" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "sessionId" UUID NOT NULL,
    "draftId" UUID NOT NULL,
    "accessTokenHash" TEXT NOT NULL,
    "status" "DossierStatus" NOT NULL DEFAULT 'SUBMITTED',
    "civility" "Civility" NOT NULL,
    "birthName" TEXT NOT NULL,
    "usageName" TEXT,
    "firstNames" TEXT NOT NULL,
    "birthDate" DATE NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "category" "TariffCategory" NOT NULL,
    "searchText" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "feeLines" JSONB NOT NULL,
    "totalCents" INTEGER NOT NULL,
    "firstRegistration" BOOLEAN NOT NULL,
    "consentGivenAt" TIMESTAMP(3) NOT NULL,
    "privacyNoticeVersion" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Dossier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DossierUe" (
    "dossierId" UUID NOT NULL,
    "ueId" UUID NOT NULL,
    "semester" INTEGER,
    "foad" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "DossierUe_pkey" PRIMARY KEY ("dossierId","ueId")
);

-- CreateTable
CREATE TABLE "Piece" (
    "id" UUID NOT NULL,
    "dossierId" UUID NOT NULL,
    "pieceTypeCode" TEXT NOT NULL,
    "fileId" UUID NOT NULL,
    "documentDate" DATE,
    "status" "PieceStatus" NOT NULL DEFAULT 'PENDING',
    "decisionReason" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decidedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Piece_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" UUID NOT NULL,
    "dossierId" UUID,
    "actorType" "ActorType" NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "fromStatus" "DossierStatus",
    "toStatus" "DossierStatus",
    "pieceId" UUID,
    "reason" TEXT,
    "details" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DossierMessage" (
    "id" UUID NOT NULL,
    "dossierId" UUID NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "requestedPieceCodes" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DossierMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferenceCounter" (
    "prefix" TEXT NOT NULL,
    "lastValue" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ReferenceCounter_pkey" PRIMARY KEY ("prefix")
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "dossierId" UUID,
    "status" "EmailStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "OutboxEmail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateIndex
CREATE UNIQUE INDEX "Draft_tokenHash_key" ON "Draft"("tokenHash");

-- CreateIndex
CREATE INDEX "Draft_expiresAt_idx" ON "Draft"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "DraftPiece_fileId_key" ON "DraftPiece"("fileId");

-- CreateIndex
CREATE INDEX "DraftPiece_draftId_pieceTypeCode_idx" ON "DraftPiece"("draftId", "pieceTypeCode");

-- CreateIndex
CREATE UNIQUE INDEX "Dossier_reference_key" ON "Dossier"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "Dossier_draftId_key" ON "Dossier"("draftId");

-- CreateIndex
CREATE UNIQUE INDEX "Dossier_accessTokenHash_key" ON "Dossier"("accessTokenHash");

-- CreateIndex
CREATE INDEX "Dossier_sessionId_status_submittedAt_idx" ON "Dossier"("sessionId", "status", "submittedAt");

-- CreateIndex
CREATE INDEX "Dossier_status_submittedAt_idx" ON "Dossier"("status", "submittedAt");

-- CreateIndex
CREATE INDEX "Dossier_submittedAt_idx" ON "Dossier"("submittedAt");

-- CreateIndex
CREATE INDEX "Dossier_category_idx" ON "Dossier"("category");

-- CreateIndex
CREATE INDEX "DossierUe_ueId_idx" ON "DossierUe"("ueId");

-- CreateIndex
CREATE UNIQUE INDEX "Piece_fileId_key" ON "Piece"("fileId");

-- CreateIndex
CREATE INDEX "Piece_dossierId_pieceTypeCode_idx" ON "Piece"("dossierId", "pieceTypeCode");

-- CreateIndex
CREATE INDEX "AuditEvent_dossierId_createdAt_idx" ON "AuditEvent"("dossierId", "createdAt");

-- CreateIndex
CREATE INDEX "DossierMessage_dossierId_createdAt_idx" ON "DossierMessage"("dossierId", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxEmail_status_createdAt_idx" ON "OutboxEmail"("status", "createdAt");

-- CreateIndex
CREATE INDEX "RateLimitBucket_windowStart_idx" ON "RateLimitBucket"("windowStart");

-- AddForeignKey
ALTER TABLE "Draft" ADD CONSTRAINT "Draft_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "AcademicSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftPiece" ADD CONSTRAINT "DraftPiece_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftPiece" ADD CONSTRAINT "DraftPiece_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoredFileContent" ADD CONSTRAINT "StoredFileContent_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dossier" ADD CONSTRAINT "Dossier_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "AcademicSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dossier" ADD CONSTRAINT "Dossier_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierUe" ADD CONSTRAINT "DossierUe_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierUe" ADD CONSTRAINT "DossierUe_ueId_fkey" FOREIGN KEY ("ueId") REFERENCES "Ue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Piece" ADD CONSTRAINT "Piece_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Piece" ADD CONSTRAINT "Piece_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierMessage" ADD CONSTRAINT "DossierMessage_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;
