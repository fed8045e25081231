-- AlterTable
ALTER TABLE "Partnership" ADD COLUMN     "isDemo" BOOLEAN NOT NULL DEFAULT false;

