-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MeetingLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "itemId" TEXT,
    "decisionId" TEXT,
    "courseId" TEXT,
    "unitId" TEXT,
    "planId" TEXT,
    "strategyId" TEXT,
    "teachingGroupId" TEXT,
    CONSTRAINT "MeetingLink_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "AgendaItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingLink_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "MeetingDecision" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingLink_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingLink_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "CourseUnit" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingLink_planId_fkey" FOREIGN KEY ("planId") REFERENCES "LessonPlan" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingLink_strategyId_fkey" FOREIGN KEY ("strategyId") REFERENCES "Strategy" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingLink_teachingGroupId_fkey" FOREIGN KEY ("teachingGroupId") REFERENCES "TeachingGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Each link's record moves to its kind's column. A link whose record was deleted while links had no foreign key
-- (or of no known kind) pointed at nothing and is dropped.
INSERT INTO "new_MeetingLink" ("id", "itemId", "decisionId", "courseId", "unitId", "planId", "strategyId", "teachingGroupId")
SELECT l."id", l."itemId", l."decisionId",
    CASE WHEN l."kind" = 'course' THEN l."recordId" END,
    CASE WHEN l."kind" = 'unit' THEN l."recordId" END,
    CASE WHEN l."kind" = 'plan' THEN l."recordId" END,
    CASE WHEN l."kind" = 'strategy' THEN l."recordId" END,
    CASE WHEN l."kind" = 'group' THEN l."recordId" END
FROM "MeetingLink" l
WHERE (l."kind" = 'course' AND EXISTS (SELECT 1 FROM "Course" r WHERE r."id" = l."recordId"))
   OR (l."kind" = 'unit' AND EXISTS (SELECT 1 FROM "CourseUnit" r WHERE r."id" = l."recordId"))
   OR (l."kind" = 'plan' AND EXISTS (SELECT 1 FROM "LessonPlan" r WHERE r."id" = l."recordId"))
   OR (l."kind" = 'strategy' AND EXISTS (SELECT 1 FROM "Strategy" r WHERE r."id" = l."recordId"))
   OR (l."kind" = 'group' AND EXISTS (SELECT 1 FROM "TeachingGroup" r WHERE r."id" = l."recordId"));
DROP TABLE "MeetingLink";
ALTER TABLE "new_MeetingLink" RENAME TO "MeetingLink";
CREATE INDEX "MeetingLink_itemId_idx" ON "MeetingLink"("itemId");
CREATE INDEX "MeetingLink_decisionId_idx" ON "MeetingLink"("decisionId");
CREATE INDEX "MeetingLink_courseId_idx" ON "MeetingLink"("courseId");
CREATE INDEX "MeetingLink_unitId_idx" ON "MeetingLink"("unitId");
CREATE INDEX "MeetingLink_planId_idx" ON "MeetingLink"("planId");
CREATE INDEX "MeetingLink_strategyId_idx" ON "MeetingLink"("strategyId");
CREATE INDEX "MeetingLink_teachingGroupId_idx" ON "MeetingLink"("teachingGroupId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

