-- CreateTable
CREATE TABLE "MeetingLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "itemId" TEXT,
    "decisionId" TEXT,
    "kind" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    CONSTRAINT "MeetingLink_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "AgendaItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingLink_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "MeetingDecision" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AgendaItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "purpose" TEXT NOT NULL DEFAULT 'discussion',
    "leadId" TEXT,
    "minutes" INTEGER,
    "standing" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'accepted',
    "proposedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AgendaItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_AgendaItem" ("createdAt", "id", "leadId", "meetingId", "minutes", "position", "proposedById", "purpose", "standing", "status", "title") SELECT "createdAt", "id", "leadId", "meetingId", "minutes", "position", "proposedById", "purpose", "standing", "status", "title" FROM "AgendaItem";
DROP TABLE "AgendaItem";
ALTER TABLE "new_AgendaItem" RENAME TO "AgendaItem";
CREATE INDEX "AgendaItem_meetingId_position_idx" ON "AgendaItem"("meetingId", "position");
CREATE TABLE "new_MeetingDecision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnershipId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "itemId" TEXT,
    "text" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MeetingDecision_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingDecision_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "MeetingGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingDecision_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingDecision_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "AgendaItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_MeetingDecision" ("createdAt", "createdById", "groupId", "id", "itemId", "meetingId", "partnershipId", "text") SELECT "createdAt", "createdById", "groupId", "id", "itemId", "meetingId", "partnershipId", "text" FROM "MeetingDecision";
DROP TABLE "MeetingDecision";
ALTER TABLE "new_MeetingDecision" RENAME TO "MeetingDecision";
CREATE INDEX "MeetingDecision_groupId_createdAt_idx" ON "MeetingDecision"("groupId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "MeetingLink_kind_recordId_idx" ON "MeetingLink"("kind", "recordId");

-- CreateIndex
CREATE INDEX "MeetingLink_itemId_idx" ON "MeetingLink"("itemId");

-- CreateIndex
CREATE INDEX "MeetingLink_decisionId_idx" ON "MeetingLink"("decisionId");

