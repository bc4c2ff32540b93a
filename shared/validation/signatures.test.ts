import { describe, expect, it } from 'vitest';
import { check, ofRule, only, validSnapshot } from './test-builder.ts';

describe('signatures', () => {
  it('convention-signature-date-missing: a signed convention has a signature date', () => {
    expect(ofRule(check(validSnapshot()), 'convention-signature-date-missing')).toEqual([]);
    const s = validSnapshot();
    s.convention.signatureDate = null;
    only(check(s), 'convention-signature-date-missing', 'ctg-test', 'error');
  });

  it('signatory-representative-missing: each signatory has a representative with a capacity', () => {
    expect(ofRule(check(validSnapshot()), 'signatory-representative-missing')).toEqual([]);
    const noCapacity = validSnapshot();
    noCapacity.persons[3]!.capacity = '  ';
    const f = only(check(noCapacity), 'signatory-representative-missing', 'sig_cd', 'error');
    expect(f.message.fr).toContain('Département de la Sorlaine');
    const nobody = validSnapshot();
    nobody.signatories[1]!.representatives = [];
    only(check(nobody), 'signatory-representative-missing', 'sig_epci', 'error');
  });

  it('signatory-authorisation-missing: each signatory has an authorising body and date', () => {
    expect(ofRule(check(validSnapshot()), 'signatory-authorisation-missing')).toEqual([]);
    const noBody = validSnapshot();
    noBody.signatories[1]!.authorisationBody = '';
    only(check(noBody), 'signatory-authorisation-missing', 'sig_epci', 'error');
    const noDate = validSnapshot();
    noDate.signatories[0]!.authorisationDate = null;
    only(check(noDate), 'signatory-authorisation-missing', 'sig_caf', 'error');
  });

  it('signatory-authorisation-late: the authorisation is dated on or before the signature', () => {
    expect(ofRule(check(validSnapshot()), 'signatory-authorisation-late')).toEqual([]);
    const s = validSnapshot();
    s.signatories[1]!.authorisationDate = '2025-03-01';
    expect(only(check(s), 'signatory-authorisation-late', 'sig_epci', 'error').message.fr).toContain('01/03/2025');
  });

  it('applies from status signee only', () => {
    const s = validSnapshot();
    s.convention.status = 'validation';
    s.convention.signatureDate = null;
    s.signatories[0]!.representatives = [];
    s.signatories[1]!.authorisationBody = '';
    const rules = check(s).map((f) => f.rule);
    expect(rules).not.toContain('convention-signature-date-missing');
    expect(rules).not.toContain('signatory-representative-missing');
    expect(rules).not.toContain('signatory-authorisation-missing');
  });
});
