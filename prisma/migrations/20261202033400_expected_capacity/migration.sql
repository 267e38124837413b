-- CreateEnum
CREATE TYPE "expected_capacity_status" AS ENUM ('active', 'cancelled');

-- CreateTable
CREATE TABLE "factor_table" (
    "id" UUID NOT NULL,
    "version_no" INTEGER NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "created_by" UUID,
    "created_by_name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "superseded_at" TIMESTAMPTZ(3),

    CONSTRAINT "factor_table_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "adjustment_factor" (
    "id" UUID NOT NULL,
    "factor_table_id" UUID NOT NULL,
    "area" "area" NOT NULL,
    "generation_type" "generation_type" NOT NULL,
    "delivery_year" INTEGER NOT NULL,
    "factor" DECIMAL(5,4) NOT NULL,

    CONSTRAINT "adjustment_factor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dispatch_order_factor" (
    "id" UUID NOT NULL,
    "factor_table_id" UUID NOT NULL,
    "area" "area" NOT NULL,
    "delivery_year" INTEGER NOT NULL,
    "factor" DECIMAL(5,4) NOT NULL,

    CONSTRAINT "dispatch_order_factor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "expected_capacity" (
    "id" UUID NOT NULL,
    "participant_id" UUID NOT NULL,
    "resource_id" UUID NOT NULL,
    "delivery_year" INTEGER NOT NULL,
    "expected_kw" INTEGER NOT NULL,
    "eligible" BOOLEAN NOT NULL,
    "ineligible_message_id" TEXT,
    "calculation" JSONB NOT NULL,
    "factor_table_id" UUID,
    "changed_expected_kw" INTEGER,
    "changed_calculation" JSONB,
    "changed_factor_table_id" UUID,
    "overrides" JSONB NOT NULL DEFAULT '{}',
    "evidence_attachment_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "note" TEXT NOT NULL DEFAULT '',
    "status" "expected_capacity_status" NOT NULL DEFAULT 'active',
    "cancelled_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "expected_capacity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "effectiveness_test" (
    "id" UUID NOT NULL,
    "participant_id" UUID NOT NULL,
    "resource_id" UUID NOT NULL,
    "test_date" TEXT NOT NULL,
    "instructed_kw" INTEGER NOT NULL,
    "delivered_kw" INTEGER[],
    "achievement_rate" DECIMAL(9,3) NOT NULL,
    "created_by" UUID,
    "created_by_name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "effectiveness_test_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "factor_table_version_no_key" ON "factor_table"("version_no");

-- CreateIndex
CREATE UNIQUE INDEX "adjustment_factor_factor_table_id_area_generation_type_deli_key" ON "adjustment_factor"("factor_table_id", "area", "generation_type", "delivery_year");

-- CreateIndex
CREATE UNIQUE INDEX "dispatch_order_factor_factor_table_id_area_delivery_year_key" ON "dispatch_order_factor"("factor_table_id", "area", "delivery_year");

-- CreateIndex
CREATE INDEX "expected_capacity_participant_id_delivery_year_idx" ON "expected_capacity"("participant_id", "delivery_year");

-- CreateIndex
CREATE UNIQUE INDEX "expected_capacity_resource_id_delivery_year_key" ON "expected_capacity"("resource_id", "delivery_year");

-- CreateIndex
CREATE INDEX "effectiveness_test_resource_id_test_date_idx" ON "effectiveness_test"("resource_id", "test_date");

-- CreateIndex
CREATE INDEX "effectiveness_test_participant_id_created_at_idx" ON "effectiveness_test"("participant_id", "created_at");

-- AddForeignKey
ALTER TABLE "adjustment_factor" ADD CONSTRAINT "adjustment_factor_factor_table_id_fkey" FOREIGN KEY ("factor_table_id") REFERENCES "factor_table"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispatch_order_factor" ADD CONSTRAINT "dispatch_order_factor_factor_table_id_fkey" FOREIGN KEY ("factor_table_id") REFERENCES "factor_table"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "expected_capacity" ADD CONSTRAINT "expected_capacity_participant_id_fkey" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "expected_capacity" ADD CONSTRAINT "expected_capacity_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resource"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "expected_capacity" ADD CONSTRAINT "expected_capacity_factor_table_id_fkey" FOREIGN KEY ("factor_table_id") REFERENCES "factor_table"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "expected_capacity" ADD CONSTRAINT "expected_capacity_changed_factor_table_id_fkey" FOREIGN KEY ("changed_factor_table_id") REFERENCES "factor_table"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "effectiveness_test" ADD CONSTRAINT "effectiveness_test_participant_id_fkey" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "effectiveness_test" ADD CONSTRAINT "effectiveness_test_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resource"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
