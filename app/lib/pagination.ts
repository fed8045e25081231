// The page number a list was asked for in its URL (?page=). Lists are forgiving of odd URLs: anything that is not a
// whole number from 1 to MAX_PAGE (0, -1, NaN, 1.5, 1e300) shows the first page rather than failing.

/** Far past the end of any list a partnership has; keeps the database's offset a small number. */
const MAX_PAGE = 10_000;

export function pageFromQuery(params: URLSearchParams): number {
  const raw = params.get("page") ?? "";
  if (!/^\d{1,5}$/.test(raw)) return 1;
  const page = Number(raw);
  return page >= 1 && page <= MAX_PAGE ? page : 1;
}
