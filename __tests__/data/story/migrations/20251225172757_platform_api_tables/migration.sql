/*
  Warnings:

  - You are about to drop the `clients` table. If the table is not empty, all the data it contains will be lost.
  - You are about to drop the `payer_client_rep_assignments` table. If the table is not empty, all the data it contains will be lost.
  - You are about to drop the `payers` table. If the table is not empty, all the data it contains will be lost.
  - You are about to drop the `reps` table. If the table is not empty, all the data it contains will be lost.
  - You are about to drop the `sales_report_entries` table. If the table is not empty, all the data it contains will be lost.

*/
-- DropForeignKey
ALTER TABLE "clients" DROP CONSTRAINT "clients_payer_id_fkey";

-- DropForeignKey
ALTER TABLE "payer_client_rep_assignments" DROP CONSTRAINT "payer_client_rep_assignments_client_id_fkey";

-- DropForeignKey
ALTER TABLE "payer_client_rep_assignments" DROP CONSTRAINT "payer_client_rep_assignments_payer_id_fkey";

-- DropForeignKey
ALTER TABLE "payer_client_rep_assignments" DROP CONSTRAINT "payer_client_rep_assignments_rep_id_fkey";

-- DropForeignKey
ALTER TABLE "sales_report_entries" DROP CONSTRAINT "sales_report_entries_client_id_fkey";

-- DropForeignKey
ALTER TABLE "sales_report_entries" DROP CONSTRAINT "sales_report_entries_rep_id_fkey";

-- DropTable
DROP TABLE "clients";

-- DropTable
DROP TABLE "payer_client_rep_assignments";

-- DropTable
DROP TABLE "payers";

-- DropTable
DROP TABLE "reps";

-- DropTable
DROP TABLE "sales_report_entries";

-- CreateTable
CREATE TABLE "audit_logs" (
    "id" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "payload" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "page_configs" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "config" JSONB NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "page_configs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tool_executions" (
    "id" TEXT NOT NULL,
    "tool" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "audit_log_id" TEXT,
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tool_executions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "view_whitelist" (
    "id" SERIAL NOT NULL,
    "view_name" TEXT NOT NULL,

    CONSTRAINT "view_whitelist_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "page_configs_slug_key" ON "page_configs"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "view_whitelist_view_name_key" ON "view_whitelist"("view_name");

-- AddForeignKey
ALTER TABLE "tool_executions" ADD CONSTRAINT "tool_executions_audit_log_id_fkey" FOREIGN KEY ("audit_log_id") REFERENCES "audit_logs"("id") ON DELETE SET NULL ON UPDATE CASCADE;
