-- CreateTable
CREATE TABLE "CalendarFeed" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "partnershipId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CalendarFeed_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Meeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnershipId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "siteId" TEXT,
    "onlineLink" TEXT NOT NULL DEFAULT '',
    "agendaVersion" INTEGER NOT NULL DEFAULT 0,
    "agendaCirculatedAt" DATETIME,
    "minutesStatus" TEXT NOT NULL DEFAULT 'draft',
    "minutesSubmittedMark" TEXT NOT NULL DEFAULT '',
    "minutesSubmittedAt" DATETIME,
    "minutesSubmittedById" TEXT,
    "minutesApprovedAt" DATETIME,
    "minutesApprovedById" TEXT,
    "calendarSequence" INTEGER NOT NULL DEFAULT 0,
    "cancelledAt" DATETIME,
    "cancelledById" TEXT,
    "cancelReason" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Meeting_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Meeting_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "MeetingGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Meeting_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Institution" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Meeting" ("agendaCirculatedAt", "agendaVersion", "createdAt", "createdById", "endsAt", "groupId", "id", "minutesApprovedAt", "minutesApprovedById", "minutesStatus", "minutesSubmittedAt", "minutesSubmittedById", "minutesSubmittedMark", "onlineLink", "partnershipId", "siteId", "startsAt", "updatedAt") SELECT "agendaCirculatedAt", "agendaVersion", "createdAt", "createdById", "endsAt", "groupId", "id", "minutesApprovedAt", "minutesApprovedById", "minutesStatus", "minutesSubmittedAt", "minutesSubmittedById", "minutesSubmittedMark", "onlineLink", "partnershipId", "siteId", "startsAt", "updatedAt" FROM "Meeting";
DROP TABLE "Meeting";
ALTER TABLE "new_Meeting" RENAME TO "Meeting";
CREATE INDEX "Meeting_partnershipId_startsAt_idx" ON "Meeting"("partnershipId", "startsAt");
CREATE INDEX "Meeting_groupId_startsAt_idx" ON "Meeting"("groupId", "startsAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_tokenHash_key" ON "CalendarFeed"("tokenHash");

