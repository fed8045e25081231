// The date range a dashboard or records list counts, kept in the URL (?from=&to=) so a view can be shared and printed.
import { Form } from "@remix-run/react";
import type { DateRange } from "~/lib/dashboards";

export function DateRangeForm({ range, hidden = {} }: { range: DateRange; hidden?: Record<string, string> }) {
  return (
    <Form method="get" className="filters no-print" aria-label="Date range">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="field">
        <label htmlFor="range-from">From</label>
        <input id="range-from" type="date" name="from" defaultValue={range.from} required />
      </div>
      <div className="field">
        <label htmlFor="range-to">To</label>
        <input id="range-to" type="date" name="to" defaultValue={range.to} required />
      </div>
      <button type="submit" className="button button--secondary">
        Show this range
      </button>
    </Form>
  );
}
