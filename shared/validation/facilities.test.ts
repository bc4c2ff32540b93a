import { describe, expect, it } from 'vitest';
import { check, ofRule, only, validSnapshot } from './test-builder.ts';

describe('facilities', () => {
  it('facility-cof-misaligned: a COF ends with the convention', () => {
    const noCof = validSnapshot();
    noCof.facilities[0]!.cofEnd = null;
    expect(check(noCof)).toEqual([]);
    const s = validSnapshot();
    s.facilities[0]!.cofEnd = '2027-12-31';
    const f = only(check(s), 'facility-cof-misaligned', 'f1', 'warning');
    expect(f.message.fr).toContain('« Multi-accueil Les Pitchouns »');
    expect(f.message.fr).toContain('31/12/2027');
  });

  it('facility-capacity-missing: a bonus-territoire facility has a capacity', () => {
    const noBonus = validSnapshot();
    noBonus.facilities[0]!.bonusTerritoire = false;
    noBonus.facilities[0]!.capacity = null;
    expect(check(noBonus)).toEqual([]);
    const s = validSnapshot();
    s.facilities[0]!.capacity = null;
    expect(ofRule(check(s), 'facility-capacity-missing')).toHaveLength(1);
    only(check(s), 'facility-capacity-missing', 'f1', 'warning');
  });
});
