-- CreateTable
CREATE TABLE "SearchEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    "occurredAt" DATETIME NOT NULL,
    "lessonPlanId" TEXT,
    "groupId" TEXT,
    "meetingId" TEXT,
    "indexedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "SearchEntry_partnershipId_kind_idx" ON "SearchEntry"("partnershipId", "kind");

-- CreateIndex
CREATE INDEX "SearchEntry_partnershipId_occurredAt_idx" ON "SearchEntry"("partnershipId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "SearchEntry_kind_recordId_key" ON "SearchEntry"("kind", "recordId");


-- Full-text index (decision 022), written by hand: Prisma does not model virtual tables. An FTS5 table over
-- SearchEntry's title and body (external content: the text is stored once), Porter stemming over unicode61 words,
-- kept in step by triggers so every write through Prisma or raw SQL updates it in the same transaction.
CREATE VIRTUAL TABLE "SearchEntryFts" USING fts5(
    title, body,
    content='SearchEntry', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER "SearchEntry_fts_insert" AFTER INSERT ON "SearchEntry" BEGIN
    INSERT INTO "SearchEntryFts"(rowid, title, body) VALUES (new."id", new."title", new."body");
END;

CREATE TRIGGER "SearchEntry_fts_delete" AFTER DELETE ON "SearchEntry" BEGIN
    INSERT INTO "SearchEntryFts"("SearchEntryFts", rowid, title, body) VALUES ('delete', old."id", old."title", old."body");
END;

CREATE TRIGGER "SearchEntry_fts_update" AFTER UPDATE OF "title", "body" ON "SearchEntry" BEGIN
    INSERT INTO "SearchEntryFts"("SearchEntryFts", rowid, title, body) VALUES ('delete', old."id", old."title", old."body");
    INSERT INTO "SearchEntryFts"(rowid, title, body) VALUES (new."id", new."title", new."body");
END;
