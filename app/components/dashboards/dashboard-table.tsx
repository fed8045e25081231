// A dashboard figure as a page shows it: its heading, the chart (when it has one) beside the data table that is the
// truth, each row's link to the records behind it, and the CSV download of the same table. A matrix (institutions by
// institutions) links each cell to its own records instead, under short column heads that keep it on a phone's width.
import { Link } from "@remix-run/react";
import { lazy, Suspense } from "react";
import { formatCell, type DashboardTable, type TableColumn } from "~/lib/dashboards";
import type { ChartSeries } from "./bar-chart";

// visx comes with the chart, in its own chunk: the server still renders the chart, and the page waits for the chunk
// only to hydrate it.
const BarChart = lazy(() => import("./bar-chart").then((m) => ({ default: m.BarChart })));

/** Which tables are drawn, by which column's labels and which figures. */
export interface ChartSpec {
  labelKey: string;
  series: ChartSeries[];
}

function ColumnHead({ column }: { column: TableColumn }) {
  if (!column.short || column.short === column.label) return <>{column.label}</>;
  return (
    <>
      <span aria-hidden="true" title={column.label}>
        {column.short}
      </span>
      <span className="visually-hidden">{column.label}</span>
    </>
  );
}

type Row = DashboardTable["rows"][number];

function FigureRow({ table, row, hasLinks }: { table: DashboardTable; row: Row; hasLinks: boolean }) {
  const name = formatCell(row.cells[table.columns[0]!.key] ?? null);
  return (
    <tr>
      {table.columns.map((c, j) => {
        const text = formatCell(row.cells[c.key] ?? null, c.format);
        if (j === 0) {
          const short = table.matrix ? table.columns.find((column) => column.label === name)?.short : undefined;
          return (
            <th key={c.key} scope="row">
              {short && short !== name ? (
                <>
                  <span className="matrix__full">{text}</span>
                  <span className="matrix__short" aria-hidden="true">
                    {short}
                  </span>
                </>
              ) : (
                text
              )}
            </th>
          );
        }
        const cellHref = row.cellHrefs?.[c.key];
        const self = table.matrix && c.label === name;
        return (
          <td key={c.key} className={self ? "is-self" : typeof row.cells[c.key] === "string" ? undefined : "numeric"}>
            {cellHref ? (
              <Link to={cellHref}>
                {text}
                <span className="visually-hidden">
                  {" "}
                  lesson plans: {name} with {c.label}
                </span>
              </Link>
            ) : (
              text
            )}
          </td>
        );
      })}
      {hasLinks ? (
        <td>
          {row.href ? (
            <Link to={row.href}>
              See records<span className="visually-hidden">: {name}</span>
            </Link>
          ) : null}
        </td>
      ) : null}
    </tr>
  );
}

function FigureTable({ table }: { table: DashboardTable }) {
  const hasLinks = table.rows.some((r) => r.href);
  return (
    <div className="table-scroll">
      <table className={table.matrix ? "data-table data-table--matrix" : "data-table"}>
        <caption className="visually-hidden">{table.caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.key} scope="col">
                <ColumnHead column={c} />
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
            <FigureRow key={i} table={table} row={row} hasLinks={hasLinks} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DashboardTableSection({
  table,
  chart,
  csvHref,
  allHref,
}: {
  table: DashboardTable;
  chart?: ChartSpec;
  csvHref: string;
  /** The page with this table in full, for a table cut to its first rows. */
  allHref: string;
}) {
  const headingId = `${table.id}-heading`;
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
          <FigureTable table={table} />
        </div>
      )}
      {table.totalRows ? (
        <p className="dashboard-figure__more">
          The chart and the table show the first {table.rows.length} of {table.totalRows} rows.{" "}
          <Link to={allHref}>
            Show all {table.totalRows}
            <span className="visually-hidden"> ({table.caption})</span>
          </Link>
        </p>
      ) : null}
      <p className="dashboard-figure__download">
        <a href={csvHref} download>
          Download this table as CSV<span className="visually-hidden"> ({table.caption})</span>
        </a>
      </p>
    </section>
  );
}
