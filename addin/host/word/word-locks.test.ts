// Locked fields in Word: a content control that cannot be edited, grey and titled « Verrouillé : … », set in one
// sync and only where it changes; the model's changes still reach it (unlocked and locked again in the same batch);
// a document reopened keeps the protection the model calls for.
import { describe, expect, it } from 'vitest';
import { readSnapshot } from '../../../shared/index.ts';
import { wordUnderTest } from '../../../test/fakes/word/host.ts';
import { type BindingProblem, HostBinding } from '../../binding/binding.ts';
import { type FieldRef, fieldTag } from '../../../shared/field-ref.ts';
import { conventionFixture } from '../contract.ts';
import type { FieldLock, LockQuery } from '../port.ts';
import { WordHost } from './word-host.ts';

const LOCK: FieldLock = { fr: 'Verrouillé : la fiche action 1.1.1 a reçu la validation de toutes les parties.', en: 'Locked.' };

function lockedAction(id: string, on: () => boolean): LockQuery {
  return (ref: FieldRef) => (on() && ref.kind === 'action' && ref.id === id && !ref.field.startsWith('statusByYear') ? LOCK : null);
}

describe('Word: locked fields', () => {
  it('locks in one sync, only what changed, and unlocks in one sync', async () => {
    const { model, action } = conventionFixture();
    const { word, host } = wordUnderTest();
    await host.render(readSnapshot(model.ydoc));
    let on = true;
    const query = lockedAction(action, () => on);
    const title = fieldTag({ kind: 'action', id: action, field: 'title' });
    const before = word.roundTrips;
    await host.setLocks(query);
    expect(word.roundTrips - before).toBe(1);
    expect(word.control(title)).toMatchObject({ cannotEdit: true, title: "Verrouillé : Intitulé de l'action 1.1.1", color: '#7F7F7F' });
    expect(word.control(fieldTag({ kind: 'action', id: action, field: 'description' })).cannotEdit).toBe(true);
    expect(word.user.type(title, ' refusé')).toBe(false);
    // Same locks again: nothing to send.
    await host.setLocks(query);
    expect(word.roundTrips - before).toBe(1);
    on = false;
    await host.setLocks(query);
    expect(word.roundTrips - before).toBe(2);
    expect(word.control(title)).toMatchObject({ cannotEdit: false, title: "Intitulé de l'action 1.1.1" });
    expect(word.user.type(title, ' accepté')).toBe(true);
    host.dispose();
  });

  it('puts back what was typed before the lock reached Word, and says why', async () => {
    const { model, action } = conventionFixture();
    const { word, host } = wordUnderTest();
    const problems: Array<BindingProblem | null> = [];
    const binding = new HostBinding(model, host, { pollMs: 0, isLocked: lockedAction(action, () => true), onProblem: (p) => problems.push(p) });
    await binding.start();
    const title = fieldTag({ kind: 'action', id: action, field: 'title' });
    expect(word.user.type(title, ' tapé')).toBe(true);
    await word.flushEvents();
    host.requestFullRead();
    await binding.settled();
    expect(model.read('action', action).title).toBe('Créer un multi-accueil');
    expect(word.user.read(title)).toBe('Créer un multi-accueil');
    expect(problems).toEqual([expect.objectContaining({ cause: 'locked', ref: { kind: 'action', id: action, field: 'title' }, fr: expect.stringMatching(/^Verrouillé : la fiche action 1\.1\.1/) })]);
    binding.dispose();
    host.dispose();
  });

  it('writes the model’s changes into a locked field and leaves it locked, with no extra round trip', async () => {
    const { model, action } = conventionFixture();
    const { word, host } = wordUnderTest();
    const query = lockedAction(action, () => true);
    const binding = new HostBinding(model, host, { pollMs: 0, isLocked: query });
    await binding.start();
    await host.setLocks(query);
    const before = word.roundTrips;
    model.update('action', action, { title: 'Créer un multi-accueil (avenant n° 1)', description: 'Vingt-quatre places.' });
    await binding.settled();
    const title = fieldTag({ kind: 'action', id: action, field: 'title' });
    expect(word.user.read(title)).toBe('Créer un multi-accueil (avenant n° 1)');
    expect(word.user.read(fieldTag({ kind: 'action', id: action, field: 'description' }))).toBe('Vingt-quatre places.');
    expect(word.control(title).cannotEdit).toBe(true);
    expect(word.roundTrips - before).toBe(1);
    binding.dispose();
    host.dispose();
  });

  it('renders new fields locked, and a reopened document with the protection the model calls for', async () => {
    const { model, objective, action } = conventionFixture();
    const { word, host } = wordUnderTest();
    const ids = new Set([action]);
    const query: LockQuery = (ref) => (ids.has(ref.id) ? LOCK : null);
    await host.setLocks(query);
    await host.render(readSnapshot(model.ydoc));
    expect(word.control(fieldTag({ kind: 'action', id: action, field: 'title' })).cannotEdit).toBe(true);
    const added = model.add('action', { code: '1.1.2', title: 'Relais petite enfance', pilotId: 'caf' }, { parent: objective });
    ids.add(added);
    await host.render(readSnapshot(model.ydoc));
    expect(word.control(fieldTag({ kind: 'action', id: added, field: 'title' }))).toMatchObject({ cannotEdit: true, title: "Verrouillé : Intitulé de l'action 1.1.2" });
    host.dispose();
    // Reopened by an add-in for which nothing is locked any more (the part was reopened meanwhile).
    const again = new WordHost({ word, supports: (set, version) => word.isSetSupported(set, version), year: 2026 });
    await again.setLocks(() => null);
    const trips = word.roundTrips;
    await again.render(readSnapshot(model.ydoc));
    // A render's own two syncs (its look, its changes): unlocking rides along.
    expect(word.roundTrips - trips).toBe(2);
    for (const id of [action, added]) expect(word.control(fieldTag({ kind: 'action', id, field: 'title' }))).toMatchObject({ cannotEdit: false, title: expect.stringMatching(/^Intitulé de l'action 1\.1\.[12]$/) });
    again.dispose();
  });
});
