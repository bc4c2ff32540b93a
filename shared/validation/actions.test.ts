import { describe, expect, it } from 'vitest';
import { check, ofRule, only, parts, validSnapshot } from './test-builder.ts';

describe('action pilot, referent and dates', () => {
  it('action-pilot-missing: every action has a pilot', () => {
    expect(ofRule(check(validSnapshot()), 'action-pilot-missing')).toEqual([]);
    const s = validSnapshot();
    parts(s).a1.pilotId = null;
    const f = only(check(s), 'action-pilot-missing', 'a1', 'error');
    expect(f.message.fr).toBe("L'action 1.1.1 n'a pas de pilote : choisissez un signataire comme pilote.");
    expect(f.message.en).toBe('Action 1.1.1 has no pilot: choose a signatory as pilot.');
  });

  it('action-pilot-not-signatory: the pilot signs the convention', () => {
    expect(ofRule(check(validSnapshot()), 'action-pilot-not-signatory')).toEqual([]);
    const s = validSnapshot();
    parts(s).a2.pilotId = 'asso';
    const f = only(check(s), 'action-pilot-not-signatory', 'a2', 'error');
    expect(f.message.fr).toContain('Centre social');
    expect(f.message.fr).toContain('1.2.1');
  });

  it('action-pilot-partner: the pilot is not also a partner', () => {
    expect(ofRule(check(validSnapshot()), 'action-pilot-partner')).toEqual([]);
    const s = validSnapshot();
    parts(s).a1.partners.epci = 'partenaire';
    only(check(s), 'action-pilot-partner', 'a1', 'error');
  });

  it('action-referent-missing: every action has a named referent', () => {
    expect(ofRule(check(validSnapshot()), 'action-referent-missing')).toEqual([]);
    const s = validSnapshot();
    parts(s).a1.referentId = null;
    only(check(s), 'action-referent-missing', 'a1', 'warning');
    const dangling = validSnapshot();
    parts(dangling).a2.referentId = 'gone';
    only(check(dangling), 'action-referent-missing', 'a2', 'warning');
  });

  it('action-dates-order: an action starts before it ends', () => {
    expect(ofRule(check(validSnapshot()), 'action-dates-order')).toEqual([]);
    const s = validSnapshot();
    parts(s).a1.startDate = '2027-01-01';
    parts(s).a1.endDate = '2026-01-01';
    only(check(s), 'action-dates-order', 'a1', 'error');
  });

  it('action-dates-outside-period: action dates fall inside the period', () => {
    const edge = validSnapshot();
    parts(edge).a1.endDate = '2029-12-31';
    expect(check(edge)).toEqual([]);
    const s = validSnapshot();
    parts(s).a1.endDate = '2030-06-30';
    expect(only(check(s), 'action-dates-outside-period', 'a1', 'error').message.fr).toContain('30/06/2030');
  });

  it('milestone-outside-period: milestones fall inside the period', () => {
    expect(ofRule(check(validSnapshot()), 'milestone-outside-period')).toEqual([]);
    const s = validSnapshot();
    parts(s).a1.milestones[0]!.date = '2024-12-01';
    const f = only(check(s), 'milestone-outside-period', 'ms1', 'error');
    expect(f.message.fr).toContain('« Ouverture » de l\'action 1.1.1');
  });
});
