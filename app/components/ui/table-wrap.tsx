// A horizontally scrollable frame for a wide table. Scrollable regions must be
// reachable by keyboard (WCAG 2.1.1), so the frame is a labelled, focusable region.
import type { ReactNode } from "react";

export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    // A labelled region that scrolls is interactive for keyboard users: it takes focus so arrow keys scroll it.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
