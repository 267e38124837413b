-- CreateTable
CREATE TABLE "settlement_run" (
    "id" UUID NOT NULL,
    "month" TEXT NOT NULL,
    "delivery_year" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'queued',
    "job_id" UUID,
    "assessment_run_id" UUID,
    "line_count" INTEGER NOT NULL DEFAULT 0,
    "monthly_amount" BIGINT NOT NULL DEFAULT 0,
    "penalty" BIGINT NOT NULL DEFAULT 0,
    "net" BIGINT NOT NULL DEFAULT 0,
    "error" TEXT,
    "started_by" UUID,
    "documents_issued_at" TIMESTAMPTZ(3),
    "documents_issued_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "settlement_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "settlement_line" (
    "id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "month" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "contract_id" UUID NOT NULL,
    "contract_no" TEXT NOT NULL,
    "resource_id" UUID NOT NULL,
    "resource_code" TEXT NOT NULL,
    "resource_name" TEXT NOT NULL,
    "participant_id" UUID NOT NULL,
    "participant_code" TEXT NOT NULL,
    "participant_name" TEXT NOT NULL,
    "contract_kw" INTEGER NOT NULL,
    "monthly_amount" BIGINT NOT NULL,
    "replacement_kw" INTEGER NOT NULL,
    "replacement_amount" BIGINT NOT NULL,
    "amount" BIGINT NOT NULL,
    "penalty" BIGINT NOT NULL,
    "net" BIGINT NOT NULL,
    "moves" JSONB NOT NULL,
    "assessment_result_id" UUID,

    CONSTRAINT "settlement_line_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "settlement_document" (
    "id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "month" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "document_id" UUID NOT NULL,
    "document_no" TEXT NOT NULL,
    "issued_on" TEXT NOT NULL,
    "participant_id" UUID NOT NULL,
    "participant_code" TEXT NOT NULL,
    "participant_name" TEXT NOT NULL,
    "line_count" INTEGER NOT NULL,
    "subtotal" BIGINT NOT NULL,
    "base" BIGINT NOT NULL,
    "tax" BIGINT NOT NULL,
    "total" BIGINT NOT NULL,
    "related_document_no" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "settlement_document_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "settlement_run_job_id_key" ON "settlement_run"("job_id");

-- CreateIndex
CREATE UNIQUE INDEX "settlement_run_month_version_key" ON "settlement_run"("month", "version");

-- CreateIndex
CREATE INDEX "settlement_line_run_id_participant_id_idx" ON "settlement_line"("run_id", "participant_id");

-- CreateIndex
CREATE INDEX "settlement_line_assessment_result_id_idx" ON "settlement_line"("assessment_result_id");

-- CreateIndex
CREATE UNIQUE INDEX "settlement_line_run_id_contract_id_resource_id_key" ON "settlement_line"("run_id", "contract_id", "resource_id");

-- CreateIndex
CREATE UNIQUE INDEX "settlement_document_document_id_key" ON "settlement_document"("document_id");

-- CreateIndex
CREATE INDEX "settlement_document_month_kind_idx" ON "settlement_document"("month", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "settlement_document_run_id_participant_id_kind_key" ON "settlement_document"("run_id", "participant_id", "kind");

-- AddForeignKey
ALTER TABLE "settlement_line" ADD CONSTRAINT "settlement_line_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "settlement_run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "settlement_document" ADD CONSTRAINT "settlement_document_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "settlement_run"("id") ON DELETE CASCADE ON UPDATE CASCADE;
