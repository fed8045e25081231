-- A course's title sort key (decision 049), filled at start-up from the titles (database-setup.server.ts). Compared
-- byte by byte, as SQLite compares it: the key is built for that order, which a language collation would not keep.
ALTER TABLE "Course" ADD COLUMN "titleSortKey" TEXT COLLATE "C" NOT NULL DEFAULT '';

-- The strategies' key likewise, so that an ORDER BY without COLLATE "C" (Prisma's orderBy) keeps the same order.
ALTER TABLE "Strategy" ALTER COLUMN "titleSortKey" TYPE TEXT COLLATE "C";
