-- AlterTable
ALTER TABLE "Deployment" ADD COLUMN     "needMask" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "LessonPlan_dashboard_idx" ON "LessonPlan"("partnershipId", "lessonDate", "courseId", "groupId", "status", "startTime", "id");

-- CreateIndex
CREATE INDEX "Deployment_dashboard_idx" ON "Deployment"("lessonPlanId", "partnershipId", "supporterId", "mode", "minutes", "needMask", "briefedAt", "readAt", "feedbackAt");

-- CreateIndex
CREATE INDEX "StrategyRating_dashboard_idx" ON "StrategyRating"("updatedAt", "strategyId", "rating", "lessonPlanId");


-- Deployment.needMask (decision 034), written by hand: the areas of need of the students a deployment supports, one bit
-- per code in the order of NEED_AREAS (communication_interaction 1, cognition_learning 2, semh 4, sensory_physical 8),
-- so the deployment dashboard counts sessions per need without matching the comma-separated needAreas of students
-- row by row. Triggers keep it on every write (through Prisma or raw SQL, cascades too) in the same transaction
-- and the rows there are get it here.
CREATE FUNCTION "deployment_need_mask"(deployment_id TEXT) RETURNS INTEGER LANGUAGE sql STABLE AS $$
    SELECT COALESCE((
        SELECT MAX(CASE WHEN (',' || s."needAreas" || ',') LIKE '%,communication_interaction,%' THEN 1 ELSE 0 END)
            + 2 * MAX(CASE WHEN (',' || s."needAreas" || ',') LIKE '%,cognition_learning,%' THEN 1 ELSE 0 END)
            + 4 * MAX(CASE WHEN (',' || s."needAreas" || ',') LIKE '%,semh,%' THEN 1 ELSE 0 END)
            + 8 * MAX(CASE WHEN (',' || s."needAreas" || ',') LIKE '%,sensory_physical,%' THEN 1 ELSE 0 END)
        FROM "DeploymentStudent" ds JOIN "Student" s ON s."id" = ds."studentId"
        WHERE ds."deploymentId" = deployment_id), 0)
$$;

UPDATE "Deployment" SET "needMask" = "deployment_need_mask"("id");

-- The trigger functions are written as escape strings with \073 for each semicolon in their bodies: the driver adapter
-- that applies migrations splits the file at every semicolon.
CREATE FUNCTION "DeploymentStudent_needMask_insert"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
    UPDATE "Deployment" SET "needMask" = "deployment_need_mask"("id") WHERE "id" = NEW."deploymentId"\073
    RETURN NULL\073
END';

CREATE TRIGGER "DeploymentStudent_needMask_insert" AFTER INSERT ON "DeploymentStudent"
    FOR EACH ROW EXECUTE FUNCTION "DeploymentStudent_needMask_insert"();

CREATE FUNCTION "DeploymentStudent_needMask_delete"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
    UPDATE "Deployment" SET "needMask" = "deployment_need_mask"("id") WHERE "id" = OLD."deploymentId"\073
    RETURN NULL\073
END';

CREATE TRIGGER "DeploymentStudent_needMask_delete" AFTER DELETE ON "DeploymentStudent"
    FOR EACH ROW EXECUTE FUNCTION "DeploymentStudent_needMask_delete"();

CREATE FUNCTION "DeploymentStudent_needMask_update"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
    UPDATE "Deployment" SET "needMask" = "deployment_need_mask"("id") WHERE "id" IN (OLD."deploymentId", NEW."deploymentId")\073
    RETURN NULL\073
END';

CREATE TRIGGER "DeploymentStudent_needMask_update" AFTER UPDATE ON "DeploymentStudent"
    FOR EACH ROW EXECUTE FUNCTION "DeploymentStudent_needMask_update"();

CREATE FUNCTION "Student_needMask"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
    UPDATE "Deployment" SET "needMask" = "deployment_need_mask"("id") WHERE "id" IN (SELECT "deploymentId" FROM "DeploymentStudent" WHERE "studentId" = NEW."id")\073
    RETURN NULL\073
END';

CREATE TRIGGER "Student_needMask" AFTER UPDATE OF "needAreas" ON "Student"
    FOR EACH ROW EXECUTE FUNCTION "Student_needMask"();
