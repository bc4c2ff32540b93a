import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readSnapshot } from '../snapshot.ts';
import { as, negotiatingSample, twoPeers } from './testing.ts';
import { mentionsIn, openThreadCounts, passageNow, replyToThread, setThreadResolved, startThread, threadAnchor, threadMentions } from './threads.ts';

const ORGS = [
  { id: 'caf', name: "Caisse d'allocations familiales de la Sorlaine" },
  { id: 'cd', name: 'Département de la Sorlaine' },
  { id: 'cdx', name: 'Autre' },
];

function article(model: ReturnType<typeof negotiatingSample>) {
  return readSnapshot(model.ydoc).articles[1]!;
}

describe('comment threads', () => {
  it('starts a thread on an article, replies, resolves and reopens, recording author, party and time', () => {
    const model = negotiatingSample();
    const { id } = article(model);
    const thread = startThread(as(model, 'ccvs', 'comment', 'Thomas Girard'), { kind: 'article', id }, 'Faut-il citer le RAM ?');
    replyToThread(as(model, 'caf', 'edit', 'Claire Martin'), thread, 'Oui, @ccvs : en annexe.');
    setThreadResolved(as(model, 'ccvs', 'comment'), thread, true);
    let snapshot = readSnapshot(model.ydoc);
    const stored = snapshot.threads.find((t) => t.id === thread)!;
    expect(stored).toMatchObject({ anchor: { kind: 'article', id }, resolved: true, attached: true });
    expect(stored.comments.map((c) => [c.author, c.party, c.at, c.text])).toEqual([
      ['Thomas Girard', 'ccvs', '2026-03-12T10:00:00.000Z', 'Faut-il citer le RAM ?'],
      ['Claire Martin', 'caf', '2026-03-12T10:00:00.000Z', 'Oui, @ccvs : en annexe.'],
    ]);
    expect(() => replyToThread(as(model, 'caf'), thread, 'encore')).toThrow(/rouvrez-le pour répondre/);
    setThreadResolved(as(model, 'caf'), thread, false);
    snapshot = readSnapshot(model.ydoc);
    expect(openThreadCounts(snapshot).get(`article:${id}`)).toBe(1);
  });

  it('refuses, in French and without writing, what does not apply', () => {
    const model = negotiatingSample();
    const { id } = article(model);
    const refused = (run: () => unknown, message: RegExp) => {
      const before = Y.encodeStateAsUpdate(model.ydoc);
      expect(run).toThrow(message);
      expect(Y.encodeStateAsUpdate(model.ydoc)).toEqual(before);
    };
    refused(() => startThread(as(model, 'msa', 'view'), { kind: 'article', id }, 'Bonjour'), /lecture seule/);
    refused(() => startThread(as(model, 'caf'), { kind: 'article', id }, '   '), /Écrivez votre message/);
    refused(() => startThread(as(model, 'caf'), { kind: 'article', id: 'art_nope' }, 'Bonjour'), /n’existe plus/);
    refused(() => startThread(as(model, 'caf'), { kind: 'article', id, field: 'number', range: { from: 0, to: 1 } }, 'x'), /passage/);
    refused(() => startThread(as(model, 'caf'), { kind: 'article', id, field: 'body', range: { from: 5, to: 5 } }, 'x'), /vide ou sort du texte/);
    const thread = startThread(as(model, 'caf'), { kind: 'action', id: 'act-2.1.1' }, 'Bonjour');
    refused(() => setThreadResolved(as(model, 'caf'), thread, false), /déjà ouvert/);
    refused(() => replyToThread(as(model, 'caf', 'view'), thread, 'Bonjour'), /lecture seule/);
  });

  it('keeps a quoted passage on the same words while people type before and inside it, on every peer', () => {
    const { a, b, sync } = twoPeers();
    const { id, body } = article(a);
    const from = body.indexOf(' ') + 1;
    const to = body.indexOf(' ', from);
    const quote = body.slice(from, to);
    const thread = startThread(as(a, 'caf'), { kind: 'article', id, field: 'body', range: { from, to } }, 'Ce mot ?');
    sync();
    expect(threadAnchor(readSnapshot(b.ydoc).threads[0]!).range?.quote).toBe(quote);
    a.text('article', id, 'body').insert(0, 'Préambule. ');
    b.text('article', id, 'body').insert(from + 1, '~');
    sync();
    for (const peer of [a, b]) {
      const stored = readSnapshot(peer.ydoc).threads.find((t) => t.id === thread)!;
      const now = passageNow(peer.ydoc, stored);
      expect(now?.from).toBe(from + 'Préambule. '.length);
      expect(now?.text).toBe(`${quote.slice(0, 1)}~${quote.slice(1)}`);
    }
    a.text('article', id, 'body').delete(0, a.text('article', id, 'body').length);
    expect(passageNow(a.ydoc, readSnapshot(a.ydoc).threads[0]!)).toBeNull();
  });

  it('finds mentions by organisation id or name, ignoring case and accents, not inside longer words', () => {
    expect(mentionsIn('Merci @CAF et @departement de la sorlaine.', ORGS)).toEqual(['caf', 'cd']);
    expect(mentionsIn('@cdx, pas @cd', ORGS)).toEqual(['cdx', 'cd']);
    expect(mentionsIn('courriel : a@caf.fr ; @cafe', ORGS)).toEqual([]);
    expect(mentionsIn('(@caf)', ORGS)).toEqual(['caf']);
    expect(mentionsIn('rien ici', ORGS)).toEqual([]);
    const model = negotiatingSample();
    const thread = startThread(as(model, 'caf'), { kind: 'indicator', id: readSnapshot(model.ydoc).axes[0]!.objectives[0]!.indicators[0]!.id }, 'Source ? @cd');
    replyToThread(as(model, 'cd'), thread, '@caf voir le rapport');
    expect(threadMentions(readSnapshot(model.ydoc).threads[0]!, ORGS).sort()).toEqual(['caf', 'cd']);
  });

  it('keeps a thread whose part was deleted, detached, and does not count it', () => {
    const model = negotiatingSample();
    startThread(as(model, 'caf'), { kind: 'action', id: 'act-2.1.1' }, 'À revoir');
    model.remove('action', 'act-2.1.1');
    const snapshot = readSnapshot(model.ydoc);
    expect(snapshot.threads[0]?.attached).toBe(false);
    expect(openThreadCounts(snapshot).size).toBe(0);
  });
});
