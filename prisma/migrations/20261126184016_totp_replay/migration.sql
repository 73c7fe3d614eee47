-- AlterTable
ALTER TABLE "StaffUser" ADD COLUMN     "totpLastTimeStep" INTEGER;
