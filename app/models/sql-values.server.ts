// Values of raw statements as the models hand them on: SQLite answers a DateTime column as text or a number through
// Prisma's adapter, PostgreSQL as a Date, so every raw read turns them into Dates here.
export function sqlInstant(value: Date | string): Date;
export function sqlInstant(value: Date | string | null): Date | null;
export function sqlInstant(value: Date | string | null): Date | null {
  return value === null || value instanceof Date ? value : new Date(value);
}
