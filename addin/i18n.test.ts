// The dictionary: every message in both languages, placeholders filled, French plural rules, remembered choice.
import { expect, it } from 'vitest';
import { loadLang, MESSAGES, saveLang, t, tn } from './i18n.ts';
import { memoryStorage } from './pane/storage.ts';

it('has every message in French and English with the same placeholders', () => {
  for (const [key, { fr, en }] of Object.entries(MESSAGES)) {
    expect(fr.trim(), key).not.toBe('');
    expect(en.trim(), key).not.toBe('');
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(names(en), key).toEqual(names(fr));
  }
});

it('fills placeholders and counts the French way', () => {
  expect(t('fr', 'where.article', { n: 3 })).toBe('Article 3');
  expect(tn('fr', 'status.pending', 3)).toBe("3 modifications en attente d'envoi");
  expect(tn('fr', 'findings.errors', 0)).toBe('0 erreur');
  expect(tn('fr', 'findings.errors', 1)).toBe('1 erreur');
  expect(tn('en', 'findings.errors', 0)).toBe('0 errors');
});

it('remembers the language through the injected storage', () => {
  const storage = memoryStorage({ 'concerto.lang': 'de' });
  expect(loadLang(storage)).toBeNull();
  saveLang(storage, 'en');
  expect(loadLang(storage)).toBe('en');
});
