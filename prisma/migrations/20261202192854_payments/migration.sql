-- AlterTable
ALTER TABLE "settlement_document" ADD COLUMN     "paid" BIGINT NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "payment" (
    "id" UUID NOT NULL,
    "direction" TEXT NOT NULL,
    "participant_id" UUID NOT NULL,
    "amount" BIGINT NOT NULL,
    "unallocated" BIGINT NOT NULL,
    "state" TEXT NOT NULL,
    "value_date" TEXT NOT NULL,
    "bank_reference" TEXT NOT NULL,
    "counterparty_name" TEXT NOT NULL,
    "memo" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL,
    "bulk_import_id" UUID,
    "created_by" UUID,
    "created_by_name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reversed_at" TIMESTAMPTZ(3),
    "reversed_by_name" TEXT,
    "reversal_reason" TEXT,

    CONSTRAINT "payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment_allocation" (
    "id" UUID NOT NULL,
    "payment_id" UUID NOT NULL,
    "document_id" UUID NOT NULL,
    "amount" BIGINT NOT NULL,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payment_allocation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "payment_participant_id_value_date_idx" ON "payment"("participant_id", "value_date");

-- CreateIndex
CREATE INDEX "payment_state_idx" ON "payment"("state");

-- CreateIndex
CREATE UNIQUE INDEX "payment_direction_bank_reference_key" ON "payment"("direction", "bank_reference");

-- CreateIndex
CREATE INDEX "payment_allocation_payment_id_idx" ON "payment_allocation"("payment_id");

-- CreateIndex
CREATE INDEX "payment_allocation_document_id_idx" ON "payment_allocation"("document_id");

-- AddForeignKey
ALTER TABLE "payment" ADD CONSTRAINT "payment_participant_id_fkey" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_allocation" ADD CONSTRAINT "payment_allocation_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_allocation" ADD CONSTRAINT "payment_allocation_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "settlement_document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
