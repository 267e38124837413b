-- CreateEnum
CREATE TYPE "contract_state" AS ENUM ('draft', 'confirmed', 'correctionRequested', 'active', 'amended', 'terminated');

-- CreateTable
CREATE TABLE "contract" (
    "id" UUID NOT NULL,
    "contract_no" TEXT NOT NULL,
    "participant_id" UUID NOT NULL,
    "resource_id" UUID NOT NULL,
    "auction_id" UUID NOT NULL,
    "bid_id" UUID,
    "delivery_year" INTEGER NOT NULL,
    "contract_kw" INTEGER NOT NULL,
    "awarded_kw" INTEGER NOT NULL,
    "area_price" INTEGER NOT NULL,
    "deduction_rate" DECIMAL(5,4) NOT NULL,
    "annual_amount" BIGINT NOT NULL,
    "monthly_amounts" JSONB NOT NULL,
    "state" "contract_state" NOT NULL DEFAULT 'draft',
    "correction_reason" TEXT,
    "correction_answer" TEXT,
    "confirmed_at" TIMESTAMPTZ(3),
    "terminated_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "contract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contract_amendment" (
    "id" UUID NOT NULL,
    "contract_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "source_id" TEXT,
    "reason" TEXT NOT NULL DEFAULT '',
    "before" JSONB NOT NULL,
    "after" JSONB NOT NULL,
    "document_id" UUID,
    "created_by" UUID,
    "created_by_name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contract_amendment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "replacement_posting" (
    "id" UUID NOT NULL,
    "participant_id" UUID NOT NULL,
    "posting_type" TEXT NOT NULL,
    "area" "area" NOT NULL,
    "kind" "resource_kind",
    "kw" INTEGER NOT NULL,
    "from_month" TEXT NOT NULL,
    "to_month" TEXT NOT NULL,
    "contact" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "withdrawn_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "replacement_posting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "replacement" (
    "id" UUID NOT NULL,
    "contract_id" UUID NOT NULL,
    "participant_id" UUID NOT NULL,
    "replacing_resource_id" UUID NOT NULL,
    "replacing_participant_id" UUID NOT NULL,
    "kw" INTEGER NOT NULL,
    "from_month" TEXT NOT NULL,
    "to_month" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "state" TEXT NOT NULL,
    "consented_at" TIMESTAMPTZ(3),
    "consented_by_name" TEXT,
    "application_id" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "replacement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "replacement_allocation" (
    "id" UUID NOT NULL,
    "contract_id" UUID NOT NULL,
    "replacement_id" UUID NOT NULL,
    "resource_id" UUID NOT NULL,
    "month" TEXT NOT NULL,
    "kw" INTEGER NOT NULL,

    CONSTRAINT "replacement_allocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outage_plan" (
    "id" UUID NOT NULL,
    "plan_no" TEXT NOT NULL,
    "participant_id" UUID NOT NULL,
    "resource_id" UUID NOT NULL,
    "contract_id" UUID NOT NULL,
    "delivery_year" INTEGER NOT NULL,
    "start_at" TIMESTAMPTZ(3) NOT NULL,
    "end_at" TIMESTAMPTZ(3) NOT NULL,
    "reduced_kw" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "cancelled_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "outage_plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "penalty_factor" (
    "id" UUID NOT NULL,
    "factor_no" TEXT NOT NULL,
    "participant_id" UUID NOT NULL,
    "resource_id" UUID NOT NULL,
    "contract_id" UUID,
    "factor_type" TEXT NOT NULL,
    "kw" INTEGER NOT NULL,
    "occurred_on" TEXT NOT NULL,
    "basis" TEXT NOT NULL DEFAULT '',
    "amount" BIGINT NOT NULL,
    "calculation" JSONB NOT NULL,
    "refunded_at" TIMESTAMPTZ(3),
    "document_id" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "penalty_factor_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "contract_contract_no_key" ON "contract"("contract_no");

-- CreateIndex
CREATE UNIQUE INDEX "contract_bid_id_key" ON "contract"("bid_id");

-- CreateIndex
CREATE INDEX "contract_participant_id_delivery_year_idx" ON "contract"("participant_id", "delivery_year");

-- CreateIndex
CREATE INDEX "contract_auction_id_idx" ON "contract"("auction_id");

-- CreateIndex
CREATE INDEX "contract_resource_id_delivery_year_idx" ON "contract"("resource_id", "delivery_year");

-- CreateIndex
CREATE UNIQUE INDEX "contract_amendment_contract_id_seq_key" ON "contract_amendment"("contract_id", "seq");

-- CreateIndex
CREATE INDEX "replacement_posting_area_expires_at_idx" ON "replacement_posting"("area", "expires_at");

-- CreateIndex
CREATE INDEX "replacement_posting_participant_id_idx" ON "replacement_posting"("participant_id");

-- CreateIndex
CREATE UNIQUE INDEX "replacement_application_id_key" ON "replacement"("application_id");

-- CreateIndex
CREATE INDEX "replacement_contract_id_idx" ON "replacement"("contract_id");

-- CreateIndex
CREATE INDEX "replacement_replacing_resource_id_idx" ON "replacement"("replacing_resource_id");

-- CreateIndex
CREATE INDEX "replacement_allocation_contract_id_month_idx" ON "replacement_allocation"("contract_id", "month");

-- CreateIndex
CREATE INDEX "replacement_allocation_resource_id_month_idx" ON "replacement_allocation"("resource_id", "month");

-- CreateIndex
CREATE UNIQUE INDEX "replacement_allocation_replacement_id_month_key" ON "replacement_allocation"("replacement_id", "month");

-- CreateIndex
CREATE UNIQUE INDEX "outage_plan_plan_no_key" ON "outage_plan"("plan_no");

-- CreateIndex
CREATE INDEX "outage_plan_resource_id_start_at_idx" ON "outage_plan"("resource_id", "start_at");

-- CreateIndex
CREATE INDEX "outage_plan_participant_id_delivery_year_idx" ON "outage_plan"("participant_id", "delivery_year");

-- CreateIndex
CREATE UNIQUE INDEX "penalty_factor_factor_no_key" ON "penalty_factor"("factor_no");

-- CreateIndex
CREATE INDEX "penalty_factor_participant_id_occurred_on_idx" ON "penalty_factor"("participant_id", "occurred_on");

-- CreateIndex
CREATE INDEX "penalty_factor_contract_id_idx" ON "penalty_factor"("contract_id");

-- AddForeignKey
ALTER TABLE "contract" ADD CONSTRAINT "contract_participant_id_fkey" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contract" ADD CONSTRAINT "contract_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resource"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contract" ADD CONSTRAINT "contract_auction_id_fkey" FOREIGN KEY ("auction_id") REFERENCES "auction"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contract_amendment" ADD CONSTRAINT "contract_amendment_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "replacement_posting" ADD CONSTRAINT "replacement_posting_participant_id_fkey" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "replacement" ADD CONSTRAINT "replacement_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "replacement" ADD CONSTRAINT "replacement_participant_id_fkey" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "replacement" ADD CONSTRAINT "replacement_replacing_resource_id_fkey" FOREIGN KEY ("replacing_resource_id") REFERENCES "resource"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "replacement" ADD CONSTRAINT "replacement_replacing_participant_id_fkey" FOREIGN KEY ("replacing_participant_id") REFERENCES "participant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "replacement_allocation" ADD CONSTRAINT "replacement_allocation_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "replacement_allocation" ADD CONSTRAINT "replacement_allocation_replacement_id_fkey" FOREIGN KEY ("replacement_id") REFERENCES "replacement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "replacement_allocation" ADD CONSTRAINT "replacement_allocation_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resource"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outage_plan" ADD CONSTRAINT "outage_plan_participant_id_fkey" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outage_plan" ADD CONSTRAINT "outage_plan_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resource"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outage_plan" ADD CONSTRAINT "outage_plan_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "penalty_factor" ADD CONSTRAINT "penalty_factor_participant_id_fkey" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "penalty_factor" ADD CONSTRAINT "penalty_factor_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resource"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "penalty_factor" ADD CONSTRAINT "penalty_factor_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE SET NULL ON UPDATE CASCADE;
