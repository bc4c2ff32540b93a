// The server enforces the review locks and the review log's rules: pure sessions over the sample convention.
import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { changeStatus, COMMENT_ROOTS, ConventionDoc, openAmendment, readSnapshot, recordSignoff, reviewMap } from '../../shared/index.ts';
import { as, negotiatingSample } from '../../shared/review/testing.ts';
import { LockCache } from './lock-cache.ts';
import { encodeUpdate, MESSAGE } from './messages.ts';
import { REVIEW_REFUSALS } from './review-writes.ts';
import { type Access, type Effect, handleFrame, type SessionPeer, type SyncRoom } from './session.ts';

const PARTIES = ['caf', 'ccvs', 'cd', 'msa'];
const ok = { blockingErrors: 0 };

function setup() {
  const server = negotiatingSample();
  const doc = server.ydoc;
  const room: SyncRoom = {
    doc,
    awareness: new awarenessProtocol.Awareness(doc),
    encodeDiff: (sv) => Y.encodeStateAsUpdate(doc, sv),
    locks: new LockCache(doc),
  };
  /** A connected client of `party` with `access`, up to date with the server. */
  const connect = (party: string, access: Access = 'edit') => {
    const peer: SessionPeer = { access, origin: {}, author: { name: `Agent ${party}`, party }, commentRoots: COMMENT_ROOTS, held: [] };
    const model = new ConventionDoc(new Y.Doc());
    Y.applyUpdate(model.ydoc, Y.encodeStateAsUpdate(doc));
    /**
     * Makes a change on the client and sends what it emitted, as the stock client does (a refused change stays on the
     * client); returns the refusal, or null when the server took it.
     */
    const send = (change: (model: ConventionDoc) => void): string | null => {
      Y.applyUpdate(model.ydoc, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(model.ydoc)), 'server');
      const emitted: Uint8Array[] = [];
      const collect = (update: Uint8Array) => emitted.push(update);
      model.ydoc.on('update', collect);
      change(model);
      model.ydoc.off('update', collect);
      return refusalOf(handleFrame(room, peer, encodeUpdate(Y.mergeUpdates(emitted))));
    };
    return { peer, model, send };
  };
  const snapshot = () => readSnapshot(doc);
  return { server, doc, room, connect, snapshot };
}

function refusalOf(effects: Effect[]): string | null {
  expect(effects.every((e) => e.kind === 'send')).toBe(true);
  const frame = effects.find((e) => e.kind === 'send')?.frame;
  if (!frame) return null;
  const decoder = decoding.createDecoder(frame);
  expect(decoding.readVarUint(decoder)).toBe(MESSAGE.auth);
  decoding.readVarUint(decoder);
  return decoding.readVarString(decoder);
}

/** Proposes and validates a part by every signatory, each through their own connection. */
function validateAll(env: ReturnType<typeof setup>, subject: { kind: 'article' | 'action'; id: string }) {
  const proposer = env.connect('caf');
  expect(proposer.send((m) => recordSignoff(as(m, 'caf'), subject, 'propose'))).toBeNull();
  for (const party of PARTIES) {
    const signer = env.connect(party, 'comment');
    expect(signer.send((m) => recordSignoff(as(m, party, 'comment'), subject, 'validate'))).toBeNull();
  }
}

const LOCKED = /^Verrouillé : l'article 3 a reçu la validation de toutes les parties/;

describe('locks enforced by the server', () => {
  it('refuses an editor’s change to a validated article — body, title, position, deletion — and takes the others', () => {
    const env = setup();
    const [first, , third] = env.snapshot().articles;
    validateAll(env, { kind: 'article', id: third!.id });
    const before = Y.encodeStateAsUpdate(env.doc);
    const editor = env.connect('ccvs');
    expect(editor.send((m) => m.text('article', third!.id, 'body').insert(0, 'Modifié : '))).toMatch(LOCKED);
    expect(editor.send((m) => m.update('article', third!.id, { title: 'Autre titre' }))).toMatch(LOCKED);
    expect(editor.send((m) => m.move('article', third!.id, { index: 0 }))).toMatch(LOCKED);
    expect(editor.send((m) => m.remove('article', third!.id))).toMatch(LOCKED);
    expect(editor.send((m) => m.collection('article').delete(third!.id))).toMatch(LOCKED);
    expect(Y.encodeStateAsUpdate(env.doc)).toEqual(before);
    // The connection is kept; a client that reloads can edit an article still in draft (the refused changes stay
    // on the refused client, whose later updates wait behind them, as with a view client).
    expect(env.connect('ccvs').send((m) => m.text('article', first!.id, 'body').insert(0, 'Préambule. '))).toBeNull();
    expect(env.snapshot().articles[0]!.body).toMatch(/^Préambule\. /);
  });

  it('reopening with a reason unlocks the article', () => {
    const env = setup();
    const article = env.snapshot().articles[2]!;
    validateAll(env, { kind: 'article', id: article.id });
    const editor = env.connect('cd');
    expect(editor.send((m) => m.update('article', article.id, { title: 'X' }))).toMatch(LOCKED);
    const again = env.connect('cd');
    expect(again.send((m) => recordSignoff(as(m, 'cd'), { kind: 'article', id: article.id }, 'reopen', 'Reformuler'))).toBeNull();
    expect(again.send((m) => m.update('article', article.id, { title: 'Engagements revus' }))).toBeNull();
    expect(env.snapshot().articles[2]!.title).toBe('Engagements revus');
  });

  it('locks a validated fiche action with what it holds, not its follow-up', () => {
    const env = setup();
    const action = env.snapshot().axes.flatMap((a) => a.objectives.flatMap((o) => o.actions)).find((a) => a.code === '1.1.1')!;
    validateAll(env, { kind: 'action', id: action.id });
    const editor = () => env.connect('caf');
    expect(editor().send((m) => m.update('action', action.id, { endDate: '2028-06-30' }))).toMatch(/^Verrouillé : la fiche action 1\.1\.1 a reçu/);
    expect(editor().send((m) => m.add('milestone', { label: 'Inauguration' }, { parent: action.id }))).toMatch(/^Verrouillé : la fiche action 1\.1\.1 a reçu/);
    expect(editor().send((m) => m.update('budgetLine', action.budgetLines[0]!.id, { planned: { '2025': 1 } }))).toMatch(/et ce qu’elle contient/);
    const follow = editor();
    expect(follow.send((m) => m.update('budgetLine', action.budgetLines[0]!.id, { realised: { '2025': 119000 } }))).toBeNull();
    expect(follow.send((m) => m.update('action', action.id, { statusByYear: { '2027': { status: 'en_cours', comment: 'Chantier', decision: '' } } }))).toBeNull();
  });

  it('after signature, takes the follow-up (indicator values) and refuses the text; an open avenant opens its part', () => {
    const env = setup();
    changeStatus(as(env.server, 'caf'), 'validation', '', ok);
    changeStatus(as(env.server, 'caf'), 'signee', '', ok);
    const snapshot = env.snapshot();
    const indicator = snapshot.axes[0]!.objectives[0]!.indicators[0]!;
    const actions = snapshot.axes.flatMap((a) => a.objectives.flatMap((o) => o.actions));
    const late = actions.find((a) => a.code === '4.1.1')!;
    const other = actions.find((a) => a.code === '1.1.1')!;
    // A fresh client for each change: a refused change stays on its client and holds back its later updates.
    const editor = () => env.connect('ccvs');
    expect(editor().send((m) => m.update('indicator', indicator.id, { values: { '2027': 51 } }))).toBeNull();
    expect(editor().send((m) => m.update('indicator', indicator.id, { targetValue: 60 }))).toMatch(/^Convention signée/);
    expect(editor().send((m) => m.text('article', snapshot.articles[0]!.id, 'body').insert(0, 'x'))).toMatch(/^Convention signée/);
    expect(editor().send((m) => m.ydoc.getText('convention.preamble').insert(0, 'x'))).toMatch(/^Convention signée/);
    expect(editor().send((m) => m.update('action', late.id, { endDate: '2028-12-31' }))).toMatch(/^Convention signée/);

    expect(editor().send((m) => openAmendment(as(m, 'ccvs'), 'Report de l’action 4.1.1', ['action:4.1.1']))).toBeNull();
    expect(editor().send((m) => m.update('action', late.id, { endDate: '2028-12-31' }))).toBeNull();
    expect(editor().send((m) => m.add('milestone', { label: 'Report', date: '2028-06-01' }, { parent: late.id }))).toBeNull();
    expect(editor().send((m) => m.update('action', other.id, { endDate: '2028-12-31' }))).toMatch(/^Convention signée/);
    expect(env.snapshot().axes.flatMap((a) => a.objectives.flatMap((o) => o.actions)).find((a) => a.id === late.id)?.milestones.map((x) => x.label)).toContain('Report');
  });
});

describe('the review log’s rules', () => {
  it('refuses an act forged for another party, an editor’s act by a comment peer, a rewrite and a deletion', () => {
    const env = setup();
    const article = { kind: 'article', id: env.snapshot().articles[0]!.id } as const;
    // A fresh client for each change: a refused change stays on its client.
    const caf = () => env.connect('caf');
    const msa = () => env.connect('msa', 'comment');
    expect(caf().send((m) => recordSignoff(as(m, 'ccvs'), article, 'propose'))).toBe(REVIEW_REFUSALS.identity);
    expect(caf().send((m) => recordSignoff(as(m, 'caf', 'edit', 'Quelqu’un d’autre'), article, 'propose'))).toBe(REVIEW_REFUSALS.identity);
    // The model refuses it on the client already; a client that skips that check meets the server's.
    expect(msa().send((m) => recordSignoff(as(m, 'msa', 'edit'), article, 'propose'))).toBe(REVIEW_REFUSALS.editorAct);
    expect(env.doc.getMap('reviews').size).toBe(0);

    expect(caf().send((m) => recordSignoff(as(m, 'caf'), article, 'propose'))).toBeNull();
    const [id, event] = [...env.doc.getMap('reviews').entries()][0]!;
    expect(caf().send((m) => reviewMap(m.ydoc).set(id, { ...(event as object), reason: 'réécrit' }))).toBe(REVIEW_REFUSALS.rewrite);
    expect(caf().send((m) => reviewMap(m.ydoc).delete(id))).toBe(REVIEW_REFUSALS.rewrite);
    expect(caf().send((m) => reviewMap(m.ydoc).set('rev_autre', { ...(event as object) }))).toBe(REVIEW_REFUSALS.malformed);
    expect(caf().send((m) => reviewMap(m.ydoc).set('rev_x', new Y.Map()))).toBe(REVIEW_REFUSALS.malformed);
    expect(msa().send((m) => recordSignoff(as(m, 'msa', 'comment'), article, 'validate'))).toBeNull();
    expect(env.doc.getMap('reviews').size).toBe(2);
  });

  it('holds an update it cannot trace while locks exist, and applies it once its base arrives', () => {
    const env = setup();
    const [first, , third] = env.snapshot().articles;
    validateAll(env, { kind: 'article', id: third!.id });
    const editor = env.connect('ccvs');
    const text = editor.model.text('article', first!.id, 'body');
    const s0 = Y.encodeStateVector(editor.model.ydoc);
    text.insert(0, 'A');
    const s1 = Y.encodeStateVector(editor.model.ydoc);
    text.insert(1, 'B');
    const second = Y.encodeStateAsUpdate(editor.model.ydoc, s1);
    const firstUpdate = Y.encodeStateAsUpdate(editor.model.ydoc, s0);
    expect(refusalOf(handleFrame(env.room, editor.peer, encodeUpdate(second)))).toBeNull();
    expect(editor.peer.held).toHaveLength(1);
    expect(refusalOf(handleFrame(env.room, editor.peer, encodeUpdate(firstUpdate)))).toBeNull();
    expect(editor.peer.held).toHaveLength(0);
    expect(env.snapshot().articles[0]!.body).toMatch(/^AB/);
  });

  it('keeps its lock policy while people only type in text fields', () => {
    const env = setup();
    const [first, , third] = env.snapshot().articles;
    validateAll(env, { kind: 'article', id: third!.id });
    const policy = env.room.locks.current();
    expect(policy?.idle).toBe(false);
    const editor = env.connect('ccvs');
    expect(editor.send((m) => m.text('article', first!.id, 'body').insert(0, 'x'))).toBeNull();
    expect(env.room.locks.current()).toBe(policy);
    expect(editor.send((m) => m.update('article', first!.id, { number: 9 }))).toBeNull();
    expect(env.room.locks.current()).not.toBe(policy);
  });
});
