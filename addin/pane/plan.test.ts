// Proposed numbers, the add-entry checks, presence places and host marks, on the sample convention.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ConventionDoc, type Finding, importConventionJson, readSnapshot } from '../../shared/index.ts';
import { sampleFile } from '../../test/fixtures/sample.ts';
import { addEntry, emptyValues, parseDecimal } from './add-entry.ts';
import { FindingMarks } from './marks.ts';
import { nextChildNumber, proposeActionCode, proposeObjectiveNumber } from './plan-numbers.ts';
import { recordingHost } from './testing.ts';
import { describeWhere } from './where.ts';

function sample() {
  const ydoc = new Y.Doc();
  importConventionJson(ydoc, sampleFile());
  return { ydoc, model: new ConventionDoc(ydoc), snapshot: readSnapshot(ydoc) };
}

describe('proposed numbers', () => {
  it('goes one past the highest number under the parent', () => {
    expect(nextChildNumber('1.1', ['1.1.1', '1.1.3', '1.10.4', '2.1.1'])).toBe('1.1.4');
    expect(nextChildNumber('1.1', [])).toBe('1.1.1');
    expect(nextChildNumber('', ['1'])).toBe('');
    const { snapshot } = sample();
    expect(proposeActionCode(snapshot, 'o3.1')).toBe('3.1.3');
    expect(proposeObjectiveNumber(snapshot, 'ax2')).toBe('2.4');
  });
});

describe('adding to the plan', () => {
  it('adds an axis with the proposed number, and an indicator with French decimals', () => {
    const { model, snapshot, ydoc } = sample();
    const values = emptyValues();
    values.axis.title = 'Vieillir dans le Val';
    const axis = addEntry(model, snapshot, 'axis', values);
    expect(axis).toMatchObject({ ok: true, done: { key: 'add.done.axis', params: { value: 5 } } });
    values.indicator = { ...values.indicator, objectiveId: 'o1.1', label: 'Taux de couverture', unit: '%', baselineValue: '52,5', baselineYear: '2024', targetValue: '60', targetYear: '2029' };
    const indicator = addEntry(model, snapshot, 'indicator', values);
    if (!indicator.ok) throw new Error('indicator refused');
    expect(readSnapshot(ydoc).axes[0]?.objectives[0]?.indicators.find((i) => i.id === indicator.id)).toMatchObject({ baselineValue: 52.5, targetYear: 2029 });
  });

  it('refuses a code already used, before touching the model', () => {
    const { model, snapshot } = sample();
    const values = emptyValues();
    values.action = { objectiveId: 'o1.1', code: '1.1.1', title: 'Doublon', pilotId: 'caf' };
    expect(addEntry(model, snapshot, 'action', values)).toEqual({ ok: false, fields: { code: { key: 'add.error.codeTaken', params: { value: '1.1.1' } } } });
    values.action.pilotId = 'cs_passerelles';
    values.action.code = null;
    expect(addEntry(model, snapshot, 'action', values)).toMatchObject({ ok: false, fields: { pilotId: { key: 'add.error.gone' } } });
  });

  it('reads decimals written the French way', () => {
    expect(parseDecimal('1 200,5')).toBe(1200.5);
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal('douze')).toBeUndefined();
  });
});

describe('where people are', () => {
  it('names places the way people say them', () => {
    const { snapshot } = sample();
    expect(describeWhere('article:art3', snapshot, 'fr')).toBe('Article 3');
    expect(describeWhere('action:act-2.1.1', snapshot, 'fr')).toBe('Action 2.1.1');
    expect(describeWhere('objective:o1.2', snapshot, 'en')).toBe('Objective 1.2');
    expect(describeWhere('action:gone', snapshot, 'fr')).toBe('Un élément supprimé');
    expect(describeWhere('convention:x', snapshot, 'fr')).toBe('Préambule et visas');
    expect(describeWhere(null, snapshot, 'fr')).toBeNull();
  });
});

describe('marks in the document', () => {
  const finding = (id: string, severity: 'error' | 'warning', fr: string): Finding =>
    ({ severity, rule: 'action-pilot-missing', entity: { kind: 'action', id }, message: { fr, en: fr } }) as Finding;

  it('sets one mark per entity, changes only what changed, clears what went away', async () => {
    const { host, marks } = recordingHost();
    const calls: string[] = [];
    const mark = host.mark;
    host.mark = (ref, m) => {
      calls.push(`${ref.id}:${m?.type ?? 'clear'}`);
      return mark(ref, m);
    };
    const errors: unknown[] = [];
    const sync = new FindingMarks((e) => errors.push(e));
    await sync.sync(host, [finding('a', 'warning', 'w'), finding('a', 'error', 'e'), finding('b', 'warning', 'w2')]);
    expect(marks.get('action:a')).toEqual({ type: 'error', label: 'w\ne' });
    await sync.sync(host, [finding('a', 'warning', 'w'), finding('a', 'error', 'e')]);
    expect(calls).toEqual(['a:error', 'b:warning', 'b:clear']);
    expect(errors).toEqual([]);
  });

  it('reports a host that fails, and resends everything next time', async () => {
    const { host, marks } = recordingHost();
    const mark = host.mark;
    let fail = true;
    host.mark = (ref, m) => (fail ? Promise.reject(new Error('Word occupé')) : mark(ref, m));
    const errors: unknown[] = [];
    const sync = new FindingMarks((e) => errors.push(e));
    await sync.sync(host, [finding('a', 'error', 'e')]);
    expect(errors).toEqual([new Error('Word occupé')]);
    fail = false;
    await sync.sync(host, [finding('a', 'error', 'e')]);
    expect(marks.get('action:a')).toEqual({ type: 'error', label: 'e' });
  });
});
