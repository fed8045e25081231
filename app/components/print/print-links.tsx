// The links from a record's page to its print view and its Word file (not printed themselves).
import { Link } from "@remix-run/react";

export function PrintLinks({ print, word, wordLabel }: { print: string; word: string; wordLabel: string }) {
  return (
    <p className="no-print print-links">
      <Link to={print}>Print or save as PDF</Link>
      {" · "}
      <a href={word} download>
        {wordLabel}
      </a>
    </p>
  );
}
