// Plain tables of the print pages (attendance, actions), with a caption for screen readers; on a phone a wide table
// scrolls in its own keyboard-reachable frame, on paper it takes the page's width.
import type { ReactNode } from "react";
import { TableWrap } from "~/components/ui/table-wrap";

export function PrintTable({
  caption,
  headers,
  rows,
}: {
  caption: string;
  headers: readonly string[];
  rows: readonly (readonly ReactNode[])[];
}) {
  return (
    <TableWrap label={caption}>
      <table className="print-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <td key={j}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
