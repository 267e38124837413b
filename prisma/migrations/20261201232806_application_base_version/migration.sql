-- AlterTable
ALTER TABLE "application" ADD COLUMN     "base_version" INTEGER,
ADD COLUMN     "returned_proposed" JSONB;
