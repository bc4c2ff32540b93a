import { describe, expect, it } from 'vitest';
import { check, ofRule, only, parts, validSnapshot } from './test-builder.ts';

describe('plan skeleton', () => {
  it('axis-objective-missing: every axis has an objective', () => {
    expect(ofRule(check(validSnapshot()), 'axis-objective-missing')).toEqual([]);
    const s = validSnapshot();
    s.axes.push({ id: 'ax2', number: 2, title: 'Vide', fields: ['jeunesse'], issues: '', objectives: [] });
    expect(only(check(s), 'axis-objective-missing', 'ax2', 'error').message.fr).toContain("L'axe 2");
  });

  it('objective-action-missing: every objective has an action', () => {
    expect(ofRule(check(validSnapshot()), 'objective-action-missing')).toEqual([]);
    const s = validSnapshot();
    parts(s).o2.actions = [];
    expect(only(check(s), 'objective-action-missing', 'o1.2', 'error').message.fr).toContain("L'objectif 1.2");
  });

  it('objective-indicator-missing: every objective has an indicator', () => {
    expect(ofRule(check(validSnapshot()), 'objective-indicator-missing')).toEqual([]);
    const s = validSnapshot();
    parts(s).o1.indicators = [];
    only(check(s), 'objective-indicator-missing', 'o1.1', 'error');
  });

  it('action-code-missing: every action has a code', () => {
    expect(ofRule(check(validSnapshot()), 'action-code-missing')).toEqual([]);
    const s = validSnapshot();
    parts(s).a2.code = ' ';
    parts(s).a2.title = 'Bus des ados';
    expect(only(check(s), 'action-code-missing', 'a2', 'error').message.fr).toContain('« Bus des ados »');
  });

  it('action-code-duplicate: codes are unique', () => {
    expect(ofRule(check(validSnapshot()), 'action-code-duplicate')).toEqual([]);
    const s = validSnapshot();
    parts(s).o1.actions.push({ ...structuredClone(parts(s).a1), id: 'a3' });
    expect(only(check(s), 'action-code-duplicate', 'a3', 'error').message.fr).toContain('1.1.1');
  });

  it('action-code-prefix: the code starts with the objective number', () => {
    expect(ofRule(check(validSnapshot()), 'action-code-prefix')).toEqual([]);
    for (const code of ['1.1.2', '1.2', '1.2.', '1.21.1']) {
      const s = validSnapshot();
      parts(s).a2.code = code;
      const f = only(check(s), 'action-code-prefix', 'a2', 'error');
      expect(f.message.fr).toContain('1.2.');
    }
  });

  it('action-field-uncovered: ≥1 field of the action belongs to its axis', () => {
    expect(ofRule(check(validSnapshot()), 'action-field-uncovered')).toEqual([]);
    const s = validSnapshot();
    parts(s).a2.fields = ['logement'];
    expect(only(check(s), 'action-field-uncovered', 'a2', 'error').message.fr).toContain("l'action 1.2.1");
  });
});
