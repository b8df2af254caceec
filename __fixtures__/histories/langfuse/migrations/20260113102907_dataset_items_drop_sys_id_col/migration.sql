/*
  Warnings:

  - You are about to drop the column `sys_id` on the `dataset_items` table. All the data in the column will be lost.

*/
-- AlterTable
ALTER TABLE "dataset_items" DROP COLUMN "sys_id";

