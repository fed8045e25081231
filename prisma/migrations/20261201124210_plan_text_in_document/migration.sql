-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_LessonPlan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnershipId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "unitId" TEXT,
    "groupId" TEXT,
    "title" TEXT NOT NULL,
    "lessonDate" DATETIME,
    "startTime" TEXT NOT NULL DEFAULT '',
    "durationMinutes" INTEGER NOT NULL DEFAULT 60,
    "position" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "objectives" TEXT NOT NULL DEFAULT '',
    "successCriteria" TEXT NOT NULL DEFAULT '',
    "starter" TEXT NOT NULL DEFAULT '',
    "mainActivity" TEXT NOT NULL DEFAULT '',
    "plenary" TEXT NOT NULL DEFAULT '',
    "assessment" TEXT NOT NULL DEFAULT '',
    "evaluation" TEXT NOT NULL DEFAULT '',
    "nextSteps" TEXT NOT NULL DEFAULT '',
    "textInDocument" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LessonPlan_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LessonPlan_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LessonPlan_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "CourseUnit" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "LessonPlan_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "TeachingGroup" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_LessonPlan" ("assessment", "courseId", "createdAt", "createdById", "durationMinutes", "evaluation", "groupId", "id", "lessonDate", "mainActivity", "nextSteps", "objectives", "partnershipId", "plenary", "position", "startTime", "starter", "status", "successCriteria", "title", "unitId", "updatedAt", "updatedById") SELECT "assessment", "courseId", "createdAt", "createdById", "durationMinutes", "evaluation", "groupId", "id", "lessonDate", "mainActivity", "nextSteps", "objectives", "partnershipId", "plenary", "position", "startTime", "starter", "status", "successCriteria", "title", "unitId", "updatedAt", "updatedById" FROM "LessonPlan";
DROP TABLE "LessonPlan";
ALTER TABLE "new_LessonPlan" RENAME TO "LessonPlan";
CREATE INDEX "LessonPlan_partnershipId_lessonDate_idx" ON "LessonPlan"("partnershipId", "lessonDate");
CREATE INDEX "LessonPlan_courseId_position_idx" ON "LessonPlan"("courseId", "position");
CREATE INDEX "LessonPlan_groupId_idx" ON "LessonPlan"("groupId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

