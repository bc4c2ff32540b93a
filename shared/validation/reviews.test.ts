import { describe, expect, it } from 'vitest';
import { check, ofRule, only, parts, validSnapshot } from './test-builder.ts';

describe('annual reviews', () => {
  it('annual-review-missing: an approved review per ended year, after a grace period to 30 June', () => {
    expect(check(validSnapshot(), '2026-07-01')).toEqual([]);

    const pending = validSnapshot();
    pending.annualReviews[0]!.status = 'a_valider';
    expect(ofRule(check(pending), 'annual-review-missing')).toEqual([]);
    only(check(pending, '2026-07-01'), 'annual-review-missing', 'rev2025', 'warning');

    const none = validSnapshot();
    none.annualReviews = [];
    expect(check(none, '2026-06-30')).toEqual([]);
    const f = only(check(none, '2026-07-01'), 'annual-review-missing', 'ctg-test', 'warning');
    expect(f.message.fr).toContain('Le bilan annuel 2025');
  });

  it('does not expect the review of the year just ended before 30 June (the sample on 2027-01-31)', () => {
    const s = validSnapshot();
    parts(s).a1.statusByYear['2026'] = { status: 'en_cours', comment: '', decision: null };
    expect(check(s, '2027-01-31')).toEqual([]);
  });
});
