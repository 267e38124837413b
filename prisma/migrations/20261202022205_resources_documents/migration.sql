-- CreateEnum
CREATE TYPE "resource_kind" AS ENUM ('stable', 'variableSingle', 'variableAggregate', 'dispatchOrder');

-- CreateEnum
CREATE TYPE "resource_status" AS ENUM ('active', 'cancelled');

-- CreateEnum
CREATE TYPE "area" AS ENUM ('hokkaido', 'tohoku', 'tokyo', 'chubu', 'hokuriku', 'kansai', 'chugoku', 'shikoku', 'kyushu');

-- CreateEnum
CREATE TYPE "generation_type" AS ENUM ('coal', 'lng', 'oil', 'nuclear', 'hydroReservoir', 'hydroRunOfRiver', 'pumpedStorage', 'battery', 'solar', 'windOnshore', 'windOffshore', 'geothermal', 'biomass', 'waste', 'demandResponse', 'other');

-- CreateEnum
CREATE TYPE "support_scheme" AS ENUM ('none', 'fit', 'fip');

-- CreateEnum
CREATE TYPE "site_type" AS ENUM ('demandReduction', 'generator', 'battery');

-- CreateTable
CREATE TABLE "resource" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "participant_id" UUID NOT NULL,
    "kind" "resource_kind" NOT NULL,
    "name" TEXT NOT NULL,
    "name_kana" TEXT NOT NULL,
    "area" "area" NOT NULL,
    "generation_type" "generation_type" NOT NULL,
    "grid_code" TEXT NOT NULL,
    "location" TEXT NOT NULL,
    "commissioned_on" TEXT NOT NULL,
    "support_scheme" "support_scheme" NOT NULL,
    "installed_kw" INTEGER,
    "house_load_percent" DECIMAL(5,2),
    "has_adjustment" BOOLEAN,
    "storage_hours" DECIMAL(6,2),
    "offerable_kw" INTEGER,
    "status" "resource_status" NOT NULL DEFAULT 'active',
    "cancelled_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "resource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "resource_member" (
    "id" UUID NOT NULL,
    "resource_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "generation_type" "generation_type" NOT NULL,
    "grid_code" TEXT NOT NULL,
    "installed_kw" INTEGER NOT NULL,

    CONSTRAINT "resource_member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "resource_site" (
    "id" UUID NOT NULL,
    "resource_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "supply_point_id" TEXT NOT NULL,
    "site_type" "site_type" NOT NULL,
    "kw" INTEGER NOT NULL,

    CONSTRAINT "resource_site_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "number_series" (
    "key" TEXT NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "number_series_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "document" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "document_no" TEXT NOT NULL,
    "issued_on" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,
    "participant_id" UUID,
    "owner_type" TEXT NOT NULL,
    "owner_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "document_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "resource_code_key" ON "resource"("code");

-- CreateIndex
CREATE INDEX "resource_participant_id_code_idx" ON "resource"("participant_id", "code");

-- CreateIndex
CREATE INDEX "resource_kind_idx" ON "resource"("kind");

-- CreateIndex
CREATE INDEX "resource_area_idx" ON "resource"("area");

-- CreateIndex
CREATE UNIQUE INDEX "resource_member_resource_id_position_key" ON "resource_member"("resource_id", "position");

-- CreateIndex
CREATE INDEX "resource_site_supply_point_id_idx" ON "resource_site"("supply_point_id");

-- CreateIndex
CREATE UNIQUE INDEX "resource_site_resource_id_position_key" ON "resource_site"("resource_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "document_document_no_key" ON "document"("document_no");

-- CreateIndex
CREATE INDEX "document_owner_type_owner_id_idx" ON "document"("owner_type", "owner_id");

-- CreateIndex
CREATE INDEX "document_participant_id_created_at_idx" ON "document"("participant_id", "created_at");

-- AddForeignKey
ALTER TABLE "resource" ADD CONSTRAINT "resource_participant_id_fkey" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resource_member" ADD CONSTRAINT "resource_member_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resource_site" ADD CONSTRAINT "resource_site_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document" ADD CONSTRAINT "document_participant_id_fkey" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE SET NULL ON UPDATE CASCADE;
