// A horizontal bar chart drawn with visx as plain SVG, so the server renders it and it prints: a fixed viewBox that
// CSS scales to the column, the Okabe-Ito colour-blind-safe palette with a different fill pattern per series, a legend
// and each bar's value written beside it, so colour is never the only cue. The table beside it is the truth: the
// chart is hidden from assistive technology. Only the dashboard route imports this module (and so visx).
import { AxisBottom } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";

export interface ChartSeries {
  key: string;
  label: string;
}

export interface ChartDatum {
  label: string;
  values: Record<string, number>;
}

const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"];
const WIDTH = 640;
const LABEL_WIDTH = 210;
const ROW = 30;
const TOP = 8;
const AXIS = 34;
const RIGHT = 56;

function Patterns({ prefix, count }: { prefix: string; count: number }) {
  return (
    <defs>
      {Array.from({ length: count }, (_, i) => {
        const colour = PALETTE[i % PALETTE.length];
        const mark =
          i % 4 === 1 ? (
            <path d="M0,8 L8,0" stroke="#000" strokeOpacity={0.55} strokeWidth={1.5} />
          ) : i % 4 === 2 ? (
            <circle cx={4} cy={4} r={1.6} fill="#000" fillOpacity={0.55} />
          ) : i % 4 === 3 ? (
            <path d="M0,0 L8,8 M0,8 L8,0" stroke="#fff" strokeOpacity={0.8} strokeWidth={1.2} />
          ) : null;
        return (
          <pattern key={i} id={`${prefix}-${i}`} width={8} height={8} patternUnits="userSpaceOnUse">
            <rect width={8} height={8} fill={colour} />
            {mark}
          </pattern>
        );
      })}
    </defs>
  );
}

const shorten = (text: string) => (text.length > 27 ? `${text.slice(0, 26)}…` : text);

/** Bars for each datum; several series are stacked, in order, with a legend. */
export function BarChart({ id, data, series }: { id: string; data: ChartDatum[]; series: ChartSeries[] }) {
  const height = TOP + Math.max(1, data.length) * ROW + AXIS;
  const total = (d: ChartDatum) => series.reduce((sum, s) => sum + (d.values[s.key] ?? 0), 0);
  const max = Math.max(1, ...data.map(total));
  const x = scaleLinear<number>({ domain: [0, max], range: [0, WIDTH - LABEL_WIDTH - RIGHT], nice: true });
  const y = scaleBand<string>({
    domain: data.map((_, i) => String(i)),
    range: [TOP, TOP + data.length * ROW],
    padding: 0.25,
  });
  const patternId = `chart-${id}`;
  return (
    <div className="chart">
      {series.length > 1 ? (
        <ul className="chart__legend" aria-hidden="true">
          {series.map((s, i) => (
            <li key={s.key}>
              <svg width={14} height={14} viewBox="0 0 14 14">
                <Patterns prefix={`${patternId}-key-${i}`} count={series.length} />
                <rect width={14} height={14} fill={`url(#${patternId}-key-${i}-${i})`} stroke="#000" />
              </svg>
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
      <svg
        className="chart__svg"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="presentation"
        aria-hidden="true"
        focusable="false"
      >
        <Patterns prefix={patternId} count={series.length} />
        <Group left={LABEL_WIDTH}>
          {data.map((d, row) => {
            let offset = 0;
            const top = y(String(row)) ?? 0;
            return (
              <g key={row}>
                <text
                  x={-8}
                  y={top + y.bandwidth() / 2}
                  textAnchor="end"
                  dominantBaseline="middle"
                  className="chart__label"
                >
                  {shorten(d.label)}
                </text>
                {series.map((s, i) => {
                  const value = d.values[s.key] ?? 0;
                  const width = x(value);
                  const bar = (
                    <Bar
                      key={s.key}
                      x={x(offset)}
                      y={top}
                      width={width}
                      height={y.bandwidth()}
                      fill={`url(#${patternId}-${i})`}
                      stroke="#1a1a1a"
                      strokeWidth={value > 0 ? 0.75 : 0}
                    />
                  );
                  offset += value;
                  return bar;
                })}
                <text
                  x={x(total(d)) + 6}
                  y={top + y.bandwidth() / 2}
                  dominantBaseline="middle"
                  className="chart__value"
                >
                  {Number.isInteger(total(d)) ? total(d) : total(d).toFixed(1)}
                </text>
              </g>
            );
          })}
          <AxisBottom
            top={TOP + data.length * ROW}
            scale={x}
            numTicks={5}
            tickClassName="chart__tick"
            stroke="#555"
            tickStroke="#555"
          />
        </Group>
      </svg>
    </div>
  );
}
