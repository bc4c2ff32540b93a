// Keeping Word and the model in step: a burst of remote changes in one round trip, only changed paragraphs
// touched (formatting and caret kept), the adapter's own writes not taken for edits, co-authors' edits (source
// Remote) left to their add-in, typing during a write merged back, and Word without events (polling).
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ConventionDoc, importConventionJson, readSnapshot } from '../../../shared/index.ts';
import { sampleFile } from '../../../test/fixtures/sample.ts';
import { wordUnderTest } from '../../../test/fakes/word/host.ts';
import { HostBinding } from '../../binding/binding.ts';
import { readFieldText } from '../../binding/field-codec.ts';
import { type FieldRef, fieldTag } from '../../../shared/field-ref.ts';
import { conventionFixture } from '../contract.ts';
import type { EditHint } from '../port.ts';

/** The text fields of the sample a remote peer could change (article, axis, objective, action, diagnostic). */
function textFields(model: ConventionDoc): FieldRef[] {
  const s = readSnapshot(model.ydoc);
  const refs: FieldRef[] = [];
  for (const a of s.articles) refs.push({ kind: 'article', id: a.id, field: 'title' }, { kind: 'article', id: a.id, field: 'body' });
  for (const d of s.diagnostic.sections) refs.push({ kind: 'diagnosticSection', id: d.id, field: 'findings' }, { kind: 'diagnosticSection', id: d.id, field: 'needs' });
  for (const axis of s.axes) {
    refs.push({ kind: 'axis', id: axis.id, field: 'title' });
    for (const o of axis.objectives) {
      refs.push({ kind: 'objective', id: o.id, field: 'title' });
      for (const a of o.actions) for (const field of ['title', 'description', 'public']) refs.push({ kind: 'action', id: a.id, field });
    }
  }
  return refs;
}

describe('Word: model → document', () => {
  it('applies a burst of 100 remote field changes in one round trip: the write (no field can hold unreported typing)', async () => {
    const local = new Y.Doc();
    importConventionJson(local, sampleFile());
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(local));
    const model = new ConventionDoc(local);
    const { word, host } = wordUnderTest();
    const binding = new HostBinding(model, host, { pollMs: 0 });
    await binding.start();
    const other = new ConventionDoc(remote);
    const refs = textFields(other);
    const actions = refs.filter((r) => r.kind === 'action' && r.field === 'title').map((r) => r.id);
    const dates = actions.flatMap((id) => ['startDate', 'endDate'].map((field) => ({ kind: 'action', id, field }) as const)).slice(0, 100 - refs.length);
    expect(refs.length + dates.length).toBe(100);
    other.transact(() => {
      for (const ref of refs) other.text(ref.kind as 'action', ref.id, ref.field).insert(0, 'Modifié : ');
      for (const ref of dates) other.update('action', ref.id, { [ref.field]: '2027-01-02' });
    });
    const trips = word.roundTrips;
    Y.applyUpdate(local, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(local)));
    await binding.settled();
    expect(word.roundTrips - trips).toBe(1);
    for (const ref of refs) expect(word.user.read(fieldTag(ref)).startsWith('Modifié : ')).toBe(true);
    for (const ref of dates) expect(word.user.read(fieldTag(ref))).toBe('02/01/2027');
    binding.dispose();
  });

  it('touches only the paragraphs that changed: formatting, lists and the caret elsewhere stay', async () => {
    const { model, article } = conventionFixture();
    model.update('article', article, { body: 'Premier paragraphe.\nDeuxième, en liste.\nTroisième.' });
    const { word, host } = wordUnderTest();
    const binding = new HostBinding(model, host, { pollMs: 0 });
    await binding.start();
    const tag = fieldTag({ kind: 'article', id: article, field: 'body' });
    word.user.format(tag, 0, { bold: true });
    word.user.format(tag, 1, { listItem: true, italic: true });
    word.user.click(tag, 5);
    const caret = word.selection;
    const [first, second] = word.control(tag).blocks;
    model.update('article', article, { body: 'Premier paragraphe.\nDeuxième, en liste.\nTroisième, modifié.\nQuatrième.' });
    await binding.settled();
    expect(word.user.read(tag)).toBe('Premier paragraphe.\nDeuxième, en liste.\nTroisième, modifié.\nQuatrième.');
    const blocks = word.control(tag).blocks;
    expect(blocks[0]).toBe(first);
    expect(blocks[1]).toBe(second);
    expect(blocks[0]).toMatchObject({ children: [{ bold: true }] });
    expect(blocks[1]).toMatchObject({ listItem: true, children: [{ italic: true }] });
    expect(word.selection).toEqual(caret);
    binding.dispose();
  });

  it('does not take its own writes for a person’s edits (they echo back as data-changed events)', async () => {
    const { model, action } = conventionFixture();
    const { word, host } = wordUnderTest();
    await host.render(readSnapshot(model.ydoc));
    const hints: EditHint[] = [];
    host.onEdit((hint) => hints.push(hint));
    await host.write([{ ref: { kind: 'action', id: action, field: 'title' }, value: 'Nouveau titre' }]);
    await word.flushEvents();
    expect(word.lastEvents('ContentControlDataChanged').length).toBeGreaterThan(0);
    expect(hints).toEqual([]);
  });

  it('merges back what a person typed while a write was on its way', async () => {
    const { model, article } = conventionFixture();
    const { word, host } = wordUnderTest();
    const binding = new HostBinding(model, host, { pollMs: 0 });
    await binding.start();
    const ref = { kind: 'article', id: article, field: 'body' } as const;
    const tag = fieldTag(ref);
    const before = readFieldText(model, ref) as string;
    model.transact(() => model.text('article', article, 'body').insert(0, 'Préambule. '));
    // The person types before the batch reaches Word, and Word has not reported it yet.
    word.user.type(tag, ' Fin.');
    await binding.settled();
    await word.flushEvents();
    await binding.settled();
    expect(readFieldText(model, ref)).toBe(`Préambule. ${before} Fin.`);
    expect(word.user.read(tag)).toBe(`Préambule. ${before} Fin.`);
    binding.dispose();
  });
});

describe('Word: events, co-authoring, capabilities', () => {
  it('leaves a co-author’s edit (source Remote) to their add-in for a while, then reads it like any other', async () => {
    const { model, action } = conventionFixture();
    let now = 1_000;
    const { word, host } = wordUnderTest({}, { now: () => now, remoteQuietMs: 10_000 });
    const binding = new HostBinding(model, host, { pollMs: 0 });
    await binding.start();
    const hints: EditHint[] = [];
    host.onEdit((hint) => hints.push(hint));
    const ref = { kind: 'action', id: action, field: 'description' } as const;
    word.remote.type(fieldTag(ref), ' (co-auteur)');
    await word.flushEvents();
    expect(hints).toEqual([]);
    host.requestFullRead();
    await binding.settled();
    expect(model.read('action', action).description).toBe('Vingt places.');
    now += 10_001;
    host.requestFullRead();
    await binding.settled();
    expect(model.read('action', action).description).toBe('Vingt places. (co-auteur)');
    binding.dispose();
  });

  it('keeps unreported typing that a render loads between the binding’s read and its write (seed 203)', async () => {
    const { model, objective, action } = conventionFixture();
    const { word, host } = wordUnderTest({ timing: 'web' });
    const binding = new HostBinding(model, host, { pollMs: 0 });
    await binding.start();
    const title = fieldTag({ kind: 'action', id: action, field: 'title' });
    word.user.type(title, ' de 20 places');
    // One remote transaction: a new action (a render) and a change to the field just typed in.
    model.transact(() => {
      model.add('action', { code: '1.1.2', title: 'Relais petite enfance' }, { parent: objective });
      model.text('action', action, 'title').insert(0, 'Vite : ');
    });
    await binding.settled();
    await word.flushEvents();
    await binding.settled();
    expect(model.read('action', action).title).toBe('Vite : Créer un multi-accueil de 20 places');
    expect(word.user.read(title)).toBe('Vite : Créer un multi-accueil de 20 places');
    binding.dispose();
    host.dispose();
  });

  it('reads from Word the field holding the caret, even typing no event has reported yet', async () => {
    const { model, action } = conventionFixture();
    const { word, host } = wordUnderTest({ timing: 'desktop' });
    await host.render(readSnapshot(model.ydoc));
    const title = { kind: 'action', id: action, field: 'title' } as const;
    const description = { kind: 'action', id: action, field: 'description' } as const;
    word.user.click(fieldTag(title));
    await word.flushEvents();
    // Desktop: typing is reported only on leaving the control.
    word.user.type(fieldTag(title), ' de 20 places');
    const trips = word.roundTrips;
    expect(await host.read([title, description])).toEqual([
      { ref: description, value: 'Vingt places.' },
      { ref: title, value: 'Créer un multi-accueil de 20 places' },
    ]);
    expect(word.roundTrips).toBe(trips + 1);
    // A field no event and no caret points at is answered from what the adapter knows: no round trip.
    expect(await host.read([description])).toEqual([{ ref: description, value: 'Vingt places.' }]);
    expect(word.roundTrips).toBe(trips + 1);
  });

  it('keeps typing no event reported at all when a remote change is written over it (merged back)', async () => {
    for (const timing of ['web', 'desktop'] as const) {
      const { model, action } = conventionFixture();
      const { word, host } = wordUnderTest({ timing });
      const binding = new HostBinding(model, host, { pollMs: 0 });
      await binding.start();
      const title = fieldTag({ kind: 'action', id: action, field: 'title' });
      // Typed while the events (selection included) are still on their way: the adapter cannot know.
      word.user.type(title, ' de 20 places');
      model.update('action', action, { title: 'Ouvrir un multi-accueil' });
      await binding.settled();
      await word.flushEvents();
      word.user.click(null);
      await word.flushEvents();
      await binding.settled();
      expect(model.read('action', action).title, timing).toBe('Ouvrir un multi-accueil de 20 places');
      expect(word.user.read(title), timing).toBe('Ouvrir un multi-accueil de 20 places');
      binding.dispose();
      host.dispose();
    }
  });

  it('without WordApi 1.5 registers no event and lets the binding poll', async () => {
    const { model } = conventionFixture();
    const { word, host } = wordUnderTest({ requirementSets: { WordApi: 1.4 } });
    expect(host.capabilities.editEvents).toBe(false);
    await host.render(readSnapshot(model.ydoc));
    expect(word.events.count()).toBe(0);
  });

  it('listens to every part, and stops listening when disposed', async () => {
    const { model } = conventionFixture();
    const { word, host } = wordUnderTest();
    await host.render(readSnapshot(model.ydoc));
    expect(word.events.count('ContentControlDeleted')).toBe(word.tags().length);
    host.dispose();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(word.events.count()).toBe(0);
  });

  it('marks an entity with a colored box and a title, selects its first field, and reads dates and pilots back', async () => {
    const { model, action } = conventionFixture();
    const { word, host } = wordUnderTest();
    const binding = new HostBinding(model, host, { pollMs: 0 });
    await binding.start();
    await host.mark({ kind: 'action', id: action }, { type: 'error', label: 'Pas de pilote' });
    expect(word.control(`ctg:action:${action}`)).toMatchObject({ appearance: 'BoundingBox', color: '#C00000', title: 'Fiche action 1.1.1 — Pas de pilote' });
    await host.render(readSnapshot(model.ydoc));
    expect(word.control(`ctg:action:${action}`)).toMatchObject({ color: '#C00000' });
    await host.mark({ kind: 'action', id: action }, null);
    expect(word.control(`ctg:action:${action}`)).toMatchObject({ appearance: 'Hidden', title: 'Fiche action 1.1.1' });
    await host.select({ kind: 'action', id: action });
    expect(word.selection?.control?.tag).toBe(`ctg:action:${action}:title`);
    word.user.replace(`ctg:action:${action}:startDate`, '15/03/2026');
    word.user.replace(`ctg:action:${action}:type`, 'nouvelle action');
    await word.flushEvents();
    await binding.settled();
    expect(model.read('action', action)).toMatchObject({ startDate: '2026-03-15', type: 'nouvelle', pilotId: 'caf' });
    binding.dispose();
  });
});
