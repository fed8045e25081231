// Previous/next links for a paginated list; keeps the list's filters in the URL.
import { Link, useSearchParams } from "@remix-run/react";

export function Pagination({ page, pageCount, label }: { page: number; pageCount: number; label: string }) {
  const [searchParams] = useSearchParams();
  if (pageCount <= 1) return null;
  const linkTo = (p: number) => {
    const next = new URLSearchParams(searchParams);
    next.set("page", String(p));
    return `?${next}`;
  };
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 ? <Link to={linkTo(page - 1)}>Previous page</Link> : null}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? <Link to={linkTo(page + 1)}>Next page</Link> : null}
    </nav>
  );
}
