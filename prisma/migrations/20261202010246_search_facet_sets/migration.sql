-- AlterTable
ALTER TABLE "SearchEntry" ADD COLUMN "facetSetId" INTEGER;

-- CreateTable
CREATE TABLE "SearchFacetSet" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "partnershipId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL DEFAULT '',
    "courseId" TEXT NOT NULL DEFAULT '',
    "keyStage" TEXT NOT NULL DEFAULT '',
    "needs" TEXT NOT NULL DEFAULT '',
    "tags" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT ''
);

-- CreateIndex
CREATE UNIQUE INDEX "SearchFacetSet_values_key" ON "SearchFacetSet"("partnershipId", "kind", "institutionId", "courseId", "keyStage", "needs", "tags", "status");


-- Written by hand (decision 033). Each entry's combination of facet values, kept by triggers in the same
-- transaction as every write through Prisma or raw SQL, as the full-text index is: facet counts then group the
-- matches by one integer. "INSERT ... SELECT ... WHERE NOT EXISTS" rather than INSERT OR IGNORE, which an outer
-- INSERT OR REPLACE would turn into a replace (a new id under the entries that point at the old one).
CREATE TRIGGER "SearchEntry_facet_set_insert" AFTER INSERT ON "SearchEntry" BEGIN
    INSERT INTO "SearchFacetSet" ("partnershipId", "kind", "institutionId", "courseId", "keyStage", "needs", "tags", "status")
        SELECT new."partnershipId", new."kind", coalesce(new."institutionId", ''), coalesce(new."courseId", ''), new."keyStage", new."needs", new."tags", new."status"
        WHERE NOT EXISTS (SELECT 1 FROM "SearchFacetSet" s WHERE s."partnershipId" = new."partnershipId" AND s."kind" = new."kind" AND s."institutionId" = coalesce(new."institutionId", '')
            AND s."courseId" = coalesce(new."courseId", '') AND s."keyStage" = new."keyStage" AND s."needs" = new."needs"
            AND s."tags" = new."tags" AND s."status" = new."status");
    UPDATE "SearchEntry" SET "facetSetId" = (SELECT s."id" FROM "SearchFacetSet" s WHERE s."partnershipId" = new."partnershipId" AND s."kind" = new."kind"
            AND s."institutionId" = coalesce(new."institutionId", '') AND s."courseId" = coalesce(new."courseId", '')
            AND s."keyStage" = new."keyStage" AND s."needs" = new."needs" AND s."tags" = new."tags" AND s."status" = new."status")
        WHERE "id" = new."id";
END;

CREATE TRIGGER "SearchEntry_facet_set_update" AFTER UPDATE OF "partnershipId", "kind", "institutionId", "courseId", "keyStage", "needs", "tags", "status" ON "SearchEntry" BEGIN
    INSERT INTO "SearchFacetSet" ("partnershipId", "kind", "institutionId", "courseId", "keyStage", "needs", "tags", "status")
        SELECT new."partnershipId", new."kind", coalesce(new."institutionId", ''), coalesce(new."courseId", ''), new."keyStage", new."needs", new."tags", new."status"
        WHERE NOT EXISTS (SELECT 1 FROM "SearchFacetSet" s WHERE s."partnershipId" = new."partnershipId" AND s."kind" = new."kind" AND s."institutionId" = coalesce(new."institutionId", '')
            AND s."courseId" = coalesce(new."courseId", '') AND s."keyStage" = new."keyStage" AND s."needs" = new."needs"
            AND s."tags" = new."tags" AND s."status" = new."status");
    UPDATE "SearchEntry" SET "facetSetId" = (SELECT s."id" FROM "SearchFacetSet" s WHERE s."partnershipId" = new."partnershipId" AND s."kind" = new."kind"
            AND s."institutionId" = coalesce(new."institutionId", '') AND s."courseId" = coalesce(new."courseId", '')
            AND s."keyStage" = new."keyStage" AND s."needs" = new."needs" AND s."tags" = new."tags" AND s."status" = new."status")
        WHERE "id" = new."id";
END;

-- The entries written before this migration.
INSERT INTO "SearchFacetSet" ("partnershipId", "kind", "institutionId", "courseId", "keyStage", "needs", "tags", "status")
    SELECT DISTINCT "partnershipId", "kind", coalesce("institutionId", ''), coalesce("courseId", ''), "keyStage", "needs", "tags", "status" FROM "SearchEntry";
UPDATE "SearchEntry" SET "facetSetId" = (SELECT s."id" FROM "SearchFacetSet" s WHERE s."partnershipId" = "SearchEntry"."partnershipId" AND s."kind" = "SearchEntry"."kind"
    AND s."institutionId" = coalesce("SearchEntry"."institutionId", '') AND s."courseId" = coalesce("SearchEntry"."courseId", '')
    AND s."keyStage" = "SearchEntry"."keyStage" AND s."needs" = "SearchEntry"."needs" AND s."tags" = "SearchEntry"."tags"
    AND s."status" = "SearchEntry"."status");

-- What a search reads of every match, in one narrow index beside the rows (whose bodies make reading them slow):
-- the id the full-text index joins on, then the visibility, filter and sort columns and the facet set. The SQLite
-- engine names it (INDEXED BY): the planner would otherwise read each matching row by its primary key.
CREATE INDEX "SearchEntry_search_covering_idx" ON "SearchEntry"("id", "partnershipId", "kind", "lessonPlanId", "groupId",
    "meetingId", "facetSetId", "occurredAt", "institutionId", "courseId", "keyStage", "needs", "tags", "status");
