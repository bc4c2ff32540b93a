// @vitest-environment happy-dom
// The « Ajouter » tab and the review's locks: nothing is added under a locked part nor in a signed convention (the
// server would refuse the update and leave this document diverged), the form shows those targets disabled with why,
// and an open avenant opens the parts it names.
import { afterEach, describe, expect, it } from 'vitest';
import { changeStatus, currentReview, openAmendment, readSnapshot } from '../../shared/index.ts';
import { as, negotiatingSample } from '../../shared/review/testing.ts';
import { addEntry, emptyValues } from './add-entry.ts';
import './ctg-add-form.ts';
import { deepQuery, deepQueryAll, settle } from './testing.ts';

function signed() {
  const model = negotiatingSample();
  changeStatus(as(model, 'caf'), 'validation', '', { blockingErrors: 0 });
  changeStatus(as(model, 'caf'), 'signee', '', { blockingErrors: 0 });
  const snapshot = readSnapshot(model.ydoc);
  const objective = snapshot.axes[1]!.objectives[0]!;
  return { model, snapshot, objective };
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('adding under a locked part', () => {
  it('refuses an action or an axis in a signed convention with the lock’s reason, and writes nothing', () => {
    const { model, snapshot, objective } = signed();
    const before = readSnapshot(model.ydoc);
    const values = emptyValues();
    values.action = { objectiveId: objective.id, code: null, title: 'Médiation numérique', pilotId: 'caf' };
    const result = addEntry(model, snapshot, 'action', values, currentReview(model).locks);
    expect(result).toMatchObject({ ok: false, fields: { objectiveId: { key: 'add.error.locked' } }, error: { fr: expect.stringMatching(/^Convention signée/) } });
    values.axis.title = 'Vieillir dans le Val';
    expect(addEntry(model, snapshot, 'axis', values, currentReview(model).locks)).toMatchObject({ ok: false, fields: {}, error: { fr: expect.stringMatching(/^Convention signée/) } });
    expect(readSnapshot(model.ydoc)).toEqual(before);
  });

  it('adds under a part an open avenant names', () => {
    const { model, snapshot, objective } = signed();
    openAmendment(as(model, 'caf'), 'Nouvelle action', [`objective:${objective.number}`]);
    const values = emptyValues();
    values.action = { objectiveId: objective.id, code: null, title: 'Médiation numérique', pilotId: 'caf' };
    expect(addEntry(model, snapshot, 'action', values, currentReview(model).locks)).toMatchObject({ ok: true });
    const other = snapshot.axes[0]!.objectives[0]!;
    values.indicator = { ...values.indicator, objectiveId: other.id, label: 'Taux' };
    expect(addEntry(model, readSnapshot(model.ydoc), 'indicator', values, currentReview(model).locks)).toMatchObject({ ok: false });
  });

  it('the form shows locked parents disabled with why, and the lock read right before adding wins', async () => {
    const { model, snapshot, objective } = signed();
    const form = document.createElement('ctg-add-form');
    // The pane's policy may be a moment old: here it says nothing is locked yet.
    Object.assign(form, { snapshot, model, locks: null });
    document.body.append(form);
    cleanups.push(() => form.remove());
    await settle(form);
    const select = deepQuery<HTMLSelectElement>(form, 'select[name="objectiveId"]');
    select.value = objective.id;
    select.dispatchEvent(new Event('change'));
    for (const [name, value] of [['title', 'Médiation numérique']] as const) {
      const input = deepQuery<HTMLInputElement>(form, `input[name="${name}"]`);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    const pilot = deepQuery<HTMLSelectElement>(form, 'select[name="pilotId"]');
    pilot.value = 'caf';
    pilot.dispatchEvent(new Event('change'));
    await settle(form);
    const before = readSnapshot(model.ydoc);
    deepQuery<HTMLFormElement>(form, 'form').requestSubmit();
    await settle(form);
    expect(deepQuery(form, '.alert.error').textContent).toContain('Convention signée');
    expect(readSnapshot(model.ydoc)).toEqual(before);

    form.locks = currentReview(model).locks;
    await settle(form);
    const options = deepQueryAll<HTMLOptionElement>(form, 'select[name="objectiveId"] option[value]:not([value=""])');
    expect(options.length).toBeGreaterThan(0);
    expect(options.every((o) => o.disabled && o.textContent?.includes('(verrouillé)'))).toBe(true);
    expect(options[0]?.title).toMatch(/^Convention signée/);
    expect(deepQuery<HTMLButtonElement>(form, 'button[type="submit"]').disabled).toBe(true);
    expect(deepQuery(form, '#add-lock').textContent).toMatch(/^Convention signée/);
  });
});
