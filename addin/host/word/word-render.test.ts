// Rendering the convention in Word: one run for the whole sample, built-in styles, protection, tags; re-rendering
// touches only what changed; deleted, undone or pasted parts are put back or unwrapped; stray text is flagged.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ConventionDoc, importConventionJson, readSnapshot } from '../../../shared/index.ts';
import { sampleFile } from '../../../test/fixtures/sample.ts';
import { wordUnderTest } from '../../../test/fakes/word/host.ts';
import { HostBinding } from '../../binding/binding.ts';
import { conventionFixture } from '../contract.ts';
import type { WordProblem } from './problems.ts';

function sample() {
  const ydoc = new Y.Doc();
  importConventionJson(ydoc, sampleFile());
  return new ConventionDoc(ydoc);
}

describe('Word: the convention as content controls', () => {
  it('inserts the sample convention in 2 round trips, and binds it in 3', async () => {
    const model = sample();
    const rendered = wordUnderTest();
    await rendered.host.render(readSnapshot(model.ydoc));
    expect(rendered.word.roundTrips).toBe(2);
    const bound = wordUnderTest();
    const binding = new HostBinding(model, bound.host, { pollMs: 0 });
    await binding.start();
    expect(bound.word.roundTrips).toBeLessThanOrEqual(3);
    binding.dispose();
  });

  it('looks like a convention: built-in styles, numbered headings, fields where the text is', async () => {
    const model = sample();
    const { word, host } = wordUnderTest();
    const s = readSnapshot(model.ydoc);
    await host.render(s);
    const outline = word.outline();
    expect(outline[1]).toBe(`Title: ${s.convention.title}`);
    expect(outline).toContain('Heading1: Préambule');
    expect(outline).toContain(`Heading2: Article 1 – ${s.articles[0]?.title}`);
    const action = s.axes[0]?.objectives[0]?.actions[0];
    expect(outline).toContain(`Heading4: Fiche action ${action?.code} – ${action?.title}`);
    expect(outline.filter((line) => line.startsWith('[table'))).toHaveLength(2);
    expect(word.control(`ctg:article:${s.articles[0]?.id}:body`)).toMatchObject({ type: 'RichText', level: 'block', cannotEdit: false, cannotDelete: true });
    expect(word.control(`ctg:action:${action?.id}:title`)).toMatchObject({ type: 'PlainText', level: 'inline', cannotDelete: true });
    expect(word.control(`ctg:label:article.${s.articles[0]?.id}.n`)).toMatchObject({ cannotEdit: true, cannotDelete: true });
    expect(word.control(`ctg:action:${action?.id}`)).toMatchObject({ cannotDelete: true, appearance: 'Hidden' });
    expect(word.control('ctg:table:plan')).toMatchObject({ cannotEdit: true, blocks: [{ kind: 'table', style: 'GridTable4_Accent1', headerRowCount: 1 }, { kind: 'paragraph' }] });
    // Shown as people read them: the pilot's name, dates as JJ/MM/AAAA.
    expect(word.user.read(`ctg:action:${action?.id}:pilotId`)).toBe(s.organisations.find((o) => o.id === action?.pilotId)?.name);
    expect(word.user.read(`ctg:action:${action?.id}:startDate`)).toMatch(/^\d\d\/\d\d\/\d{4}$/);
    expect(word.settings.get('ctg.convention')).toEqual({ id: s.convention.id });
    expect(await host.attachedConvention()).toBe(s.convention.id);
  });

  it('re-renders in one round trip (a load) and changes nothing when nothing changed', async () => {
    const model = sample();
    const { word, host } = wordUnderTest();
    await host.render(readSnapshot(model.ydoc));
    const before = JSON.stringify(word.tree.body);
    const trips = word.roundTrips;
    await host.render(readSnapshot(model.ydoc));
    expect(word.roundTrips - trips).toBe(1);
    expect(JSON.stringify(word.tree.body)).toBe(before);
  });

  it('puts a new action in its place, renumbers labels, moves and removes entities, keeping typed text', async () => {
    const { model, objective, action } = conventionFixture();
    const { word, host } = wordUnderTest();
    await host.render(readSnapshot(model.ydoc));
    word.user.type(`ctg:action:${action}:description`, ' Ouverture en 2027.');
    const added = model.add('action', { code: '1.1.0', title: 'Avant', pilotId: 'caf' }, { parent: objective, index: 0 });
    await host.render(readSnapshot(model.ydoc));
    const tags = word.tags();
    expect(tags.indexOf(`ctg:action:${added}`)).toBeLessThan(tags.indexOf(`ctg:action:${action}`));
    expect(tags.indexOf(`ctg:action:${added}`)).toBeGreaterThan(tags.indexOf(`ctg:objective:${objective}`));
    expect(word.user.read(`ctg:action:${action}:description`)).toBe('Vingt places. Ouverture en 2027.');
    // Move the first action to a new objective.
    const axis = model.childIds('axis')[0] as string;
    const other = model.add('objective', { number: '1.2', title: 'Autre' }, { parent: axis });
    model.move('action', action, { parent: other });
    await host.render(readSnapshot(model.ydoc));
    const moved = word.tags();
    expect(moved.indexOf(`ctg:action:${action}`)).toBeGreaterThan(moved.indexOf(`ctg:objective:${other}`));
    expect(word.controls(`ctg:action:${action}:description`)).toHaveLength(1);
    expect(word.user.read(`ctg:action:${action}:description`)).toBe('Vingt places. Ouverture en 2027.');
    model.remove('objective', other);
    await host.render(readSnapshot(model.ydoc));
    expect(word.tags().filter((t) => t.includes(action) || t.includes(other))).toEqual([]);
  });

  it('refuses to let a person delete protected parts, and restores what undo took away', async () => {
    const { model, action } = conventionFixture();
    const problems: WordProblem[] = [];
    const { word, host } = wordUnderTest({}, { onProblem: (p) => problems.push(p) });
    const binding = new HostBinding(model, host, { pollMs: 0 });
    await binding.start();
    expect(word.user.deleteControl(`ctg:action:${action}`)).toBe(false);
    expect(word.user.type(`ctg:label:action.${action}.code`, 'x')).toBe(false);
    // Ctrl+Z right after the add-in inserted the convention: the whole insertion goes, without any event.
    while (word.tags().length > 0 && word.user.undo()) {}
    expect(word.tags()).toEqual([]);
    host.requestFullRead();
    await binding.settled();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await binding.settled();
    expect(problems.map((p) => p.type)).toContain('restored');
    expect(word.user.read(`ctg:action:${action}:title`)).toBe('Créer un multi-accueil');
    expect(word.controls(`ctg:action:${action}`)).toHaveLength(1);
    binding.dispose();
  });

  it('flags text typed outside any field, and unwraps a pasted copy of a field', async () => {
    const { model, action, article } = conventionFixture();
    const problems: WordProblem[] = [];
    const { word, host } = wordUnderTest({}, { onProblem: (p) => problems.push(p) });
    await host.render(readSnapshot(model.ydoc));
    expect(word.user.typeOutside(`ctg:action:${action}:description`, 'Note perdue')).toBe(true);
    await host.read();
    expect(problems).toContainEqual(expect.objectContaining({ type: 'stray-text', near: { kind: 'action', id: action }, text: 'Note perdue' }));
    // A pasted copy of a field: two controls with one tag. The copy is unwrapped (its text stays, flagged).
    const body = word.control(`ctg:article:${article}:body`);
    const copy = structuredClone(body);
    copy.id = 9999;
    const parent = word.tree.parent(body);
    if (parent?.kind !== 'control') throw new Error('article body outside its article');
    parent.blocks.push(copy);
    word.tree.reindex();
    await host.read();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await host.read();
    expect(word.controls(`ctg:article:${article}:body`)).toHaveLength(1);
    expect(problems.filter((p) => p.type === 'stray-text').map((p) => (p.type === 'stray-text' ? p.text : ''))).toContainEqual(expect.stringContaining('La présente convention'));
  });
});
