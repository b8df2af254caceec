/*
  Warnings:

  - You are about to drop the `clients` table. If the table is not empty, all the data it contains will be lost.
  - You are about to drop the `payer_client_rep_assignments` table. If the table is not empty, all the data it contains will be lost.
  - You are about to drop the `payers` table. If the table is not empty, all the data it contains will be lost.
  - You are about to drop the `reps` table. If the table is not empty, all the data it contains will be lost.
  - You are about to drop the `sales_report_entries` table. If the table is not empty, all the data it contains will be lost.

*/
-- DropForeignKey
ALTER TABLE "payer_client_rep_assignments" DROP CONSTRAINT "payer_client_rep_assignments_client_id_fkey";

-- DropForeignKey
ALTER TABLE "payer_client_rep_assignments" DROP CONSTRAINT "payer_client_rep_assignments_payer_id_fkey";

-- DropForeignKey
ALTER TABLE "payer_client_rep_assignments" DROP CONSTRAINT "payer_client_rep_assignments_rep_id_fkey";

-- DropForeignKey
ALTER TABLE "sales_report_entries" DROP CONSTRAINT "sales_report_entries_client_id_fkey";

-- DropForeignKey
ALTER TABLE "sales_report_entries" DROP CONSTRAINT "sales_report_entries_payer_id_fkey";

-- DropForeignKey
ALTER TABLE "sales_report_entries" DROP CONSTRAINT "sales_report_entries_rep_id_fkey";

-- AlterTable
ALTER TABLE "tool_executions" ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'pending';

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
