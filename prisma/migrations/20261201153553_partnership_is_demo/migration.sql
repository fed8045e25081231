-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Partnership" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Partnership" ("createdAt", "id", "name", "slug") SELECT "createdAt", "id", "name", "slug" FROM "Partnership";
DROP TABLE "Partnership";
ALTER TABLE "new_Partnership" RENAME TO "Partnership";
CREATE UNIQUE INDEX "Partnership_slug_key" ON "Partnership"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

