import { describe, expect, it } from 'vitest';
import { check, ofRule, only, parts, validSnapshot } from './test-builder.ts';

function line(s: ReturnType<typeof validSnapshot>) {
  return parts(s).a1.budgetLines[0]!;
}

describe('budget lines', () => {
  it('budget-year-outside-period: planned and realised years are inside the period', () => {
    expect(ofRule(check(validSnapshot()), 'budget-year-outside-period')).toEqual([]);
    const s = validSnapshot();
    line(s).planned['2030'] = 500;
    const f = only(check(s), 'budget-year-outside-period', 'bl1', 'error');
    expect(f.message.fr).toContain("l'action 1.1.1");
    expect(f.message.fr).toContain('2030');
  });

  it('budget-amount-negative: amounts are ≥ 0', () => {
    const zero = validSnapshot();
    line(zero).planned['2027'] = 0;
    expect(check(zero)).toEqual([]);
    const s = validSnapshot();
    line(s).planned['2026'] = -5;
    only(check(s), 'budget-amount-negative', 'bl1', 'error');
  });

  it('budget-funder-unknown: the funder is an organisation of the convention', () => {
    expect(ofRule(check(validSnapshot()), 'budget-funder-unknown')).toEqual([]);
    const s = validSnapshot();
    line(s).funderId = 'ghost';
    only(check(s), 'budget-funder-unknown', 'bl1', 'error');
  });

  it('budget-overrun: realised stays within planned × 1.2', () => {
    const limit = validSnapshot();
    line(limit).realised['2025'] = 1200;
    expect(check(limit)).toEqual([]);
    const s = validSnapshot();
    line(s).realised['2025'] = 1201;
    expect(only(check(s), 'budget-overrun', 'bl1', 'warning').message.fr).toContain('2025');
    const unplanned = validSnapshot();
    line(unplanned).realised['2027'] = 10;
    only(check(unplanned), 'budget-overrun', 'bl1', 'warning');
  });
});
