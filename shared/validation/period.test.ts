import { describe, expect, it } from 'vitest';
import { periodYears } from './dates.ts';
import { check, ofRule, only, parts, validSnapshot } from './test-builder.ts';

describe('period', () => {
  it('counts years from the dates', () => {
    expect(periodYears('2025-01-01', '2029-12-31')).toBe(5);
    expect(periodYears('2025-03-01', '2030-02-28')).toBe(5);
    expect(periodYears('2023-01-01', '2026-12-31')).toBe(4);
    expect(periodYears('2025-01-01', '2029-06-30')).toBe(4.5);
  });

  it('period-start-missing / period-end-missing: reported once, without a cascade', () => {
    expect(ofRule(check(validSnapshot()), 'period-start-missing')).toEqual([]);
    const noStart = validSnapshot();
    noStart.convention.startDate = null;
    only(check(noStart), 'period-start-missing', 'ctg-test', 'error');
    const noEnd = validSnapshot();
    noEnd.convention.endDate = '2029-02-30';
    only(check(noEnd), 'period-end-missing', 'ctg-test', 'error');
  });

  it('period-order: start before end', () => {
    expect(ofRule(check(validSnapshot()), 'period-order')).toEqual([]);
    const s = validSnapshot();
    s.convention.startDate = '2030-01-01';
    only(check(s), 'period-order', 'ctg-test', 'error');
  });

  it('period-length: 4 years for 2014, 5 (or 4) for 2020', () => {
    const four = validSnapshot();
    four.convention.endDate = '2028-12-31';
    four.facilities[0]!.cofEnd = '2028-12-31';
    parts(four).i1.targetYear = 2028;
    parts(four).i2.targetYear = 2028;
    expect(check(four)).toEqual([]);
    four.convention.generation = '2014';
    expect(check(four)).toEqual([]);

    const five2014 = validSnapshot();
    five2014.convention.generation = '2014';
    const f = only(check(five2014), 'period-length', 'ctg-test', 'warning');
    expect(f.message.fr).toContain('5 ans');
  });

  it('period-calendar: runs from 1 January to 31 December', () => {
    expect(ofRule(check(validSnapshot()), 'period-calendar')).toEqual([]);
    const s = validSnapshot();
    s.convention.endDate = '2029-12-30';
    s.facilities[0]!.cofEnd = '2029-12-30';
    only(check(s), 'period-calendar', 'ctg-test', 'warning');
  });
});
