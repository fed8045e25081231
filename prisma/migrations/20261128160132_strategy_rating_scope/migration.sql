-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_StrategyRating" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "strategyId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "lessonPlanId" TEXT,
    "scope" TEXT NOT NULL DEFAULT 'general',
    "rating" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "StrategyRating_strategyId_fkey" FOREIGN KEY ("strategyId") REFERENCES "Strategy" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StrategyRating_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StrategyRating_lessonPlanId_fkey" FOREIGN KEY ("lessonPlanId") REFERENCES "LessonPlan" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
-- Each rating's scope is its plan, or "general". Where requests raced and left a member two ratings of the same
-- strategy for the same scope, only the latest is kept (hand-written: not part of Prisma's diff).
INSERT INTO "new_StrategyRating" ("comment", "createdAt", "id", "lessonPlanId", "scope", "rating", "strategyId", "updatedAt", "userId")
SELECT r."comment", r."createdAt", r."id", r."lessonPlanId", COALESCE(r."lessonPlanId", 'general'), r."rating", r."strategyId", r."updatedAt", r."userId"
FROM "StrategyRating" r
WHERE NOT EXISTS (
    SELECT 1 FROM "StrategyRating" n
    WHERE n."strategyId" = r."strategyId" AND n."userId" = r."userId"
      AND COALESCE(n."lessonPlanId", 'general') = COALESCE(r."lessonPlanId", 'general')
      AND (n."updatedAt" > r."updatedAt" OR (n."updatedAt" = r."updatedAt" AND n."id" > r."id"))
);
DROP TABLE "StrategyRating";
ALTER TABLE "new_StrategyRating" RENAME TO "StrategyRating";
CREATE INDEX "StrategyRating_userId_idx" ON "StrategyRating"("userId");
CREATE UNIQUE INDEX "StrategyRating_strategyId_userId_scope_key" ON "StrategyRating"("strategyId", "userId", "scope");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

