import { describe, expect, it } from 'vitest';
import { check, ofRule, only, parts, validSnapshot } from './test-builder.ts';

const COPIL_RULES = ['copil-missing', 'copil-caf-member-missing', 'copil-authority-member-missing', 'copil-meeting-missing'];

describe('copil', () => {
  it('copil-missing: a Copil exists', () => {
    expect(ofRule(check(validSnapshot()), 'copil-missing')).toEqual([]);
    const s = validSnapshot();
    parts(s).copil.type = 'cotech';
    only(check(s), 'copil-missing', 'ctg-test', 'error');
  });

  it('is skipped before the Copil is set up (preparation, diagnostic)', () => {
    for (const status of ['preparation', 'diagnostic'] as const) {
      const s = validSnapshot();
      s.convention.status = status;
      s.bodies = [];
      expect(check(s).filter((f) => COPIL_RULES.includes(f.rule))).toEqual([]);
    }
  });

  it('copil-caf-member-missing: the Copil has a Caf member', () => {
    expect(ofRule(check(validSnapshot()), 'copil-caf-member-missing')).toEqual([]);
    const s = validSnapshot();
    parts(s).copil.memberIds = ['p_epci'];
    only(check(s), 'copil-caf-member-missing', 'copil', 'error');
  });

  it("copil-authority-member-missing: the territory's own authority sits with an elected member or DGS", () => {
    const s = validSnapshot();
    // The Département co-signs this intercommunal CTG but need not sit on the Copil.
    expect(parts(s).copil.memberIds).not.toContain('p_cd');
    expect(ofRule(check(s), 'copil-authority-member-missing')).toEqual([]);

    const absent = validSnapshot();
    parts(absent).copil.memberIds = ['p_caf', 'p_cp'];
    const f = only(check(absent), 'copil-authority-member-missing', 'copil', 'error');
    expect(f.message.fr).toContain('« CC du Val »');

    const notElected = validSnapshot();
    notElected.persons[2]!.role = 'charge_cooperation';
    only(check(notElected), 'copil-authority-member-missing', 'copil', 'error');

    const dgs = validSnapshot();
    dgs.persons[2]!.role = 'dgs';
    expect(check(dgs)).toEqual([]);
  });

  it('copil-meeting-missing: the Copil met in every ended year of the period', () => {
    expect(ofRule(check(validSnapshot()), 'copil-meeting-missing')).toEqual([]);
    const s = validSnapshot();
    parts(s).copil.meetings[0]!.date = '2026-01-10';
    parts(s).copil.meetings[1]!.date = '2026-02-01';
    expect(only(check(s), 'copil-meeting-missing', 'copil', 'warning').message.fr).toContain('2025');
  });
});
