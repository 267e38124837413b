/*
  Warnings:

  - You are about to drop the column `content` on the `bulk_import` table. All the data in the column will be lost.

*/
-- AlterTable
ALTER TABLE "bulk_import" DROP COLUMN "content";

-- CreateTable
CREATE TABLE "bulk_import_chunk" (
    "import_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bulk_import_chunk_pkey" PRIMARY KEY ("import_id","seq")
);
