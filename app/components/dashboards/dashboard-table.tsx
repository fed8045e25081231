// A dashboard figure as a page shows it: its heading, the chart (when it has one) beside the data table that is the
// truth, each row's link to the records behind it, and the CSV download of the same table.
import { Link } from "@remix-run/react";
import { lazy, Suspense } from "react";
import { formatCell, type DashboardTable } from "~/lib/dashboards";
import type { ChartSeries } from "./bar-chart";

// visx comes with the chart, in its own chunk: the server still renders the chart, and the page waits for the chunk
// only to hydrate it.
const BarChart = lazy(() => import("./bar-chart").then((m) => ({ default: m.BarChart })));

/** Which tables are drawn, by which column's labels and which figures. */
export interface ChartSpec {
  labelKey: string;
  series: ChartSeries[];
}

export function DashboardTableSection({
  table,
  chart,
  csvHref,
}: {
  table: DashboardTable;
  chart?: ChartSpec;
  csvHref: string;
}) {
  const headingId = `${table.id}-heading`;
  const hasLinks = table.rows.some((r) => r.href);
  const data = chart
    ? table.rows.map((r) => ({
        label: String(r.cells[chart.labelKey] ?? ""),
        values: Object.fromEntries(chart.series.map((s) => [s.key, Number(r.cells[s.key] ?? 0)])),
      }))
    : [];
  return (
    <section className="card dashboard-figure" aria-labelledby={headingId}>
      <h2 id={headingId}>{table.caption}</h2>
      {table.rows.length === 0 ? (
        <p>{table.empty}</p>
      ) : (
        <div className={chart ? "dashboard-figure__body" : undefined}>
          {chart ? (
            <Suspense fallback={null}>
              <BarChart id={table.id} data={data} series={chart.series} />
            </Suspense>
          ) : null}
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">{table.caption}</caption>
              <thead>
                <tr>
                  {table.columns.map((c) => (
                    <th key={c.key} scope="col">
                      {c.label}
                    </th>
                  ))}
                  {hasLinks ? (
                    <th scope="col">
                      <span className="visually-hidden">Records</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, i) => (
                  <tr key={i}>
                    {table.columns.map((c, j) =>
                      j === 0 ? (
                        <th key={c.key} scope="row">
                          {formatCell(row.cells[c.key] ?? null, c.format)}
                        </th>
                      ) : (
                        <td key={c.key} className={typeof row.cells[c.key] === "string" ? undefined : "numeric"}>
                          {formatCell(row.cells[c.key] ?? null, c.format)}
                        </td>
                      ),
                    )}
                    {hasLinks ? (
                      <td>
                        {row.href ? (
                          <Link to={row.href}>
                            See records
                            <span className="visually-hidden">
                              : {formatCell(row.cells[table.columns[0]!.key] ?? null)}
                            </span>
                          </Link>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      <p className="dashboard-figure__download">
        <a href={csvHref} download>
          Download this table as CSV<span className="visually-hidden"> ({table.caption})</span>
        </a>
      </p>
    </section>
  );
}
