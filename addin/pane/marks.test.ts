// Marks for findings and open discussion threads: one per entity, the worst finding gives the colour, the label lists
// the findings then the threads; a thread alone gives a discussion marker, shown in Word on the entity's container
// (not as a Word comment).
import { describe, expect, it } from 'vitest';
import { type Finding, readSnapshot, type Thread } from '../../shared/index.ts';
import { wordUnderTest } from '../../test/fakes/word/host.ts';
import { conventionFixture } from '../host/contract.ts';
import { entityTag } from '../host/word/tags.ts';
import { FindingMarks, marksFor, threadsLabel } from './marks.ts';
import { recordingHost } from './testing.ts';

const finding = (id: string, severity: 'error' | 'warning', fr: string): Finding =>
  ({ severity, rule: 'action-pilot-missing', entity: { kind: 'action', id }, message: { fr, en: fr } }) as Finding;

const thread = (id: string, text: string, more: Partial<Thread> = {}): Thread => ({
  id: `thr-${text.length}-${id}`,
  anchor: { kind: 'action', id },
  attached: true,
  resolved: false,
  comments: [{ id: 'c1', author: 'Agent Caf', party: 'caf', at: '2026-03-12T10:00:00.000Z', text }],
  ...more,
});

describe('marksFor', () => {
  it('gives a discussion marker to an entity with open threads only, and counts them', () => {
    const marks = marksFor([], [thread('a', 'Combien de places ?'), thread('a', 'Qui pilote ?'), thread('b', 'Calendrier ?')]);
    expect(marks.get('action:a')?.mark).toEqual({ type: 'comment', label: '2 discussions ouvertes : « Combien de places ? » ; « Qui pilote ? »' });
    expect(marks.get('action:b')?.mark).toEqual({ type: 'comment', label: '1 discussion ouverte : « Calendrier ? »' });
  });

  it('quotes two threads at most and counts the others', () => {
    const texts = ['Combien de places ?', 'Qui pilote ?', 'Calendrier ?', 'Budget ?', 'Partenaires ?'];
    expect(threadsLabel(texts.slice(0, 3).map((text) => thread('a', text)))).toBe('3 discussions ouvertes : « Combien de places ? » ; « Qui pilote ? » … et 1 autre');
    expect(threadsLabel(texts.map((text) => thread('a', text)))).toBe('5 discussions ouvertes : « Combien de places ? » ; « Qui pilote ? » … et 3 autres');
  });

  it('lets findings give the colour and lists both; resolved and detached threads are not shown', () => {
    const marks = marksFor(
      [finding('a', 'warning', 'Pas de date de fin'), finding('b', 'error', 'Pas de pilote')],
      [thread('a', 'Combien de places ?'), thread('b', 'Qui pilote ?'), thread('c', 'Réglé', { resolved: true }), thread('d', 'Détaché', { attached: false })],
    );
    expect(marks.get('action:a')?.mark).toEqual({ type: 'warning', label: 'Pas de date de fin\n1 discussion ouverte : « Combien de places ? »' });
    expect(marks.get('action:b')?.mark.type).toBe('error');
    expect(marks.has('action:c')).toBe(false);
    expect(marks.has('action:d')).toBe(false);
  });

  it('keeps a long first message short', () => {
    const label = marksFor([], [thread('a', `Il faudrait ${'vraiment '.repeat(20)}revoir cela.`)]).get('action:a')?.mark.label ?? '';
    expect(label.length).toBeLessThan(100);
    expect(label).toMatch(/…» $|… »$/);
  });
});

describe('FindingMarks with threads', () => {
  it('changes only what changed and keeps the last threads when none are given', async () => {
    const { host, marks } = recordingHost();
    const calls: string[] = [];
    const mark = host.mark;
    host.mark = (ref, m) => {
      calls.push(`${ref.id}:${m?.type ?? 'clear'}`);
      return mark(ref, m);
    };
    const sync = new FindingMarks((e) => {
      throw e;
    });
    await sync.sync(host, [], [thread('a', 'Combien de places ?')]);
    await sync.sync(host, [finding('b', 'warning', 'w')]);
    expect(marks.get('action:a')?.type).toBe('comment');
    await sync.sync(host, [finding('b', 'warning', 'w')], []);
    expect(calls).toEqual(['a:comment', 'b:warning', 'a:clear']);
  });

  it('shows the marker on the entity’s container in Word, in the error colour when there is also an error', async () => {
    const { model, action } = conventionFixture();
    const { word, host } = wordUnderTest();
    await host.render(readSnapshot(model.ydoc));
    const sync = new FindingMarks((e) => {
      throw e;
    });
    await sync.sync(host, [], [thread(action, 'Combien de places ?')]);
    const container = word.control(entityTag({ kind: 'action', id: action }));
    expect(container).toMatchObject({ appearance: 'BoundingBox', color: '#7030A0' });
    expect(container.title).toContain('1 discussion ouverte : « Combien de places ? »');
    expect(word.controls(entityTag({ kind: 'action', id: action }))).toHaveLength(1);
    await sync.sync(host, [finding(action, 'error', 'Pas de pilote')]);
    expect(word.control(entityTag({ kind: 'action', id: action }))).toMatchObject({ color: '#C00000' });
    expect(word.control(entityTag({ kind: 'action', id: action })).title).toMatch(/Pas de pilote\n1 discussion ouverte/);
    await sync.sync(host, [], []);
    expect(word.control(entityTag({ kind: 'action', id: action })).appearance).toBe('Hidden');
    host.dispose();
  });
});
