/*
  Warnings:

  - You are about to drop the column `isAdministrator` on the `users` table. All the data in the column will be lost.

*/
-- AlterTable
ALTER TABLE "users" DROP COLUMN "isAdministrator",
ADD COLUMN     "role" TEXT NOT NULL DEFAULT 'member';
