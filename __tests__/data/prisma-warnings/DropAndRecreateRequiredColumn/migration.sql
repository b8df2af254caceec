/*
  Warnings:

  - Changed the type of `city` on the `Buyer` table. No cast exists, the column would be dropped and recreated, which cannot be done if there is data, since the column is required.

*/
-- CreateEnum
CREATE TYPE "City" AS ENUM ('CHANDIGARH', 'MOHALI', 'ZIRAKPUR', 'PANCHKULA', 'OTHER');

-- AlterTable
ALTER TABLE "Buyer" DROP COLUMN "city",
ADD COLUMN     "city" "City" NOT NULL;
