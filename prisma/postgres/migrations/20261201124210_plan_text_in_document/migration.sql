-- AlterTable
ALTER TABLE "LessonPlan" ADD COLUMN     "textInDocument" BOOLEAN NOT NULL DEFAULT false;

