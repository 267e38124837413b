-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_participant_id_fkey" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE SET NULL ON UPDATE CASCADE;
