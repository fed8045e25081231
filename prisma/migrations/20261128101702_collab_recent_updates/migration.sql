-- CreateTable
CREATE TABLE "CollabRecentUpdate" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "documentId" TEXT NOT NULL,
    "data" BLOB NOT NULL,
    "userId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CollabRecentUpdate_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "CollabDocument" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

