-- CreateIndex
CREATE INDEX "LessonPlan_partnershipId_updatedAt_idx" ON "LessonPlan"("partnershipId", "updatedAt");

