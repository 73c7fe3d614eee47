-- CreateEnum
CREATE TYPE "PeriodKind" AS ENUM ('FIRST_SEMESTER', 'FULL_YEAR', 'SECOND_SEMESTER', 'PROFESSIONAL_EXPERIENCE');

-- CreateEnum
CREATE TYPE "UeKind" AS ENUM ('COURSE', 'ACTIVITY_REPORT', 'INTERNSHIP_REPORT');

-- CreateEnum
CREATE TYPE "TariffCategory" AS ENUM ('JOB_SEEKER', 'INDIVIDUAL', 'EMPLOYER_FUNDED');

-- CreateEnum
CREATE TYPE "PieceCondition" AS ENUM ('GENERATED', 'ALWAYS', 'EMPLOYED', 'JOB_SEEKER', 'SELF_PAYING', 'EMPLOYER_FUNDED', 'EMPLOYER_CERTIFICATE_UNSIGNED', 'UES_OBTAINED_ELSEWHERE', 'EARLY_EXPERIENCE_REVIEW');

-- CreateTable
CREATE TABLE "Programme" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "diplomaKind" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "ects" INTEGER NOT NULL,
    "department" TEXT NOT NULL,
    "validationSummary" TEXT NOT NULL,
    "rncpRegistrationYears" INTEGER NOT NULL,
    "rncpDecreeOn" DATE NOT NULL,
    "rncpPublishedOn" DATE NOT NULL,
    "objectives" TEXT NOT NULL,
    "pedagogicalObjectivesIntro" TEXT NOT NULL,
    "pedagogicalObjectives" TEXT[],
    "competencesIntro" TEXT NOT NULL,
    "competences" TEXT[],
    "audience" TEXT NOT NULL,
    "accessConditions" TEXT[],
    "deliveryConditionsIntro" TEXT NOT NULL,
    "deliveryConditions" TEXT[],
    "experienceMonthsRequired" INTEGER NOT NULL,
    "experienceMonthsReduced" INTEGER NOT NULL,
    "internshipMonths" INTEGER NOT NULL,
    "oralDefenceNote" TEXT NOT NULL,
    "earlyExperienceReviewNote" TEXT NOT NULL,
    "earlyExperienceReviewMinUes" INTEGER NOT NULL,
    "careersSummary" TEXT NOT NULL,
    "jobTitles" TEXT[],
    "employersIntro" TEXT NOT NULL,
    "employerTypes" TEXT[],
    "withdrawalPeriodDays" INTEGER NOT NULL,
    "terminationClause" TEXT NOT NULL,
    "disclaimer" TEXT NOT NULL,
    "weeklyWorkloadMinHours" INTEGER NOT NULL,
    "weeklyWorkloadMaxHours" INTEGER NOT NULL,
    "recommendedFirstCertificate" TEXT NOT NULL,
    "financingAdviceNote" TEXT NOT NULL,
    "incompleteDossierWarning" TEXT NOT NULL,
    "paymentPayee" TEXT NOT NULL,
    "funders" TEXT[],
    "lastUpdatedOn" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Programme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Responsable" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "Responsable_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AcademicSession" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "startYear" INTEGER NOT NULL,
    "registrationOpen" BOOLEAN NOT NULL DEFAULT false,
    "generated" BOOLEAN NOT NULL DEFAULT false,
    "generatedFromId" UUID,
    "secondExamStartsOn" DATE NOT NULL,
    "secondExamEndsOn" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AcademicSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Semester" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "registrationDeadline" DATE NOT NULL,
    "startsOn" DATE NOT NULL,
    "pauseOn" DATE,
    "resumeOn" DATE,
    "endsOn" DATE NOT NULL,
    "examStartsOn" DATE NOT NULL,
    "examEndsOn" DATE NOT NULL,

    CONSTRAINT "Semester_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Period" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "kind" "PeriodKind" NOT NULL,
    "startMonth" DATE,
    "endMonth" DATE,
    "position" INTEGER NOT NULL,

    CONSTRAINT "Period_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ue" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "ects" INTEGER NOT NULL,
    "kind" "UeKind" NOT NULL DEFAULT 'COURSE',
    "descriptionUrl" TEXT,

    CONSTRAINT "Ue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UePrerequisite" (
    "ueId" UUID NOT NULL,
    "requiredUeId" UUID NOT NULL,

    CONSTRAINT "UePrerequisite_pkey" PRIMARY KEY ("ueId","requiredUeId")
);

-- CreateTable
CREATE TABLE "SessionUe" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "ueId" UUID NOT NULL,
    "periodId" UUID NOT NULL,
    "recommendedFirst" BOOLEAN NOT NULL DEFAULT false,
    "foadAvailable" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL,

    CONSTRAINT "SessionUe_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionTariff" (
    "sessionId" UUID NOT NULL,
    "region" TEXT NOT NULL,
    "dossierFeeCents" INTEGER NOT NULL,
    "baseFeeCents" INTEGER NOT NULL,
    "foadPerUeCents" INTEGER NOT NULL,
    "reportFollowUpCents" INTEGER NOT NULL,

    CONSTRAINT "SessionTariff_pkey" PRIMARY KEY ("sessionId")
);

-- CreateTable
CREATE TABLE "CategoryRate" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "category" "TariffCategory" NOT NULL,
    "label" TEXT NOT NULL,
    "perEctsCents" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "CategoryRate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PieceType" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "description" TEXT,
    "condition" "PieceCondition" NOT NULL,
    "alternativeGroup" TEXT,
    "maxAgeDays" INTEGER,
    "optional" BOOLEAN NOT NULL DEFAULT false,
    "templatePath" TEXT,
    "position" INTEGER NOT NULL,

    CONSTRAINT "PieceType_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Centre" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "street" TEXT NOT NULL,
    "addressComplement" TEXT,
    "postBox" TEXT,
    "postcode" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "cedex" BOOLEAN NOT NULL DEFAULT false,
    "phone" TEXT NOT NULL,
    "fax" TEXT,
    "email" TEXT,
    "website" TEXT,
    "receivesDossiers" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL,

    CONSTRAINT "Centre_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OpeningHours" (
    "id" UUID NOT NULL,
    "centreId" UUID NOT NULL,
    "fromDay" INTEGER NOT NULL,
    "toDay" INTEGER NOT NULL,
    "opensAt" TEXT NOT NULL,
    "closesAt" TEXT NOT NULL,

    CONSTRAINT "OpeningHours_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Programme_code_key" ON "Programme"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Responsable_programmeId_position_key" ON "Responsable"("programmeId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "AcademicSession_programmeId_label_key" ON "AcademicSession"("programmeId", "label");

-- CreateIndex
CREATE UNIQUE INDEX "AcademicSession_programmeId_startYear_key" ON "AcademicSession"("programmeId", "startYear");

-- CreateIndex
CREATE UNIQUE INDEX "Semester_sessionId_number_key" ON "Semester"("sessionId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Period_sessionId_kind_key" ON "Period"("sessionId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "Ue_programmeId_code_key" ON "Ue"("programmeId", "code");

-- CreateIndex
CREATE INDEX "SessionUe_periodId_idx" ON "SessionUe"("periodId");

-- CreateIndex
CREATE UNIQUE INDEX "SessionUe_sessionId_ueId_key" ON "SessionUe"("sessionId", "ueId");

-- CreateIndex
CREATE UNIQUE INDEX "CategoryRate_sessionId_category_key" ON "CategoryRate"("sessionId", "category");

-- CreateIndex
CREATE UNIQUE INDEX "PieceType_programmeId_code_key" ON "PieceType"("programmeId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Centre_code_key" ON "Centre"("code");

-- CreateIndex
CREATE UNIQUE INDEX "OpeningHours_centreId_fromDay_opensAt_key" ON "OpeningHours"("centreId", "fromDay", "opensAt");

-- AddForeignKey
ALTER TABLE "Responsable" ADD CONSTRAINT "Responsable_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AcademicSession" ADD CONSTRAINT "AcademicSession_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AcademicSession" ADD CONSTRAINT "AcademicSession_generatedFromId_fkey" FOREIGN KEY ("generatedFromId") REFERENCES "AcademicSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Semester" ADD CONSTRAINT "Semester_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "AcademicSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Period" ADD CONSTRAINT "Period_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "AcademicSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ue" ADD CONSTRAINT "Ue_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UePrerequisite" ADD CONSTRAINT "UePrerequisite_ueId_fkey" FOREIGN KEY ("ueId") REFERENCES "Ue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UePrerequisite" ADD CONSTRAINT "UePrerequisite_requiredUeId_fkey" FOREIGN KEY ("requiredUeId") REFERENCES "Ue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionUe" ADD CONSTRAINT "SessionUe_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "AcademicSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionUe" ADD CONSTRAINT "SessionUe_ueId_fkey" FOREIGN KEY ("ueId") REFERENCES "Ue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionUe" ADD CONSTRAINT "SessionUe_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionTariff" ADD CONSTRAINT "SessionTariff_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "AcademicSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CategoryRate" ADD CONSTRAINT "CategoryRate_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "AcademicSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PieceType" ADD CONSTRAINT "PieceType_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpeningHours" ADD CONSTRAINT "OpeningHours_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE CASCADE ON UPDATE CASCADE;
