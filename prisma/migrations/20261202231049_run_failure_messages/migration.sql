-- AlterTable
ALTER TABLE "assessment_run" ADD COLUMN     "error_message_id" TEXT,
ADD COLUMN     "error_params" JSONB;

-- AlterTable
ALTER TABLE "settlement_run" ADD COLUMN     "error_message_id" TEXT,
ADD COLUMN     "error_params" JSONB;
