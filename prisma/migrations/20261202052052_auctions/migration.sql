-- CreateEnum
CREATE TYPE "auction_type" AS ENUM ('main', 'additional');

-- CreateEnum
CREATE TYPE "auction_subtype" AS ENUM ('procurement', 'release');

-- CreateEnum
CREATE TYPE "auction_state" AS ENUM ('draft', 'open', 'biddingClosed', 'cleared', 'published');

-- CreateEnum
CREATE TYPE "qualification_state" AS ENUM ('pending', 'qualified', 'excluded');

-- AlterTable
ALTER TABLE "market_window" ADD COLUMN     "auction_id" UUID,
ADD COLUMN     "delivery_year" INTEGER;

-- CreateTable
CREATE TABLE "auction" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "type" "auction_type" NOT NULL,
    "subtype" "auction_subtype" NOT NULL DEFAULT 'procurement',
    "delivery_year" INTEGER NOT NULL,
    "state" "auction_state" NOT NULL DEFAULT 'draft',
    "parameters" JSONB NOT NULL,
    "parameters_version" INTEGER NOT NULL DEFAULT 1,
    "published_clearing_id" UUID,
    "published_at" TIMESTAMPTZ(3),
    "note" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "auction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "auction_parameter_set" (
    "id" UUID NOT NULL,
    "auction_id" UUID NOT NULL,
    "version_no" INTEGER NOT NULL,
    "parameters" JSONB NOT NULL,
    "created_by" UUID,
    "created_by_name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "auction_parameter_set_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "auction_qualification" (
    "id" UUID NOT NULL,
    "auction_id" UUID NOT NULL,
    "resource_id" UUID NOT NULL,
    "participant_id" UUID NOT NULL,
    "expected_capacity_id" UUID,
    "expected_kw" INTEGER NOT NULL,
    "proposed" BOOLEAN NOT NULL,
    "not_proposed_message_id" TEXT,
    "state" "qualification_state" NOT NULL DEFAULT 'pending',
    "excluded_reason" TEXT,
    "decided_by" UUID,
    "decided_by_name" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "auction_qualification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bid" (
    "id" UUID NOT NULL,
    "auction_id" UUID NOT NULL,
    "resource_id" UUID NOT NULL,
    "participant_id" UUID NOT NULL,
    "kw" INTEGER NOT NULL,
    "price" INTEGER NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "withdrawn_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "bid_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bid_version" (
    "id" UUID NOT NULL,
    "bid_id" UUID NOT NULL,
    "version_no" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "kw" INTEGER NOT NULL,
    "price" INTEGER NOT NULL,
    "accepted_at" TIMESTAMPTZ(3) NOT NULL,
    "user_id" UUID,
    "user_name" TEXT NOT NULL,
    "canonical" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "key_id" TEXT NOT NULL,

    CONSTRAINT "bid_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "clearing" (
    "id" UUID NOT NULL,
    "auction_id" UUID NOT NULL,
    "run_no" INTEGER NOT NULL,
    "job_id" UUID,
    "state" TEXT NOT NULL DEFAULT 'queued',
    "parameters_version" INTEGER NOT NULL,
    "algorithm_version" TEXT,
    "input" JSONB,
    "result" JSONB,
    "error" TEXT,
    "created_by" UUID,
    "created_by_name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "clearing_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "auction_code_key" ON "auction"("code");

-- CreateIndex
CREATE UNIQUE INDEX "auction_published_clearing_id_key" ON "auction"("published_clearing_id");

-- CreateIndex
CREATE INDEX "auction_delivery_year_type_idx" ON "auction"("delivery_year", "type");

-- CreateIndex
CREATE UNIQUE INDEX "auction_parameter_set_auction_id_version_no_key" ON "auction_parameter_set"("auction_id", "version_no");

-- CreateIndex
CREATE INDEX "auction_qualification_participant_id_auction_id_idx" ON "auction_qualification"("participant_id", "auction_id");

-- CreateIndex
CREATE UNIQUE INDEX "auction_qualification_auction_id_resource_id_key" ON "auction_qualification"("auction_id", "resource_id");

-- CreateIndex
CREATE INDEX "bid_participant_id_auction_id_idx" ON "bid"("participant_id", "auction_id");

-- CreateIndex
CREATE UNIQUE INDEX "bid_auction_id_resource_id_key" ON "bid"("auction_id", "resource_id");

-- CreateIndex
CREATE UNIQUE INDEX "bid_version_bid_id_version_no_key" ON "bid_version"("bid_id", "version_no");

-- CreateIndex
CREATE UNIQUE INDEX "clearing_job_id_key" ON "clearing"("job_id");

-- CreateIndex
CREATE UNIQUE INDEX "clearing_auction_id_run_no_key" ON "clearing"("auction_id", "run_no");

-- CreateIndex
CREATE INDEX "market_window_auction_id_idx" ON "market_window"("auction_id");

-- CreateIndex
CREATE INDEX "market_window_kind_delivery_year_idx" ON "market_window"("kind", "delivery_year");

-- AddForeignKey
ALTER TABLE "market_window" ADD CONSTRAINT "market_window_auction_id_fkey" FOREIGN KEY ("auction_id") REFERENCES "auction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "auction" ADD CONSTRAINT "auction_published_clearing_id_fkey" FOREIGN KEY ("published_clearing_id") REFERENCES "clearing"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "auction_parameter_set" ADD CONSTRAINT "auction_parameter_set_auction_id_fkey" FOREIGN KEY ("auction_id") REFERENCES "auction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "auction_qualification" ADD CONSTRAINT "auction_qualification_auction_id_fkey" FOREIGN KEY ("auction_id") REFERENCES "auction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "auction_qualification" ADD CONSTRAINT "auction_qualification_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resource"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "auction_qualification" ADD CONSTRAINT "auction_qualification_participant_id_fkey" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bid" ADD CONSTRAINT "bid_auction_id_fkey" FOREIGN KEY ("auction_id") REFERENCES "auction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bid" ADD CONSTRAINT "bid_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resource"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bid" ADD CONSTRAINT "bid_participant_id_fkey" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bid_version" ADD CONSTRAINT "bid_version_bid_id_fkey" FOREIGN KEY ("bid_id") REFERENCES "bid"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "clearing" ADD CONSTRAINT "clearing_auction_id_fkey" FOREIGN KEY ("auction_id") REFERENCES "auction"("id") ON DELETE CASCADE ON UPDATE CASCADE;
