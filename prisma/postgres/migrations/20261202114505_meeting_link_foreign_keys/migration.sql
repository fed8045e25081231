-- AlterTable
ALTER TABLE "MeetingLink" ADD COLUMN     "courseId" TEXT,
ADD COLUMN     "planId" TEXT,
ADD COLUMN     "strategyId" TEXT,
ADD COLUMN     "teachingGroupId" TEXT,
ADD COLUMN     "unitId" TEXT;

-- Each link's record moves to its kind's column. A link whose record was deleted while links had no foreign key
-- (or of no known kind) pointed at nothing and is dropped.
DELETE FROM "MeetingLink" l
WHERE NOT ((l."kind" = 'course' AND EXISTS (SELECT 1 FROM "Course" r WHERE r."id" = l."recordId"))
  OR (l."kind" = 'unit' AND EXISTS (SELECT 1 FROM "CourseUnit" r WHERE r."id" = l."recordId"))
  OR (l."kind" = 'plan' AND EXISTS (SELECT 1 FROM "LessonPlan" r WHERE r."id" = l."recordId"))
  OR (l."kind" = 'strategy' AND EXISTS (SELECT 1 FROM "Strategy" r WHERE r."id" = l."recordId"))
  OR (l."kind" = 'group' AND EXISTS (SELECT 1 FROM "TeachingGroup" r WHERE r."id" = l."recordId")));

UPDATE "MeetingLink" SET
  "courseId" = CASE WHEN "kind" = 'course' THEN "recordId" END,
  "unitId" = CASE WHEN "kind" = 'unit' THEN "recordId" END,
  "planId" = CASE WHEN "kind" = 'plan' THEN "recordId" END,
  "strategyId" = CASE WHEN "kind" = 'strategy' THEN "recordId" END,
  "teachingGroupId" = CASE WHEN "kind" = 'group' THEN "recordId" END;

-- DropIndex
DROP INDEX "MeetingLink_kind_recordId_idx";

-- AlterTable
ALTER TABLE "MeetingLink" DROP COLUMN "kind",
DROP COLUMN "recordId";

-- CreateIndex
CREATE INDEX "MeetingLink_courseId_idx" ON "MeetingLink"("courseId");

-- CreateIndex
CREATE INDEX "MeetingLink_unitId_idx" ON "MeetingLink"("unitId");

-- CreateIndex
CREATE INDEX "MeetingLink_planId_idx" ON "MeetingLink"("planId");

-- CreateIndex
CREATE INDEX "MeetingLink_strategyId_idx" ON "MeetingLink"("strategyId");

-- CreateIndex
CREATE INDEX "MeetingLink_teachingGroupId_idx" ON "MeetingLink"("teachingGroupId");

-- AddForeignKey
ALTER TABLE "MeetingLink" ADD CONSTRAINT "MeetingLink_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingLink" ADD CONSTRAINT "MeetingLink_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "CourseUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingLink" ADD CONSTRAINT "MeetingLink_planId_fkey" FOREIGN KEY ("planId") REFERENCES "LessonPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingLink" ADD CONSTRAINT "MeetingLink_strategyId_fkey" FOREIGN KEY ("strategyId") REFERENCES "Strategy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingLink" ADD CONSTRAINT "MeetingLink_teachingGroupId_fkey" FOREIGN KEY ("teachingGroupId") REFERENCES "TeachingGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

