import { describe, expect, it } from 'vitest';
import { check, ofRule, only, validSnapshot } from './test-builder.ts';

describe('amendments', () => {
  it('amendment-convention-unsigned: amendments exist only on a signed convention', () => {
    for (const status of ['signee', 'en_cours', 'evaluation', 'echue'] as const) {
      const s = validSnapshot();
      s.convention.status = status;
      expect(ofRule(check(s), 'amendment-convention-unsigned')).toEqual([]);
    }
    const s = validSnapshot();
    s.convention.status = 'validation';
    expect(only(check(s), 'amendment-convention-unsigned', 'av1', 'error').message.fr).toContain("L'avenant n° 1");
  });

  it('amendment-date-outside-period: an amendment is signed inside the period', () => {
    const draft = validSnapshot();
    draft.amendments[0]!.signatureDate = null;
    expect(check(draft)).toEqual([]);
    const s = validSnapshot();
    s.amendments[0]!.signatureDate = '2030-02-01';
    only(check(s), 'amendment-date-outside-period', 'av1', 'error');
  });

  it('amendment-signatory-missing: every signatory signs the amendment', () => {
    const bySignatoryId = validSnapshot();
    bySignatoryId.amendments[0]!.signatoryIds = ['sig_caf', 'sig_epci', 'sig_cd'];
    expect(check(bySignatoryId)).toEqual([]);
    const s = validSnapshot();
    s.amendments[0]!.signatoryIds = ['caf', 'epci'];
    expect(only(check(s), 'amendment-signatory-missing', 'av1', 'error').message.fr).toContain('Département de la Sorlaine');
  });
});
