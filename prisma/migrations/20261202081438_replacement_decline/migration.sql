-- AlterTable
ALTER TABLE "replacement" ADD COLUMN     "decline_reason" TEXT;
