-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Deployment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnershipId" TEXT NOT NULL,
    "lessonPlanId" TEXT NOT NULL,
    "supporterId" TEXT NOT NULL,
    "supporterRole" TEXT NOT NULL DEFAULT 'lsa',
    "phase" TEXT NOT NULL DEFAULT 'whole',
    "minutes" INTEGER NOT NULL DEFAULT 60,
    "mode" TEXT NOT NULL,
    "concepts" TEXT NOT NULL DEFAULT '',
    "skills" TEXT NOT NULL DEFAULT '',
    "outcomes" TEXT NOT NULL DEFAULT '',
    "feedbackExpected" TEXT NOT NULL DEFAULT '',
    "independence" TEXT NOT NULL DEFAULT '',
    "briefedById" TEXT,
    "briefedAt" DATETIME,
    "readAt" DATETIME,
    "feedback" TEXT NOT NULL DEFAULT '',
    "feedbackAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "needMask" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Deployment_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Deployment_lessonPlanId_fkey" FOREIGN KEY ("lessonPlanId") REFERENCES "LessonPlan" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Deployment_supporterId_fkey" FOREIGN KEY ("supporterId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Deployment_briefedById_fkey" FOREIGN KEY ("briefedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Deployment" ("briefedAt", "briefedById", "concepts", "createdAt", "feedback", "feedbackAt", "feedbackExpected", "id", "independence", "lessonPlanId", "minutes", "mode", "outcomes", "partnershipId", "phase", "readAt", "skills", "supporterId", "supporterRole", "updatedAt") SELECT "briefedAt", "briefedById", "concepts", "createdAt", "feedback", "feedbackAt", "feedbackExpected", "id", "independence", "lessonPlanId", "minutes", "mode", "outcomes", "partnershipId", "phase", "readAt", "skills", "supporterId", "supporterRole", "updatedAt" FROM "Deployment";
DROP TABLE "Deployment";
ALTER TABLE "new_Deployment" RENAME TO "Deployment";
CREATE INDEX "Deployment_partnershipId_idx" ON "Deployment"("partnershipId");
CREATE INDEX "Deployment_supporterId_idx" ON "Deployment"("supporterId");
CREATE INDEX "Deployment_lessonPlanId_idx" ON "Deployment"("lessonPlanId");
CREATE INDEX "Deployment_dashboard_idx" ON "Deployment"("lessonPlanId", "partnershipId", "supporterId", "mode", "minutes", "needMask", "briefedAt", "readAt", "feedbackAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "LessonPlan_dashboard_idx" ON "LessonPlan"("partnershipId", "lessonDate", "courseId", "groupId", "status", "startTime", "id");

-- CreateIndex
CREATE INDEX "StrategyRating_dashboard_idx" ON "StrategyRating"("updatedAt", "strategyId", "rating", "lessonPlanId");


-- Deployment.needMask (decision 034), written by hand: the areas of need of the students a deployment supports, one bit
-- per code in the order of NEED_AREAS (communication_interaction 1, cognition_learning 2, semh 4, sensory_physical 8),
-- so the deployment dashboard counts sessions per need without matching the comma-separated needAreas of students
-- row by row. Triggers keep it on every write (through Prisma or raw SQL, cascades too) in the same transaction
-- and the rows there are get it here.
UPDATE "Deployment" SET "needMask" = COALESCE((
        SELECT MAX(CASE WHEN (',' || s."needAreas" || ',') LIKE '%,communication_interaction,%' THEN 1 ELSE 0 END)
            + 2 * MAX(CASE WHEN (',' || s."needAreas" || ',') LIKE '%,cognition_learning,%' THEN 1 ELSE 0 END)
            + 4 * MAX(CASE WHEN (',' || s."needAreas" || ',') LIKE '%,semh,%' THEN 1 ELSE 0 END)
            + 8 * MAX(CASE WHEN (',' || s."needAreas" || ',') LIKE '%,sensory_physical,%' THEN 1 ELSE 0 END)
        FROM "DeploymentStudent" ds JOIN "Student" s ON s."id" = ds."studentId"
        WHERE ds."deploymentId" = "Deployment"."id"), 0);

CREATE TRIGGER "DeploymentStudent_needMask_insert" AFTER INSERT ON "DeploymentStudent" BEGIN
    UPDATE "Deployment" SET "needMask" = COALESCE((
        SELECT MAX(CASE WHEN (',' || s."needAreas" || ',') LIKE '%,communication_interaction,%' THEN 1 ELSE 0 END)
            + 2 * MAX(CASE WHEN (',' || s."needAreas" || ',') LIKE '%,cognition_learning,%' THEN 1 ELSE 0 END)
            + 4 * MAX(CASE WHEN (',' || s."needAreas" || ',') LIKE '%,semh,%' THEN 1 ELSE 0 END)
            + 8 * MAX(CASE WHEN (',' || s."needAreas" || ',') LIKE '%,sensory_physical,%' THEN 1 ELSE 0 END)
        FROM "DeploymentStudent" ds JOIN "Student" s ON s."id" = ds."studentId"
        WHERE ds."deploymentId" = new."deploymentId"), 0) WHERE "id" = new."deploymentId";
END;

CREATE TRIGGER "DeploymentStudent_needMask_delete" AFTER DELETE ON "DeploymentStudent" BEGIN
    UPDATE "Deployment" SET "needMask" = COALESCE((
        SELECT MAX(CASE WHEN (',' || s."needAreas" || ',') LIKE '%,communication_interaction,%' THEN 1 ELSE 0 END)
            + 2 * MAX(CASE WHEN (',' || s."needAreas" || ',') LIKE '%,cognition_learning,%' THEN 1 ELSE 0 END)
            + 4 * MAX(CASE WHEN (',' || s."needAreas" || ',') LIKE '%,semh,%' THEN 1 ELSE 0 END)
            + 8 * MAX(CASE WHEN (',' || s."needAreas" || ',') LIKE '%,sensory_physical,%' THEN 1 ELSE 0 END)
        FROM "DeploymentStudent" ds JOIN "Student" s ON s."id" = ds."studentId"
        WHERE ds."deploymentId" = old."deploymentId"), 0) WHERE "id" = old."deploymentId";
END;

CREATE TRIGGER "DeploymentStudent_needMask_update" AFTER UPDATE ON "DeploymentStudent" BEGIN
    UPDATE "Deployment" SET "needMask" = COALESCE((
        SELECT MAX(CASE WHEN (',' || s."needAreas" || ',') LIKE '%,communication_interaction,%' THEN 1 ELSE 0 END)
            + 2 * MAX(CASE WHEN (',' || s."needAreas" || ',') LIKE '%,cognition_learning,%' THEN 1 ELSE 0 END)
            + 4 * MAX(CASE WHEN (',' || s."needAreas" || ',') LIKE '%,semh,%' THEN 1 ELSE 0 END)
            + 8 * MAX(CASE WHEN (',' || s."needAreas" || ',') LIKE '%,sensory_physical,%' THEN 1 ELSE 0 END)
        FROM "DeploymentStudent" ds JOIN "Student" s ON s."id" = ds."studentId"
        WHERE ds."deploymentId" = "Deployment"."id"), 0)
    WHERE "id" IN (old."deploymentId", new."deploymentId");
END;

CREATE TRIGGER "Student_needMask_update" AFTER UPDATE OF "needAreas" ON "Student" BEGIN
    UPDATE "Deployment" SET "needMask" = COALESCE((
        SELECT MAX(CASE WHEN (',' || s."needAreas" || ',') LIKE '%,communication_interaction,%' THEN 1 ELSE 0 END)
            + 2 * MAX(CASE WHEN (',' || s."needAreas" || ',') LIKE '%,cognition_learning,%' THEN 1 ELSE 0 END)
            + 4 * MAX(CASE WHEN (',' || s."needAreas" || ',') LIKE '%,semh,%' THEN 1 ELSE 0 END)
            + 8 * MAX(CASE WHEN (',' || s."needAreas" || ',') LIKE '%,sensory_physical,%' THEN 1 ELSE 0 END)
        FROM "DeploymentStudent" ds JOIN "Student" s ON s."id" = ds."studentId"
        WHERE ds."deploymentId" = "Deployment"."id"), 0)
    WHERE "id" IN (SELECT "deploymentId" FROM "DeploymentStudent" WHERE "studentId" = new."id");
END;
