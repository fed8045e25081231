-- A course's title sort key (decision 049), filled at start-up from the titles (database-setup.server.ts). Added in
-- place rather than by the table rebuild Prisma writes, which would copy every course for a column's position.
ALTER TABLE "Course" ADD COLUMN "titleSortKey" TEXT NOT NULL DEFAULT '';
