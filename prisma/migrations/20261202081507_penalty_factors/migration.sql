/*
  Warnings:

  - Added the required column `delivery_year` to the `penalty_factor` table without a default value. This is not possible if the table is not empty.

*/
-- AlterTable
ALTER TABLE "penalty_factor" ADD COLUMN     "delivery_year" INTEGER NOT NULL,
ADD COLUMN     "given_amount" BIGINT;

-- CreateTable
CREATE TABLE "penalty_parameter_set" (
    "delivery_year" INTEGER NOT NULL,
    "rate_before_deadline" DECIMAL(5,4) NOT NULL,
    "rate_after_deadline" DECIMAL(5,4) NOT NULL,
    "decision_deadline" TEXT NOT NULL,
    "additional_auction_not_held_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_by" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "penalty_parameter_set_pkey" PRIMARY KEY ("delivery_year")
);

-- CreateIndex
CREATE INDEX "penalty_factor_delivery_year_idx" ON "penalty_factor"("delivery_year");
