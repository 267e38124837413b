-- CreateTable
CREATE TABLE "delivery_day" (
    "resource_id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "metered_kwh" INTEGER[],
    "instructed_kw" INTEGER[],
    "delivered_kw" INTEGER[],
    "restrained_kw" INTEGER[],
    "offered_kw" INTEGER[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "delivery_day_pkey" PRIMARY KEY ("resource_id","date")
);

-- CreateTable
CREATE TABLE "delivery_day_revision" (
    "id" UUID NOT NULL,
    "subject" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "series" TEXT NOT NULL,
    "previous" JSONB NOT NULL,
    "source" TEXT NOT NULL,
    "replaced_by" UUID,
    "replaced_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "delivery_day_revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reserve_notice_day" (
    "area" "area" NOT NULL,
    "date" DATE NOT NULL,
    "margin_bp" INTEGER[],
    "notice_kind" TEXT[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "reserve_notice_day_pkey" PRIMARY KEY ("area","date")
);

-- CreateTable
CREATE TABLE "dispatch_order" (
    "id" UUID NOT NULL,
    "order_id" TEXT NOT NULL,
    "resource_id" UUID NOT NULL,
    "ordered_at" TIMESTAMPTZ(3) NOT NULL,
    "start_at" TIMESTAMPTZ(3) NOT NULL,
    "instructed_kw" INTEGER NOT NULL,
    "baseline_kw" INTEGER[],
    "actual_kw" INTEGER[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "dispatch_order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assessment_parameter_set" (
    "delivery_year" INTEGER NOT NULL,
    "outage_allowance_days" DECIMAL(8,4) NOT NULL,
    "unplanned_outage_multiplier" DECIMAL(6,4) NOT NULL,
    "supply_instruction_multiplier" DECIMAL(6,4) NOT NULL,
    "reserve_notice_multiplier" DECIMAL(6,4) NOT NULL,
    "expected_orders_per_year" INTEGER NOT NULL,
    "monthly_cap_share" DECIMAL(6,4) NOT NULL,
    "annual_cap_share" DECIMAL(6,4) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_by" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "assessment_parameter_set_pkey" PRIMARY KEY ("delivery_year")
);

-- CreateTable
CREATE TABLE "assessment_run" (
    "id" UUID NOT NULL,
    "month" TEXT NOT NULL,
    "delivery_year" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'queued',
    "job_id" UUID,
    "resource_count" INTEGER NOT NULL DEFAULT 0,
    "total_amount" BIGINT NOT NULL DEFAULT 0,
    "error" TEXT,
    "started_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "assessment_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assessment_result" (
    "id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "month" TEXT NOT NULL,
    "resource_id" UUID NOT NULL,
    "participant_id" UUID NOT NULL,
    "contract_kw" INTEGER NOT NULL,
    "annual_amount" BIGINT NOT NULL,
    "outage_days_before" DECIMAL(12,4) NOT NULL,
    "penalties_before" BIGINT NOT NULL,
    "outage_days_in_month" DECIMAL(12,4) NOT NULL,
    "subtotal" BIGINT NOT NULL,
    "waived_monthly" BIGINT NOT NULL,
    "waived_annual" BIGINT NOT NULL,
    "total" BIGINT NOT NULL,
    "lines" JSONB NOT NULL,
    "basis" JSONB NOT NULL,
    "exempt_slots" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "assessment_result_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outage_omission" (
    "id" UUID NOT NULL,
    "month" TEXT NOT NULL,
    "resource_id" UUID NOT NULL,
    "participant_id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "slot" INTEGER NOT NULL,
    "contract_kw" INTEGER NOT NULL,
    "planned_kw" INTEGER NOT NULL,
    "available_kw" INTEGER NOT NULL,
    "shortfall_kw" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'flagged',
    "answer" TEXT,
    "answered_by" UUID,
    "answered_at" TIMESTAMPTZ(3),
    "decision_note" TEXT,
    "decided_by" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "outage_omission_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "delivery_day_date_idx" ON "delivery_day"("date");

-- CreateIndex
CREATE INDEX "delivery_day_revision_subject_key_replaced_at_idx" ON "delivery_day_revision"("subject", "key", "replaced_at");

-- CreateIndex
CREATE INDEX "reserve_notice_day_date_idx" ON "reserve_notice_day"("date");

-- CreateIndex
CREATE UNIQUE INDEX "dispatch_order_order_id_key" ON "dispatch_order"("order_id");

-- CreateIndex
CREATE INDEX "dispatch_order_resource_id_start_at_idx" ON "dispatch_order"("resource_id", "start_at");

-- CreateIndex
CREATE INDEX "dispatch_order_start_at_idx" ON "dispatch_order"("start_at");

-- CreateIndex
CREATE UNIQUE INDEX "assessment_run_job_id_key" ON "assessment_run"("job_id");

-- CreateIndex
CREATE UNIQUE INDEX "assessment_run_month_version_key" ON "assessment_run"("month", "version");

-- CreateIndex
CREATE INDEX "assessment_result_participant_id_month_idx" ON "assessment_result"("participant_id", "month");

-- CreateIndex
CREATE INDEX "assessment_result_resource_id_month_idx" ON "assessment_result"("resource_id", "month");

-- CreateIndex
CREATE UNIQUE INDEX "assessment_result_run_id_resource_id_key" ON "assessment_result"("run_id", "resource_id");

-- CreateIndex
CREATE INDEX "outage_omission_participant_id_month_idx" ON "outage_omission"("participant_id", "month");

-- CreateIndex
CREATE INDEX "outage_omission_month_state_idx" ON "outage_omission"("month", "state");

-- CreateIndex
CREATE UNIQUE INDEX "outage_omission_resource_id_date_slot_key" ON "outage_omission"("resource_id", "date", "slot");

-- AddForeignKey
ALTER TABLE "delivery_day" ADD CONSTRAINT "delivery_day_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resource"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispatch_order" ADD CONSTRAINT "dispatch_order_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resource"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assessment_result" ADD CONSTRAINT "assessment_result_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "assessment_run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assessment_result" ADD CONSTRAINT "assessment_result_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resource"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assessment_result" ADD CONSTRAINT "assessment_result_participant_id_fkey" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outage_omission" ADD CONSTRAINT "outage_omission_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resource"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outage_omission" ADD CONSTRAINT "outage_omission_participant_id_fkey" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
