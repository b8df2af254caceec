/*
  Warnings:

  - You are about to alter the column `reference` on the `Order` table. The data in that column will be cast from `String` to `Int`. This cast may fail. Please make sure the data in the column can be cast.

*/
-- AlterTable
ALTER TABLE "Order" ALTER COLUMN "reference" SET DATA TYPE INTEGER;
