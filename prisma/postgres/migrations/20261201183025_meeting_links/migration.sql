-- AlterTable
ALTER TABLE "AgendaItem" DROP COLUMN "links";

-- AlterTable
ALTER TABLE "MeetingDecision" DROP COLUMN "links";

-- CreateTable
CREATE TABLE "MeetingLink" (
    "id" TEXT NOT NULL,
    "itemId" TEXT,
    "decisionId" TEXT,
    "kind" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,

    CONSTRAINT "MeetingLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MeetingLink_kind_recordId_idx" ON "MeetingLink"("kind", "recordId");

-- CreateIndex
CREATE INDEX "MeetingLink_itemId_idx" ON "MeetingLink"("itemId");

-- CreateIndex
CREATE INDEX "MeetingLink_decisionId_idx" ON "MeetingLink"("decisionId");

-- AddForeignKey
ALTER TABLE "MeetingLink" ADD CONSTRAINT "MeetingLink_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "AgendaItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingLink" ADD CONSTRAINT "MeetingLink_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "MeetingDecision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

