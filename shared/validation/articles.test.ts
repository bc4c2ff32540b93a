import { describe, expect, it } from 'vitest';
import { check, ofRule, only, validSnapshot } from './test-builder.ts';

describe('articles and annexes', () => {
  it('article-kind-missing: one finding per missing required kind', () => {
    expect(ofRule(check(validSnapshot()), 'article-kind-missing')).toEqual([]);
    const s = validSnapshot();
    s.articles[4]!.kind = 'autre';
    expect(only(check(s), 'article-kind-missing', 'ctg-test', 'error').message.fr).toContain('Suivi et évaluation');
  });

  it('article-number-duplicate: no two articles share a number', () => {
    expect(ofRule(check(validSnapshot()), 'article-number-duplicate')).toEqual([]);
    const s = validSnapshot();
    s.articles[5]!.number = 5;
    only(check(s), 'article-number-duplicate', 'art6', 'error');
  });

  it('article-number-gap: numbers run 1..n', () => {
    expect(ofRule(check(validSnapshot()), 'article-number-gap')).toEqual([]);
    const s = validSnapshot();
    s.articles[5]!.number = 7;
    expect(only(check(s), 'article-number-gap', 'ctg-test', 'error').message.fr).toContain('numéro manquant : 6');
  });

  it('annex-kind-missing: the diagnostic and plan d’actions annexes exist', () => {
    expect(ofRule(check(validSnapshot()), 'annex-kind-missing')).toEqual([]);
    const s = validSnapshot();
    s.annexes[1]!.kind = 'autre';
    expect(only(check(s), 'annex-kind-missing', 'ctg-test', 'error').message.fr).toContain("Plan d'actions");
  });

  it('annex-citation-unknown: every cited annex exists', () => {
    expect(ofRule(check(validSnapshot()), 'annex-citation-unknown')).toEqual([]);
    const s = validSnapshot();
    s.articles[2]!.body = 'Les équipements figurent en annexe 3 (voir aussi l’Annexe n°3).';
    const f = only(check(s), 'annex-citation-unknown', 'art3', 'error');
    expect(f.message.fr).toContain("l'annexe 3");
  });
});
