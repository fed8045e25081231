-- AlterTable
ALTER TABLE "SearchEntry" ADD COLUMN     "facetSetId" INTEGER;

-- CreateTable
CREATE TABLE "SearchFacetSet" (
    "id" SERIAL NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL DEFAULT '',
    "courseId" TEXT NOT NULL DEFAULT '',
    "keyStage" TEXT NOT NULL DEFAULT '',
    "needs" TEXT NOT NULL DEFAULT '',
    "tags" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "SearchFacetSet_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SearchFacetSet_values_key" ON "SearchFacetSet"("partnershipId", "kind", "institutionId", "courseId", "keyStage", "needs", "tags", "status");


-- Written by hand (decision 033). Each entry's combination of facet values, kept by a trigger in the same
-- transaction as every write through Prisma or raw SQL: facet counts then group the matches by one integer.
-- ON CONFLICT DO NOTHING waits for a concurrent writer of the same combination, then reads its row. The body is an
-- escape string with its semicolons as \073: the migration runner splits scripts at every semicolon.
CREATE FUNCTION "SearchEntry_facet_set"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
    INSERT INTO "SearchFacetSet" ("partnershipId", "kind", "institutionId", "courseId", "keyStage", "needs", "tags", "status")
        VALUES (NEW."partnershipId", NEW."kind", coalesce(NEW."institutionId", \'\'), coalesce(NEW."courseId", \'\'), NEW."keyStage", NEW."needs",
            NEW."tags", NEW."status")
        ON CONFLICT DO NOTHING\073
    SELECT s."id" INTO NEW."facetSetId" FROM "SearchFacetSet" s WHERE s."partnershipId" = NEW."partnershipId" AND s."kind" = NEW."kind"
        AND s."institutionId" = coalesce(NEW."institutionId", \'\') AND s."courseId" = coalesce(NEW."courseId", \'\')
        AND s."keyStage" = NEW."keyStage" AND s."needs" = NEW."needs" AND s."tags" = NEW."tags" AND s."status" = NEW."status"\073
    RETURN NEW\073
END';

CREATE TRIGGER "SearchEntry_facet_set" BEFORE INSERT OR UPDATE OF "partnershipId", "kind", "institutionId", "courseId", "keyStage", "needs", "tags", "status"
    ON "SearchEntry" FOR EACH ROW EXECUTE FUNCTION "SearchEntry_facet_set"();

-- The entries written before this migration.
INSERT INTO "SearchFacetSet" ("partnershipId", "kind", "institutionId", "courseId", "keyStage", "needs", "tags", "status")
    SELECT DISTINCT "partnershipId", "kind", coalesce("institutionId", ''), coalesce("courseId", ''), "keyStage", "needs", "tags", "status" FROM "SearchEntry";
UPDATE "SearchEntry" e SET "facetSetId" = s."id" FROM "SearchFacetSet" s WHERE s."partnershipId" = e."partnershipId" AND s."kind" = e."kind"
    AND s."institutionId" = coalesce(e."institutionId", '') AND s."courseId" = coalesce(e."courseId", '')
    AND s."keyStage" = e."keyStage" AND s."needs" = e."needs" AND s."tags" = e."tags" AND s."status" = e."status";
