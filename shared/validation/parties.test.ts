import { describe, expect, it } from 'vitest';
import { check, ofRule, only, parts, validSnapshot } from './test-builder.ts';

describe('parties', () => {
  it('signatory-organisation-unknown: every signatory points at a known organisation', () => {
    expect(ofRule(check(validSnapshot()), 'signatory-organisation-unknown')).toEqual([]);
    const s = validSnapshot();
    s.signatories[2]!.organisationId = 'ghost';
    s.amendments[0]!.signatoryIds.push('ghost');
    const f = only(check(s), 'signatory-organisation-unknown', 'sig_cd', 'error');
    expect(f.message.fr).toContain('le Département');
  });

  it('caf-signatory-count: exactly one Caf signs', () => {
    expect(ofRule(check(validSnapshot()), 'caf-signatory-count')).toEqual([]);
    const none = validSnapshot();
    none.signatories.shift();
    parts(none).a2.pilotId = 'epci';
    parts(none).a2.partners = {};
    expect(only(check(none), 'caf-signatory-count', 'ctg-test', 'error').message.fr).toContain('pas de Caf signataire');

    const two = validSnapshot();
    two.organisations.push({ id: 'caf2', name: 'Caf voisine', type: 'caf' });
    two.signatories.push({ ...structuredClone(two.signatories[0]!), id: 'sig_caf2', organisationId: 'caf2' });
    two.amendments[0]!.signatoryIds.push('caf2');
    expect(only(check(two), 'caf-signatory-count', 'ctg-test', 'error').message.fr).toContain('2 Caf');
  });

  it('authority-signatory-missing: a commune, EPCI or Département signs', () => {
    expect(ofRule(check(validSnapshot()), 'authority-signatory-missing')).toEqual([]);
    const s = validSnapshot();
    s.signatories.pop();
    s.organisations[1]!.type = 'syndicat';
    only(check(s), 'authority-signatory-missing', 'ctg-test', 'error');
  });

  it('departement-signatory-missing: a departmental CTG is signed by the Département', () => {
    const s = validSnapshot();
    s.convention.echelon = 'departemental';
    s.territory.type = 'departement';
    expect(ofRule(check(s), 'departement-signatory-missing')).toEqual([]);
    s.signatories.pop();
    only(check(s), 'departement-signatory-missing', 'ctg-test', 'error');
  });

  it('echelon-territory-mismatch: the échelon fits the territory type', () => {
    for (const [echelon, type] of [['intercommunal', 'ca'], ['intercommunal', 'cu'], ['communal', 'commune']] as const) {
      const s = validSnapshot();
      s.convention.echelon = echelon;
      s.territory.type = type;
      expect(ofRule(check(s), 'echelon-territory-mismatch')).toEqual([]);
    }
    const s = validSnapshot();
    s.territory.type = 'commune';
    const f = only(check(s), 'echelon-territory-mismatch', 'ctg-test', 'error');
    expect(f.entity.kind).toBe('territory');
    expect(f.message.fr).toContain('Intercommunal');
  });
});
