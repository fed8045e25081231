// A horizontally scrollable frame for a wide table. Scrollable regions must be
// reachable by keyboard (WCAG 2.1.1), so the frame is a labelled, focusable region.
import type { ReactNode } from "react";

export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
