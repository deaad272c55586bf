/**
 * The workbench draws each chart on the sheet as SVG: the chart as the simulated Excel holds
 * it (title, series with their ranges, fills and per-point RAG colours), its figures read
 * from the cells those ranges name, so it follows edits as the native chart does in Excel.
 * Horizontal clustered bars, categories top to bottom, a value axis with a zero line, a legend.
 */
import { chartData, type ChartSpec } from '../engine';
import type { Workbook } from '../engine';
import type { SimChart } from '../host/simulated/charts';
import { specOfSimChart } from './chart-spec';

const PALETTE = ['#4472C4', '#ED7D31', '#A5A5A5', '#FFC000'];
const WIDTH = 500;
const LABEL_WIDTH = 170;
const BAR = 9;

function ticks(min: number, max: number): number[] {
  const span = max - min || 1;
  const step0 = span / 5;
  const magnitude = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= step0) ?? step0;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

export function ChartSvg({ spec, workbook, at }: { spec: ChartSpec; workbook: Workbook; at?: string }) {
  const data = chartData(spec, workbook);
  const n = data.categories.length;
  const perCategory = data.series.length * BAR + 8;
  const top = 34;
  const plotHeight = Math.max(1, n) * perCategory;
  const legendHeight = data.series.length > 1 ? 22 : 0;
  const height = top + plotHeight + 28 + legendHeight;
  const values = data.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const min = Math.min(0, ...values);
  const max = Math.max(0, ...values);
  const axis = ticks(min, max);
  const lo = Math.min(min, axis[0] ?? min);
  const hi = Math.max(max, axis.at(-1) ?? max);
  const plotLeft = LABEL_WIDTH;
  const plotWidth = WIDTH - plotLeft - 16;
  const x = (v: number) => plotLeft + ((v - lo) / (hi - lo || 1)) * plotWidth;
  const label = (text: string) => (text.length > 27 ? `${text.slice(0, 26)}…` : text);
  return (
    <figure className="wb-chart" data-testid="chart" data-chart-name={spec.name}>
      <svg role="img" aria-label={spec.title} width={WIDTH} height={height} viewBox={`0 0 ${WIDTH} ${height}`} xmlns="http://www.w3.org/2000/svg">
        <rect x={0} y={0} width={WIDTH} height={height} fill="#ffffff" stroke="#c8c6c4" />
        <text x={WIDTH / 2} y={20} textAnchor="middle" fontWeight={600} fontSize={14} fill="#201f1e" data-testid="chart-title">{spec.title}</text>
        {axis.map((v) => (
          <g key={v}>
            <line x1={x(v)} x2={x(v)} y1={top} y2={top + plotHeight} stroke={v === 0 ? '#605e5c' : '#e1dfdd'} />
            <text x={x(v)} y={top + plotHeight + 14} textAnchor="middle" fontSize={10} fill="#605e5c">{v.toLocaleString('en-GB')}</text>
          </g>
        ))}
        {data.categories.map((category, i) => {
          const y0 = top + i * perCategory + 4;
          return (
            <g key={i} data-testid="chart-category">
              <text x={plotLeft - 6} y={y0 + (data.series.length * BAR) / 2 + 4} textAnchor="end" fontSize={10} fill="#201f1e" data-testid="chart-label">{label(category)}</text>
              {data.series.map((s, k) => {
                const v = s.values[i];
                if (v === null || v === undefined) return null;
                const spec0 = spec.series[k];
                const fill = spec0?.pointColors?.[i] ?? spec0?.color ?? PALETTE[k % PALETTE.length]!;
                return (
                  <rect key={k} data-testid="chart-bar" data-series={s.name} data-value={v} x={Math.min(x(0), x(v))} y={y0 + k * BAR} width={Math.max(0.5, Math.abs(x(v) - x(0)))} height={BAR - 1} fill={fill}>
                    <title>{`${category}: ${s.name} ${v.toLocaleString('en-GB')}`}</title>
                  </rect>
                );
              })}
            </g>
          );
        })}
        {data.series.length > 1 && (
          <g data-testid="chart-legend">
            {data.series.map((s, k) => {
              const lx = plotLeft + k * 150;
              const ly = top + plotHeight + 26;
              return (
                <g key={k}>
                  <rect x={lx} y={ly} width={10} height={10} fill={spec.series[k]?.color ?? PALETTE[k % PALETTE.length]!} />
                  <text x={lx + 14} y={ly + 9} fontSize={11} fill="#201f1e">{s.name}</text>
                </g>
              );
            })}
          </g>
        )}
      </svg>
      {at && <figcaption className="wb-chart-at">{at}</figcaption>}
    </figure>
  );
}

/** The charts of one sheet, in a panel below its grid (each captioned with the cells it covers in Excel). */
export function SheetCharts({ charts, workbook }: { charts: readonly SimChart[]; workbook: Workbook }) {
  if (charts.length === 0) return null;
  return (
    <div className="wb-charts" data-testid="sheet-charts" aria-label="Charts">
      {charts.map((c) => (
        <ChartSvg key={c.id} spec={specOfSimChart(c)} workbook={workbook} at={c.position ? `${c.name} · ${c.position.from}:${c.position.to}` : c.name} />
      ))}
    </div>
  );
}
