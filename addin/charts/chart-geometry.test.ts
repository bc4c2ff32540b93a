// Indicator chart geometry: data read from an indicator, nice ticks, points placed in the box, paths, target reached.
import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../shared/index.ts';
import { type Box, chartData, chartGeometry, niceStep } from './chart-geometry.ts';

const indicator = (patch: Partial<Indicator> = {}): Indicator => ({
  id: 'i2',
  label: 'Places en EAJE',
  kind: 'realisation',
  unit: 'places',
  source: 'Caf',
  baselineValue: 36,
  baselineYear: 2024,
  targetValue: 56,
  targetYear: 2028,
  ownerId: null,
  frequency: 'annuelle',
  direction: 'up',
  values: { '2026': 44, '2025': 40 },
  ...patch,
});

const box: Box = { width: 200, height: 120, margin: { left: 20, right: 20, top: 10, bottom: 10 } };

describe('chart data', () => {
  it('reads baseline, target and yearly values in year order, numbers or { value } records', () => {
    const values = { '2026': { value: 44, comment: 'x' }, '2025': 40, bad: 3 } as unknown as Record<string, number>;
    expect(chartData(indicator({ values }))).toEqual({
      label: 'Places en EAJE',
      unit: 'places',
      direction: 'up',
      baseline: { year: 2024, value: 36 },
      target: { year: 2028, value: 56 },
      values: [
        { year: 2025, value: 40 },
        { year: 2026, value: 44 },
      ],
    });
  });

  it('leaves out a baseline or target without its year or value', () => {
    const data = chartData(indicator({ baselineYear: null, targetValue: null }));
    expect(data.baseline).toBeNull();
    expect(data.target).toBeNull();
  });
});

describe('chart geometry', () => {
  it('picks steps of 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(56)).toBe(20);
    expect(niceStep(4)).toBe(1);
    expect(niceStep(0.9)).toBe(0.5);
    expect(niceStep(0)).toBe(1);
  });

  it('places the years across the plot and the values up from zero', () => {
    const g = chartGeometry(chartData(indicator()), box);
    if (!g) throw new Error('no geometry');
    // Years 2024..2028 over x 20..180; values 0..60 (step 20) over y 110..10.
    expect(g.baseline).toMatchObject({ x: 20, y: 50 });
    expect(g.target).toMatchObject({ x: 180, y: round(110 - (56 / 60) * 100) });
    expect(g.values.map((p) => p.x)).toEqual([60, 100]);
    expect(g.xTicks.map((t) => t.year)).toEqual([2024, 2025, 2026, 2027, 2028]);
    expect(g.yTicks.map((t) => t.value)).toEqual([0, 20, 40, 60]);
    expect(g.measured).toBe(`M20,50 L60,${round(110 - (40 / 60) * 100)} L100,${round(110 - (44 / 60) * 100)}`);
    expect(g.trajectory).toBe(`M20,50 L180,${g.target?.y}`);
    expect(g.reached).toBe(false);
  });

  it('says the target is reached in the indicator’s direction', () => {
    expect(chartGeometry(chartData(indicator({ values: { '2027': 60 } })), box)?.reached).toBe(true);
    expect(chartGeometry(chartData(indicator({ direction: 'down', targetValue: 20, values: { '2027': 25 } })), box)?.reached).toBe(false);
    expect(chartGeometry(chartData(indicator({ targetValue: null, values: {} })), box)?.reached).toBeNull();
  });

  it('handles a single year and negative values, and draws nothing without any number', () => {
    const one = chartGeometry(chartData(indicator({ baselineYear: 2026, targetYear: 2026, values: { '2026': -5 } })), box);
    expect(one?.values[0]?.x).toBe(100);
    expect(one?.yTicks[0]?.value).toBeLessThan(0);
    expect(chartGeometry(chartData(indicator({ baselineValue: null, targetValue: null, values: {} })), box)).toBeNull();
  });
});

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
