import { describe, expect, it } from 'vitest';
import { check, ofRule, only, parts, validSnapshot } from './test-builder.ts';

describe('indicators', () => {
  it('indicator-target-outside-period: the target year is inside the period', () => {
    expect(ofRule(check(validSnapshot()), 'indicator-target-outside-period')).toEqual([]);
    const s = validSnapshot();
    parts(s).i1.targetYear = 2031;
    expect(only(check(s), 'indicator-target-outside-period', 'i1', 'error').message.fr).toContain('« Places en EAJE »');
  });

  it('indicator-baseline-after-start: the baseline is from the start year or before', () => {
    const atStart = validSnapshot();
    parts(atStart).i1.baselineYear = 2025;
    expect(check(atStart)).toEqual([]);
    const s = validSnapshot();
    parts(s).i1.baselineYear = 2026;
    only(check(s), 'indicator-baseline-after-start', 'i1', 'error');
  });

  it('indicator-value-outside-period: values belong to years of the period', () => {
    expect(ofRule(check(validSnapshot()), 'indicator-value-outside-period')).toEqual([]);
    const s = validSnapshot();
    parts(s).i2.values['2024'] = 3;
    expect(only(check(s), 'indicator-value-outside-period', 'i2', 'error').message.fr).toContain('2024');
  });
});
