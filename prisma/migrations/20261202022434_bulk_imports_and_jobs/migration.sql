-- CreateTable
CREATE TABLE "job" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'queued',
    "processed" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER,
    "result" JSONB,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "max_attempts" INTEGER NOT NULL DEFAULT 3,
    "locked_by" TEXT,
    "locked_at" TIMESTAMPTZ(3),
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bulk_import" (
    "id" UUID NOT NULL,
    "job_id" UUID NOT NULL,
    "format" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "phase" TEXT NOT NULL DEFAULT 'validate',
    "participant_id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "encoding" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "content" BYTEA NOT NULL,
    "total_rows" INTEGER,
    "error_count" INTEGER NOT NULL DEFAULT 0,
    "applied_count" INTEGER NOT NULL DEFAULT 0,
    "created_by" UUID NOT NULL,
    "created_by_label" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bulk_import_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bulk_import_error" (
    "id" SERIAL NOT NULL,
    "import_id" UUID NOT NULL,
    "line" INTEGER NOT NULL,
    "column" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "message_id" TEXT NOT NULL,
    "params" JSONB,

    CONSTRAINT "bulk_import_error_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "job_state_created_at_idx" ON "job"("state", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "bulk_import_job_id_key" ON "bulk_import"("job_id");

-- CreateIndex
CREATE INDEX "bulk_import_participant_id_created_at_idx" ON "bulk_import"("participant_id", "created_at");

-- CreateIndex
CREATE INDEX "bulk_import_error_import_id_line_idx" ON "bulk_import_error"("import_id", "line");

-- AddForeignKey
ALTER TABLE "bulk_import" ADD CONSTRAINT "bulk_import_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bulk_import" ADD CONSTRAINT "bulk_import_participant_id_fkey" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bulk_import_error" ADD CONSTRAINT "bulk_import_error_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "bulk_import"("id") ON DELETE CASCADE ON UPDATE CASCADE;
