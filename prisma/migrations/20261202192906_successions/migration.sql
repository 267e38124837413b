-- CreateTable
CREATE TABLE "succession" (
    "id" UUID NOT NULL,
    "succession_no" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "participant_id" UUID NOT NULL,
    "to_participant_id" UUID,
    "effective_month" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "state" TEXT NOT NULL,
    "consented_at" TIMESTAMPTZ(3),
    "consented_by_name" TEXT,
    "decline_reason" TEXT,
    "application_id" UUID,
    "effected_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "succession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "succession_item" (
    "id" UUID NOT NULL,
    "succession_id" UUID NOT NULL,
    "resource_id" UUID NOT NULL,
    "contract_id" UUID,

    CONSTRAINT "succession_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contract_holder" (
    "id" UUID NOT NULL,
    "contract_id" UUID NOT NULL,
    "participant_id" UUID NOT NULL,
    "from_month" TEXT NOT NULL,
    "succession_id" UUID,

    CONSTRAINT "contract_holder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "resource_holder" (
    "id" UUID NOT NULL,
    "resource_id" UUID NOT NULL,
    "participant_id" UUID NOT NULL,
    "from_month" TEXT NOT NULL,
    "succession_id" UUID,

    CONSTRAINT "resource_holder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "succession_succession_no_key" ON "succession"("succession_no");

-- CreateIndex
CREATE UNIQUE INDEX "succession_application_id_key" ON "succession"("application_id");

-- CreateIndex
CREATE INDEX "succession_participant_id_idx" ON "succession"("participant_id");

-- CreateIndex
CREATE INDEX "succession_to_participant_id_idx" ON "succession"("to_participant_id");

-- CreateIndex
CREATE INDEX "succession_state_effective_month_idx" ON "succession"("state", "effective_month");

-- CreateIndex
CREATE INDEX "succession_item_succession_id_idx" ON "succession_item"("succession_id");

-- CreateIndex
CREATE UNIQUE INDEX "contract_holder_contract_id_from_month_key" ON "contract_holder"("contract_id", "from_month");

-- CreateIndex
CREATE UNIQUE INDEX "resource_holder_resource_id_from_month_key" ON "resource_holder"("resource_id", "from_month");

-- AddForeignKey
ALTER TABLE "succession_item" ADD CONSTRAINT "succession_item_succession_id_fkey" FOREIGN KEY ("succession_id") REFERENCES "succession"("id") ON DELETE CASCADE ON UPDATE CASCADE;
