-- AlterTable
ALTER TABLE "Partnership" ADD COLUMN     "studentRetentionYears" INTEGER NOT NULL DEFAULT 6;

-- AlterTable
ALTER TABLE "Student" ADD COLUMN     "leftOn" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Student_partnershipId_leftOn_idx" ON "Student"("partnershipId", "leftOn");

