-- DropIndex
DROP INDEX "StrategyRating_strategyId_idx";

-- AlterTable
ALTER TABLE "StrategyRating" ADD COLUMN     "scope" TEXT NOT NULL DEFAULT 'general';

-- Each rating's scope is its plan, or "general". Where requests raced and left a member two ratings of the same
-- strategy for the same scope, only the latest is kept (hand-written: not part of Prisma's diff).
UPDATE "StrategyRating" SET "scope" = "lessonPlanId" WHERE "lessonPlanId" IS NOT NULL;
DELETE FROM "StrategyRating" r
USING "StrategyRating" n
WHERE n."strategyId" = r."strategyId" AND n."userId" = r."userId" AND n."scope" = r."scope"
  AND (n."updatedAt" > r."updatedAt" OR (n."updatedAt" = r."updatedAt" AND n."id" > r."id"));

-- CreateIndex
CREATE UNIQUE INDEX "StrategyRating_strategyId_userId_scope_key" ON "StrategyRating"("strategyId", "userId", "scope");

