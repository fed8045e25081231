-- AlterTable
ALTER TABLE "Strategy" ADD COLUMN     "titleSortKey" TEXT NOT NULL DEFAULT '';

