// The server enforces the review locks and the review log's rules: pure sessions over the sample convention.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  changeStatus,
  type ConventionDoc,
  type ConventionStatus,
  currentReview,
  openAmendment,
  recordSignoff,
  reviewMap,
} from '../../shared/index.ts';
import { as } from '../../shared/review/testing.ts';
import { encodeUpdate } from './messages.ts';
import { REVIEW_REFUSALS } from './review-writes.ts';
import { STATUS_REFUSALS } from './status-writes.ts';
import { handleFrame } from './session.ts';
import { refusalOf, setup } from './testing.ts';

const PARTIES = ['caf', 'ccvs', 'cd', 'msa'];
const ok = { blockingErrors: 0 };

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
    expect(editor().send((m) => m.add('milestone', { label: 'Inauguration' }, { parent: action.id }))).toMatch(/^Verrouillé : la fiche action 1\.1\.1 \(et ce qui en dépend\) a reçu/);
    expect(editor().send((m) => m.update('budgetLine', action.budgetLines[0]!.id, { planned: { '2025': 1 } }))).toMatch(/et ce qui en dépend/);
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

/** A status event written by hand, as a client that skips the model's checks would. */
function forgeStatus(model: ConventionDoc, party: string, from: ConventionStatus, to: ConventionStatus, options: { write?: boolean; reason?: string } = {}) {
  const seq = Math.max(0, ...currentReview(model).events.map((e) => e.seq)) + 1;
  const id = `rev_forged${seq}`;
  model.transact(() => {
    if (options.write ?? true) model.setSingleton('convention', { status: to });
    reviewMap(model.ydoc).set(id, { id, seq, at: '2026-03-12T10:00:00.000Z', by: { name: `Agent ${party}`, party }, reason: options.reason ?? '', act: 'status', from, to });
  });
}

describe('the convention status moves only with its review act', () => {
  const statusNow = (env: ReturnType<typeof setup>) => env.snapshot().convention.status;

  it('refuses a bare status write, even while nothing is locked, and takes the step recorded with its act', () => {
    const env = setup();
    const editor = () => env.connect('ccvs');
    expect(env.room.locks.current()).toBeNull();
    expect(editor().send((m) => m.setSingleton('convention', { status: 'signee' }))).toBe(STATUS_REFUSALS.withoutEvent);
    expect(editor().send((m) => m.ydoc.getMap('convention').delete('status'))).toBe(STATUS_REFUSALS.withoutEvent);
    expect(editor().send((m) => forgeStatus(m, 'ccvs', 'negociation', 'validation', { write: false }))).toBe(STATUS_REFUSALS.withoutWrite);
    expect(editor().send((m) => forgeStatus(m, 'ccvs', 'preparation', 'diagnostic'))).toMatch(/^Statut de la convention : il a changé entre-temps \(« Négociation/);
    expect(editor().send((m) => forgeStatus(m, 'ccvs', 'negociation', 'signee'))).toMatch(/^On passe de « Négociation » à l'étape suivante ou précédente/);
    expect(editor().send((m) => forgeStatus(m, 'ccvs', 'negociation', 'diagnostic'))).toMatch(/^Indiquez pourquoi la convention revient en arrière/);
    expect(statusNow(env)).toBe('negociation');
    expect(env.doc.getMap('reviews').size).toBe(0);
    // Rewriting the same value changes nothing and is taken.
    expect(editor().send((m) => m.ydoc.getMap('convention').set('status', 'negociation'))).toBeNull();
    expect(editor().send((m) => changeStatus(as(m, 'ccvs'), 'validation', '', ok))).toBeNull();
    expect(editor().send((m) => changeStatus(as(m, 'ccvs'), 'signee', '', ok))).toBeNull();
    expect(statusNow(env)).toBe('signee');
  });

  it('never takes a signed convention back, even with a forged act, and takes the next step', () => {
    const env = setup();
    changeStatus(as(env.server, 'caf'), 'validation', '', ok);
    changeStatus(as(env.server, 'caf'), 'signee', '', ok);
    const editor = () => env.connect('ccvs');
    expect(editor().send((m) => m.setSingleton('convention', { status: 'validation' }))).toBe(STATUS_REFUSALS.withoutEvent);
    expect(editor().send((m) => forgeStatus(m, 'ccvs', 'signee', 'validation', { reason: 'Erreur' }))).toMatch(/^La convention est signée : impossible de revenir à « Validation/);
    expect(editor().send((m) => forgeStatus(m, 'ccvs', 'signee', 'preparation', { reason: 'Erreur' }))).toMatch(/^La convention est signée/);
    expect(statusNow(env)).toBe('signee');
    expect(editor().send((m) => changeStatus(as(m, 'ccvs'), 'en_cours', '', ok))).toBeNull();
    expect(statusNow(env)).toBe('en_cours');
  });
});

describe('review events come after the log the server holds', () => {
  it('refuses a withdrawal reusing an old seq to sort before the last validation', () => {
    const env = setup();
    const article = { kind: 'article', id: env.snapshot().articles[0]!.id } as const;
    expect(env.connect('caf').send((m) => recordSignoff(as(m, 'caf'), article, 'propose'))).toBeNull();
    for (const party of ['msa', 'caf', 'ccvs', 'cd']) {
      expect(env.connect(party, 'comment').send((m) => recordSignoff(as(m, party, 'comment'), article, 'validate'))).toBeNull();
    }
    expect(currentReview(env.server).signoff(article).stage).toBe('valide');
    // msa validated at seq 2; a withdrawal at seq 3 whose id sorts first would come before the other validations.
    const forged = (seq: number) => (m: ConventionDoc) =>
      reviewMap(m.ydoc).set('rev_0', { id: 'rev_0', seq, at: '2026-03-12T10:00:00.000Z', by: { name: 'Agent msa', party: 'msa' }, reason: '', act: 'withdraw', subject: article });
    expect(env.connect('msa', 'comment').send(forged(3))).toBe(REVIEW_REFUSALS.stale);
    // At the log's highest seq it would be concurrent with the last validation, but it is judged against the log.
    expect(env.connect('msa', 'comment').send(forged(5))).toMatch(/^Journal de relecture : acte refusé.*Rien à retirer/);
    expect(currentReview(env.server).signoff(article).stage).toBe('valide');
    // The client's own seq (the log's highest plus one) is taken; so is a badly dated act refused.
    expect(
      env.connect('msa', 'comment').send((m) =>
        reviewMap(m.ydoc).set('rev_1', { id: 'rev_1', seq: 6, at: 'hier', by: { name: 'Agent msa', party: 'msa' }, reason: '', act: 'withdraw', subject: article }),
      ),
    ).toBe(REVIEW_REFUSALS.malformed);
    expect(env.connect('cd').send((m) => recordSignoff(as(m, 'cd'), article, 'reopen', 'Reformuler'))).toBeNull();
    expect(currentReview(env.server).signoff(article).stage).toBe('brouillon');
  });
});

describe('concurrent sign-offs', () => {
  it('accepts validations by two parties who had seen the same log (equal seqs)', () => {
    const env = setup();
    const article = { kind: 'article', id: env.snapshot().articles[1]!.id } as const;
    expect(env.connect('caf').send((m) => recordSignoff(as(m, 'caf'), article, 'propose'))).toBeNull();
    // cd records its validation before it hears of ccvs's: both acts carry the same seq.
    const cd = env.connect('cd', 'comment');
    const emitted: Uint8Array[] = [];
    cd.model.ydoc.on('update', (update: Uint8Array) => emitted.push(update));
    recordSignoff(as(cd.model, 'cd', 'comment'), article, 'validate');
    expect(env.connect('ccvs', 'comment').send((m) => recordSignoff(as(m, 'ccvs', 'comment'), article, 'validate'))).toBeNull();
    expect(refusalOf(handleFrame(env.room, cd.peer, encodeUpdate(Y.mergeUpdates(emitted))))).toBeNull();
    const events = currentReview(env.server).events;
    expect(events.at(-1)?.seq).toBe(events.at(-2)?.seq);
    expect(currentReview(env.server).signoff(article).validatedBy).toEqual(expect.arrayContaining(['ccvs', 'cd']));
  });
});

describe('the cached lock policy', () => {
  it('is kept after signature while people record the follow-up', () => {
    const env = setup();
    changeStatus(as(env.server, 'caf'), 'validation', '', ok);
    changeStatus(as(env.server, 'caf'), 'signee', '', ok);
    const action = env.snapshot().axes.flatMap((a) => a.objectives.flatMap((o) => o.actions))[0]!;
    const indicator = env.snapshot().axes[0]!.objectives[0]!.indicators[0]!;
    const policy = env.room.locks.current();
    expect(policy?.frozen).toBe(true);
    const editor = () => env.connect('ccvs');
    expect(editor().send((m) => m.update('indicator', indicator.id, { values: { '2027': 51 } }))).toBeNull();
    expect(editor().send((m) => m.update('budgetLine', action.budgetLines[0]!.id, { realised: { '2026': 1000 } }))).toBeNull();
    expect(editor().send((m) => m.update('action', action.id, { statusByYear: { '2027': { status: 'en_cours', comment: '', decision: '' } } }))).toBeNull();
    expect(env.room.locks.current()).toBe(policy);
  });
});
