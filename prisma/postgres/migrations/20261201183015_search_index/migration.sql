-- CreateTable
CREATE TABLE "SearchEntry" (
    "id" SERIAL NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "href" TEXT NOT NULL,
    "institutionId" TEXT,
    "courseId" TEXT,
    "keyStage" TEXT NOT NULL DEFAULT '',
    "needs" TEXT NOT NULL DEFAULT '',
    "tags" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT '',
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "lessonPlanId" TEXT,
    "groupId" TEXT,
    "meetingId" TEXT,
    "indexedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SearchEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SearchEntry_partnershipId_kind_idx" ON "SearchEntry"("partnershipId", "kind");

-- CreateIndex
CREATE INDEX "SearchEntry_partnershipId_occurredAt_idx" ON "SearchEntry"("partnershipId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "SearchEntry_kind_recordId_key" ON "SearchEntry"("kind", "recordId");


-- Full-text index (decision 022), written by hand: Prisma does not model tsvector. The English configuration
-- (Snowball stemming), the title weighted above the body, computed by the database on every write.
ALTER TABLE "SearchEntry" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', "title"), 'A') || setweight(to_tsvector('english', "body"), 'B')
) STORED;

CREATE INDEX "SearchEntry_searchVector_idx" ON "SearchEntry" USING GIN ("searchVector");
