// The geometry of an indicator chart, as plain numbers: the years and values to show (baseline, yearly values,
// target), the scales that place them in an SVG box, the ticks, and the paths. No DOM; <ctg-indicator-chart> draws it.
import type { Indicator } from '../../shared/index.ts';

export interface ChartPoint {
  readonly year: number;
  readonly value: number;
}

/** What a chart shows of an indicator. */
export interface ChartData {
  readonly label: string;
  readonly unit: string;
  readonly direction: 'up' | 'down';
  readonly baseline: ChartPoint | null;
  readonly target: ChartPoint | null;
  /** Measured values, by year ascending. */
  readonly values: readonly ChartPoint[];
}

export interface Box {
  readonly width: number;
  readonly height: number;
  /** Room for the axis labels: left, right, top, bottom. */
  readonly margin: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
}

export const DEFAULT_BOX: Box = { width: 320, height: 180, margin: { left: 44, right: 14, top: 14, bottom: 26 } };

export interface Placed extends ChartPoint {
  readonly x: number;
  readonly y: number;
}

export interface ChartGeometry {
  readonly box: Box;
  readonly baseline: Placed | null;
  readonly target: Placed | null;
  readonly values: readonly Placed[];
  /** The measured series from the baseline through each yearly value (SVG path; empty when fewer than 2 points). */
  readonly measured: string;
  /** The planned trajectory, baseline to target (SVG path; empty without both). */
  readonly trajectory: string;
  readonly xTicks: readonly { readonly year: number; readonly x: number }[];
  readonly yTicks: readonly { readonly value: number; readonly y: number }[];
  /** The target is reached by the latest value (in the indicator's direction); null without a target or value. */
  readonly reached: boolean | null;
}

/** The chart's data from an indicator; yearly values may be numbers or `{ value }` records (older files). */
export function chartData(indicator: Indicator): ChartData {
  const point = (year: number | null, value: number | null): ChartPoint | null =>
    year !== null && value !== null && Number.isFinite(year) && Number.isFinite(value) ? { year, value } : null;
  const values: ChartPoint[] = [];
  for (const [key, raw] of Object.entries(indicator.values as Record<string, unknown>)) {
    const value = typeof raw === 'number' ? raw : typeof raw === 'object' && raw !== null ? (raw as { value?: unknown }).value : undefined;
    const year = Number(key);
    if (typeof value === 'number' && Number.isFinite(value) && Number.isInteger(year)) values.push({ year, value });
  }
  values.sort((a, b) => a.year - b.year);
  return {
    label: indicator.label,
    unit: indicator.unit,
    direction: indicator.direction === 'down' ? 'down' : 'up',
    baseline: point(indicator.baselineYear, indicator.baselineValue),
    target: point(indicator.targetYear, indicator.targetValue),
    values,
  };
}

/** A "nice" tick step (1, 2 or 5 times a power of ten) giving about `count` ticks over `span`. */
export function niceStep(span: number, count = 4): number {
  if (!(span > 0)) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

export function chartGeometry(data: ChartData, box: Box = DEFAULT_BOX): ChartGeometry | null {
  const all = [data.baseline, data.target, ...data.values].filter((p): p is ChartPoint => p !== null);
  if (all.length === 0) return null;
  const years = all.map((p) => p.year);
  const firstYear = Math.min(...years);
  const lastYear = Math.max(...years);
  const numbers = all.map((p) => p.value);
  const low = Math.min(0, ...numbers);
  const step = niceStep(Math.max(...numbers, 0) - low || 1);
  const bottom = Math.floor(low / step) * step;
  const top = Math.max(Math.ceil(Math.max(...numbers) / step) * step, bottom + step);
  const { width, height, margin } = box;
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const x = (year: number) => round(margin.left + (lastYear === firstYear ? plotW / 2 : ((year - firstYear) / (lastYear - firstYear)) * plotW));
  const y = (value: number) => round(margin.top + plotH - ((value - bottom) / (top - bottom)) * plotH);
  const place = (p: ChartPoint | null): Placed | null => (p ? { ...p, x: x(p.year), y: y(p.value) } : null);
  const baseline = place(data.baseline);
  const target = place(data.target);
  const values = data.values.map((p) => ({ ...p, x: x(p.year), y: y(p.value) }));
  const series = [...(baseline && !values.some((v) => v.year === baseline.year) ? [baseline] : []), ...values].sort((a, b) => a.year - b.year);
  const xTicks: { year: number; x: number }[] = [];
  const yearStep = Math.max(1, Math.ceil((lastYear - firstYear) / 6));
  for (let year = firstYear; year <= lastYear; year += yearStep) xTicks.push({ year, x: x(year) });
  const yTicks: { value: number; y: number }[] = [];
  for (let value = bottom; value <= top + step / 2; value += step) yTicks.push({ value: round(value), y: y(value) });
  const latest = data.values.at(-1);
  const reached = data.target && latest ? (data.direction === 'up' ? latest.value >= data.target.value : latest.value <= data.target.value) : null;
  return {
    box,
    baseline,
    target,
    values,
    measured: series.length >= 2 ? path(series) : '',
    trajectory: baseline && target ? path([baseline, target]) : '',
    xTicks,
    yTicks,
    reached,
  };
}

const round = (n: number) => Math.round(n * 100) / 100;
const path = (points: readonly Placed[]) => points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
