-- CreateTable
CREATE TABLE "CollabRecentUpdate" (
    "id" SERIAL NOT NULL,
    "documentId" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "userId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CollabRecentUpdate_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "CollabRecentUpdate" ADD CONSTRAINT "CollabRecentUpdate_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "CollabDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

