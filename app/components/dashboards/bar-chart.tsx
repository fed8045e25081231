// A horizontal bar chart drawn with visx as plain SVG, so the server renders it and it prints: the Okabe-Ito
// colour-blind-safe palette with a different fill pattern per series, a legend and each bar's value written beside it,
// so colour is never the only cue. The table beside it is the truth: the chart is hidden from assistive technology.
// It is drawn twice, in two layouts, and the width of its own container (a CSS container query, no script, so the
// server's HTML is final) picks one: labels beside the bars where there is room, labels above them on a phone, where a
// 640-unit drawing shrunk to 340 px would leave 7 px text. Only the dashboard route imports this module (and so visx).
import { AxisBottom, type TickRendererProps } from "@visx/axis";
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

interface Layout {
  /** The drawing's width in viewBox units (at most its width in CSS pixels: it never scales text up). */
  width: number;
  /** Room for the labels left of the bars (0: labels sit above them). */
  labelWidth: number;
  /** Room left of the bars' start, for half of the axis's first figure. */
  left: number;
  row: number;
  /** Where the bar starts below the row's top (labels above the bar need a line of their own). */
  barTop: number;
  barHeight: number;
  right: number;
  ticks: number;
  /** Characters of a label drawn before it is cut short with an ellipsis. */
  labelChars: number;
}

const WIDE: Layout = {
  width: 640,
  labelWidth: 210,
  left: 0,
  row: 30,
  barTop: 4,
  barHeight: 22,
  right: 56,
  ticks: 5,
  labelChars: 27,
};
const COMPACT: Layout = {
  width: 340,
  labelWidth: 0,
  left: 8,
  row: 42,
  barTop: 18,
  barHeight: 18,
  right: 48,
  ticks: 3,
  labelChars: 46,
};

const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"];
const TOP = 8;
const AXIS = 34;

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

const shorten = (text: string, chars: number) => (text.length > chars ? `${text.slice(0, chars - 1)}…` : text);
const figure = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));
/** Axis ticks in few characters: 1500 is "1.5k", so three of them fit a phone's width. */
const tick = (value: number) => (Math.abs(value) >= 1000 ? `${figure(value / 1000)}k` : figure(value));

/**
 * A tick's figure as one plain SVG text: visx's default (@visx/text) measures and wraps words and evaluates CSS calc()
 * for every label, the most costly part of drawing a chart on the server, for labels of a few characters.
 */
function TickLabel({ x, y, formattedValue, fill, fontFamily, fontSize, textAnchor }: TickRendererProps) {
  return (
    <text x={x} y={y} fill={fill} fontFamily={fontFamily} fontSize={fontSize} textAnchor={textAnchor}>
      {formattedValue}
    </text>
  );
}

function ChartDrawing({
  layout,
  id,
  data,
  series,
  className,
}: {
  layout: Layout;
  id: string;
  data: ChartDatum[];
  series: ChartSeries[];
  className: string;
}) {
  const { width, labelWidth, left, row, barTop, barHeight, right } = layout;
  const height = TOP + Math.max(1, data.length) * row + AXIS;
  const total = (d: ChartDatum) => series.reduce((sum, s) => sum + (d.values[s.key] ?? 0), 0);
  const max = Math.max(1, ...data.map(total));
  const x = scaleLinear<number>({ domain: [0, max], range: [0, width - labelWidth - left - right], nice: true });
  const y = scaleBand<string>({ domain: data.map((_, i) => String(i)), range: [TOP, TOP + data.length * row] });
  const patternId = `chart-${id}-${className}`;
  return (
    <svg
      className={`chart__svg ${className}`}
      viewBox={`0 0 ${width} ${height}`}
      style={{ maxWidth: `${width}px` }}
      role="presentation"
      aria-hidden="true"
      focusable="false"
    >
      <Patterns prefix={patternId} count={series.length} />
      <Group left={labelWidth + left}>
        {data.map((d, index) => {
          let offset = 0;
          const top = (y(String(index)) ?? 0) + barTop;
          const middle = top + barHeight / 2;
          return (
            <g key={index}>
              {labelWidth > 0 ? (
                <text x={-8} y={middle} textAnchor="end" dominantBaseline="middle" className="chart__label">
                  {shorten(d.label, layout.labelChars)}
                </text>
              ) : (
                <text x={0} y={top - 5} className="chart__label">
                  {shorten(d.label, layout.labelChars)}
                </text>
              )}
              {series.map((s, i) => {
                const value = d.values[s.key] ?? 0;
                const bar = (
                  <Bar
                    key={s.key}
                    x={x(offset)}
                    y={top}
                    width={x(value)}
                    height={barHeight}
                    fill={`url(#${patternId}-${i})`}
                    stroke="#1a1a1a"
                    strokeWidth={value > 0 ? 0.75 : 0}
                  />
                );
                offset += value;
                return bar;
              })}
              <text x={x(total(d)) + 6} y={middle} dominantBaseline="middle" className="chart__value">
                {figure(total(d))}
              </text>
            </g>
          );
        })}
        <AxisBottom
          top={TOP + data.length * row}
          scale={x}
          numTicks={layout.ticks}
          tickFormat={(value) => tick(Number(value))}
          tickClassName="chart__tick"
          tickComponent={TickLabel}
          stroke="#555"
          tickStroke="#555"
        />
      </Group>
    </svg>
  );
}

/** Bars for each datum; several series are stacked, in order, with a legend. */
export function BarChart({ id, data, series }: { id: string; data: ChartDatum[]; series: ChartSeries[] }) {
  return (
    <div className="chart">
      {series.length > 1 ? (
        <ul className="chart__legend" aria-hidden="true">
          {series.map((s, i) => (
            <li key={s.key}>
              <svg width={14} height={14} viewBox="0 0 14 14">
                <Patterns prefix={`chart-${id}-key-${i}`} count={series.length} />
                <rect width={14} height={14} fill={`url(#chart-${id}-key-${i}-${i})`} stroke="#000" />
              </svg>
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
      <ChartDrawing layout={WIDE} id={id} data={data} series={series} className="chart__svg--wide" />
      <ChartDrawing layout={COMPACT} id={id} data={data} series={series} className="chart__svg--compact" />
    </div>
  );
}
