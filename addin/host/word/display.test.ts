// Field values as Word shows them and back: each direction undoes the other on what the binding writes.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { importConventionJson, readSnapshot } from '../../../shared/index.ts';
import { sampleFile } from '../../../test/fixtures/sample.ts';
import { FieldDisplay } from './display.ts';

describe('field display in Word', () => {
  const doc = new Y.Doc();
  importConventionJson(doc, sampleFile());
  const display = new FieldDisplay();
  display.update(readSnapshot(doc));
  const pilot = { kind: 'action', id: 'a', field: 'pilotId' } as const;
  const start = { kind: 'action', id: 'a', field: 'startDate' } as const;
  const type = { kind: 'action', id: 'a', field: 'type' } as const;
  const title = { kind: 'action', id: 'a', field: 'title' } as const;

  it('reads back exactly what it shows', () => {
    for (const [ref, value] of [
      [pilot, 'caf'],
      [pilot, ''],
      [pilot, 'inconnu'],
      [start, '2026-03-15'],
      [start, ''],
      [type, 'nouvelle'],
      [title, 'Deux\nlignes'],
    ] as const)
      expect(display.take(ref, display.show(ref, value, false), false)).toBe(value);
  });

  it('understands what a person types: the pilot’s designation or id, a French date, a type’s label', () => {
    expect(display.show(pilot, 'caf', false)).toBe("Caisse d'allocations familiales de la Sorlaine");
    expect(display.take(pilot, 'la caf', false)).toBe('caf');
    expect(display.take(pilot, 'CAF', false)).toBe('caf');
    expect(display.take(pilot, 'caisse d’allocations familiales de la sorlaine', false)).toBe('caf');
    expect(display.take(start, '15/03/2026', false)).toBe('2026-03-15');
    expect(display.take(type, 'Renforcement', false)).toBe('renforcement');
    expect(display.show(title, 'Deux\nlignes', false)).toBe('Deux\vlignes');
  });
});
