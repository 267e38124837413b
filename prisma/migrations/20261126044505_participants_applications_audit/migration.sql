/*
  Warnings:

  - A unique constraint covering the columns `[corporate_number]` on the table `participant` will be added. If there are existing duplicate values, this will fail.

*/
-- CreateEnum
CREATE TYPE "license_category" AS ENUM ('generation', 'retail', 'specifiedWholesale', 'none');

-- CreateEnum
CREATE TYPE "bank_account_type" AS ENUM ('ordinary', 'current', 'savings');

-- CreateEnum
CREATE TYPE "application_kind" AS ENUM ('register', 'change', 'cancel');

-- CreateEnum
CREATE TYPE "application_state" AS ENUM ('draft', 'submitted', 'inReview', 'returned', 'approved', 'rejected', 'withdrawn');

-- AlterTable
ALTER TABLE "participant" ADD COLUMN     "address" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "bank_account_holder" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "bank_account_number" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "bank_account_type" "bank_account_type",
ADD COLUMN     "bank_branch_code" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "bank_code" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "cancelled_at" TIMESTAMPTZ(3),
ADD COLUMN     "contact_department" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "contact_email" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "contact_name" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "contact_phone" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "corporate_number" TEXT,
ADD COLUMN     "license_category" "license_category",
ADD COLUMN     "postal_code" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "representative_name" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "representative_title" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "user_permission" (
    "user_id" UUID NOT NULL,
    "function_group" TEXT NOT NULL,
    "can_view" BOOLEAN NOT NULL DEFAULT true,
    "can_edit" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "user_permission_pkey" PRIMARY KEY ("user_id","function_group")
);

-- CreateTable
CREATE TABLE "application" (
    "id" UUID NOT NULL,
    "receipt_no" TEXT NOT NULL,
    "kind" "application_kind" NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT,
    "participant_id" UUID,
    "state" "application_state" NOT NULL,
    "proposed" JSONB NOT NULL,
    "current" JSONB,
    "result" JSONB,
    "access_key_hash" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "submitted_at" TIMESTAMPTZ(3),
    "decided_at" TIMESTAMPTZ(3),

    CONSTRAINT "application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "application_event" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "from_state" "application_state",
    "to_state" "application_state" NOT NULL,
    "actor_user_id" UUID,
    "actor_label" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "application_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_user_id" UUID,
    "actor_label" TEXT NOT NULL,
    "participant_id" UUID,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "request_id" TEXT NOT NULL,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "application_receipt_no_key" ON "application"("receipt_no");

-- CreateIndex
CREATE INDEX "application_state_submitted_at_idx" ON "application"("state", "submitted_at");

-- CreateIndex
CREATE INDEX "application_participant_id_created_at_idx" ON "application"("participant_id", "created_at");

-- CreateIndex
CREATE INDEX "application_entity_type_entity_id_idx" ON "application"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "application_event_application_id_at_idx" ON "application_event"("application_id", "at");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- CreateIndex
CREATE INDEX "audit_log_participant_id_at_idx" ON "audit_log"("participant_id", "at");

-- CreateIndex
CREATE INDEX "audit_log_entity_type_entity_id_idx" ON "audit_log"("entity_type", "entity_id");

-- CreateIndex
CREATE UNIQUE INDEX "participant_corporate_number_key" ON "participant"("corporate_number");

-- AddForeignKey
ALTER TABLE "user_permission" ADD CONSTRAINT "user_permission_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_event" ADD CONSTRAINT "application_event_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE CASCADE;
