import { describe, expect, it } from 'vitest';
import { check, ofRule, only, parts, validSnapshot } from './test-builder.ts';

describe('yearly action statuses', () => {
  it('action-status-year-outside-period: status years are inside the period', () => {
    expect(ofRule(check(validSnapshot()), 'action-status-year-outside-period')).toEqual([]);
    const s = validSnapshot();
    parts(s).a2.statusByYear['2031'] = { status: 'en_cours', comment: '', decision: null };
    only(check(s), 'action-status-year-outside-period', 'a2', 'error');
  });

  it('action-status-comment-missing: a postponed or abandoned action is explained', () => {
    expect(ofRule(check(validSnapshot()), 'action-status-comment-missing')).toEqual([]);
    const s = validSnapshot();
    parts(s).a1.statusByYear['2025']!.comment = '';
    expect(only(check(s), 'action-status-comment-missing', 'a1', 'error').message.fr).toContain("L'action 1.1.1 est « reportée » en 2025");
  });

  it('action-status-decision-missing: a postponed or abandoned action rests on an existing meeting', () => {
    expect(ofRule(check(validSnapshot()), 'action-status-decision-missing')).toEqual([]);
    const none = validSnapshot();
    parts(none).a2.statusByYear['2025'] = { status: 'abandonnee', comment: 'Plus de besoin', decision: null };
    only(check(none), 'action-status-decision-missing', 'a2', 'error');
    const unknown = validSnapshot();
    parts(unknown).a1.statusByYear['2025']!.decision = 'dec-inconnue';
    only(check(unknown), 'action-status-decision-missing', 'a1', 'error');
  });

  it('action-realisee-not-ended: a done action has ended by today', () => {
    expect(ofRule(check(validSnapshot()), 'action-realisee-not-ended')).toEqual([]);
    const late = validSnapshot();
    parts(late).a2.endDate = '2026-09-30';
    expect(only(check(late), 'action-realisee-not-ended', 'a2', 'error').message.fr).toContain('30/09/2026');
    const noEnd = validSnapshot();
    parts(noEnd).a2.endDate = null;
    expect(only(check(noEnd), 'action-realisee-not-ended', 'a2', 'error').message.fr).toContain("n'a pas de date de fin");
  });

  it('action-status-missing: each ended year of the action has a status, without grace period', () => {
    const s = validSnapshot();
    delete parts(s).a2.statusByYear['2025'];
    only(check(s), 'action-status-missing', 'a2', 'warning');

    const laterStart = validSnapshot();
    parts(laterStart).a2.startDate = '2026-01-01';
    delete parts(laterStart).a2.statusByYear['2025'];
    expect(check(laterStart)).toEqual([]);

    // On 31 January 2027, 2026 has ended: action 1.1.1 (running until 2027) needs a 2026 status; 1.2.1 has one.
    const f = only(check(validSnapshot(), '2027-01-31'), 'action-status-missing', 'a1', 'warning');
    expect(f.message.fr).toContain('2026');
  });
});
