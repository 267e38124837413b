-- AlterTable
ALTER TABLE "application" ADD COLUMN     "applicant_name" TEXT NOT NULL DEFAULT '';

-- AddForeignKey
ALTER TABLE "application" ADD CONSTRAINT "application_participant_id_fkey" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Backfill: the applicant's name of the participant kinds (register: the company in
-- `participant`, change: the proposed name; cancel: none).
UPDATE "application"
SET "applicant_name" = COALESCE("proposed"->'participant'->>'name', "proposed"->>'name', '')
WHERE "entity_type" = 'participant';
