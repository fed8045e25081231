// The bar above a print page (never printed): back to the record, print or save as PDF, and the Word download.
import { Link } from "@remix-run/react";

export function PrintBar({ back, backLabel, wordHref }: { back: string; backLabel: string; wordHref: string }) {
  return (
    <nav className="print-bar" aria-label="Print and download">
      <Link to={back}>{backLabel}</Link>
      <button type="button" className="button" onClick={() => window.print()}>
        Print or save as PDF
      </button>
      <a className="button button--secondary" href={wordHref} download>
        Download as Word (.docx)
      </a>
    </nav>
  );
}
