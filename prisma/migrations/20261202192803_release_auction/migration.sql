-- AlterTable
ALTER TABLE "settlement_line" ADD COLUMN     "billed_amount" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "granted_amount" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "released_kw" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "settlement_run" ADD COLUMN     "billed" BIGINT NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "release_auction" (
    "auction_id" UUID NOT NULL,
    "target_kw" INTEGER NOT NULL,
    "clearing_input" JSONB,
    "clearing_result" JSONB,
    "algorithm_version" TEXT,
    "release_price" INTEGER,
    "released_kw" INTEGER NOT NULL DEFAULT 0,
    "cleared_at" TIMESTAMPTZ(3),
    "cleared_by" UUID,
    "published_at" TIMESTAMPTZ(3),
    "published_by" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "release_auction_pkey" PRIMARY KEY ("auction_id")
);

-- CreateTable
CREATE TABLE "release_offer" (
    "id" UUID NOT NULL,
    "auction_id" UUID NOT NULL,
    "contract_id" UUID NOT NULL,
    "participant_id" UUID NOT NULL,
    "kw" INTEGER NOT NULL,
    "price" INTEGER NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "withdrawn_at" TIMESTAMPTZ(3),
    "released_kw" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "release_offer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "release_offer_version" (
    "id" UUID NOT NULL,
    "offer_id" UUID NOT NULL,
    "version_no" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "kw" INTEGER NOT NULL,
    "price" INTEGER NOT NULL,
    "accepted_at" TIMESTAMPTZ(3) NOT NULL,
    "user_id" UUID,
    "user_name" TEXT NOT NULL,

    CONSTRAINT "release_offer_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contract_release" (
    "id" UUID NOT NULL,
    "contract_id" UUID NOT NULL,
    "auction_id" UUID NOT NULL,
    "offer_id" UUID NOT NULL,
    "participant_id" UUID NOT NULL,
    "delivery_year" INTEGER NOT NULL,
    "released_kw" INTEGER NOT NULL,
    "price" INTEGER NOT NULL,
    "from_month" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contract_release_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "release_offer_participant_id_auction_id_idx" ON "release_offer"("participant_id", "auction_id");

-- CreateIndex
CREATE UNIQUE INDEX "release_offer_auction_id_contract_id_key" ON "release_offer"("auction_id", "contract_id");

-- CreateIndex
CREATE UNIQUE INDEX "release_offer_version_offer_id_version_no_key" ON "release_offer_version"("offer_id", "version_no");

-- CreateIndex
CREATE UNIQUE INDEX "contract_release_offer_id_key" ON "contract_release"("offer_id");

-- CreateIndex
CREATE INDEX "contract_release_delivery_year_idx" ON "contract_release"("delivery_year");

-- CreateIndex
CREATE UNIQUE INDEX "contract_release_contract_id_auction_id_key" ON "contract_release"("contract_id", "auction_id");

-- AddForeignKey
ALTER TABLE "release_offer" ADD CONSTRAINT "release_offer_auction_id_fkey" FOREIGN KEY ("auction_id") REFERENCES "release_auction"("auction_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "release_offer_version" ADD CONSTRAINT "release_offer_version_offer_id_fkey" FOREIGN KEY ("offer_id") REFERENCES "release_offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
