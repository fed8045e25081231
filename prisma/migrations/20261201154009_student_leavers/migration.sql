-- AlterTable
ALTER TABLE "Student" ADD COLUMN "leftOn" DATETIME;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Partnership" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "studentRetentionYears" INTEGER NOT NULL DEFAULT 6,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Partnership" ("createdAt", "id", "isDemo", "name", "slug") SELECT "createdAt", "id", "isDemo", "name", "slug" FROM "Partnership";
DROP TABLE "Partnership";
ALTER TABLE "new_Partnership" RENAME TO "Partnership";
CREATE UNIQUE INDEX "Partnership_slug_key" ON "Partnership"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Student_partnershipId_leftOn_idx" ON "Student"("partnershipId", "leftOn");

