// The fictional sample convention end to end: it imports, validates with its one deliberate warning, exports back.
import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { sampleFile } from '../test/fixtures/sample.ts';
import { exportConventionJson, importConventionJson, readSnapshot, validate } from './index.ts';

it('the sample convention imports and validates with exactly its one deliberate warning', () => {
  const doc = new Y.Doc();
  importConventionJson(doc, sampleFile());
  const findings = validate(readSnapshot(doc), { today: '2027-01-31' });
  expect(findings).toEqual([
    expect.objectContaining({ severity: 'warning', rule: 'facility-cof-misaligned', entity: { kind: 'facility', id: 'eq9' } }),
  ]);
  expect(findings[0]?.message.fr).toMatch(/Centre social Les Passerelles/);
  const again = new Y.Doc();
  importConventionJson(again, exportConventionJson(doc));
  expect(validate(readSnapshot(again), { today: '2027-01-31' })).toEqual(findings);
});

it('a pilot removed from an action shows up as an error naming the action', () => {
  const doc = new Y.Doc();
  importConventionJson(doc, sampleFile());
  const snapshot = readSnapshot(doc);
  const action = snapshot.axes[1]?.objectives[0]?.actions[0];
  if (!action) throw new Error('sample action 2.1.1 missing');
  action.pilotId = null;
  const errors = validate(snapshot, { today: '2027-01-31' }).filter((f) => f.severity === 'error');
  expect(errors.map((f) => [f.rule, f.entity.id])).toEqual([['action-pilot-missing', 'act-2.1.1']]);
  expect(errors[0]?.message.fr).toContain('2.1.1');
});
