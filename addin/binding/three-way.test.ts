import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../test/support/random.ts';
import { diff } from '../../shared/text-diff.ts';
import { mergeText, splice } from './three-way.ts';

describe('three-way merge of a field', () => {
  it('takes whichever side changed when only one did', () => {
    expect(mergeText('abc', 'abXc', 'abc')).toBe('abXc');
    expect(mergeText('abc', 'abc', 'aYbc')).toBe('aYbc');
  });

  it('keeps a remote edit made before or after the local one', () => {
    const base = 'La Caf finance les actions.';
    expect(mergeText(base, 'La Caf finance les actions nouvelles.', 'La Caf de la Sorlaine finance les actions.')).toBe(
      'La Caf de la Sorlaine finance les actions nouvelles.',
    );
    expect(mergeText(base, 'La Caf de la Sorlaine finance les actions.', 'La Caf finance les actions nouvelles.')).toBe(
      'La Caf de la Sorlaine finance les actions nouvelles.',
    );
  });

  it('loses nobody’s typing when both edit the same stretch', () => {
    const merged = mergeText('un deux trois', 'un 2 trois', 'un DEUX trois');
    expect(merged).toContain('DEUX');
    expect(merged).toContain('2');
  });

  it('always contains every character each side inserted (randomized)', () => {
    const random = seededRandom(5);
    for (let i = 0; i < 2000; i++) {
      const base = random.word() + random.word() + random.word();
      const edit = (text: string, marker: string) => {
        const at = random.int(text.length + 1);
        const del = random.int(Math.min(3, text.length - at) + 1);
        return text.slice(0, at) + marker + text.slice(at + del);
      };
      const host = edit(base, '§');
      const current = edit(base, '¤');
      const merged = mergeText(base, host, current);
      expect(merged, JSON.stringify({ base, host, current })).toContain('§');
      expect(merged, JSON.stringify({ base, host, current })).toContain('¤');
    }
  });

  it('describes a change as one splice', () => {
    expect(splice('abcdef', 'abXYef')).toEqual({ start: 2, deleted: 2, inserted: 'XY' });
  });
});

it('recognises the same edit made on both sides (two add-ins on one document) and applies it once', () => {
  expect(mergeText('Créer', 'Créer une crèche', 'Créer une crèche')).toBe('Créer une crèche');
});

describe('the character diff', () => {
  it('gives hunks that turn the base into the new text (randomized)', () => {
    const random = seededRandom(9);
    for (let i = 0; i < 1000; i++) {
      let next = random.word() + random.word() + random.word() + random.word();
      const base = next;
      for (let e = random.int(4); e > 0; e--) {
        const at = random.int(next.length + 1);
        next = next.slice(0, at) + (random.chance(0.5) ? random.word() : '') + next.slice(at + random.int(3));
      }
      let rebuilt = base;
      for (const h of [...diff(base, next)].reverse()) rebuilt = rebuilt.slice(0, h.start) + h.text + rebuilt.slice(h.end);
      expect(rebuilt).toBe(next);
    }
  });

  it('keeps two separate edits of one side as two hunks, so each lands in its place', () => {
    expect(diff('un deux trois quatre', 'un DEUX trois QUATRE')).toHaveLength(2);
    expect(mergeText('un deux trois quatre', 'un 2 trois quatre!', 'un deux trois quatre cinq')).toBe('un 2 trois quatre cinq!');
  });
});
