import { describe, expect, it } from 'vitest';
import { readSnapshot } from '../snapshot.ts';
import { changeStatus, currentReview, openAmendment, recordSignoff } from './commands.ts';
import { as, negotiatingSample } from './testing.ts';

const PARTIES = ['caf', 'ccvs', 'cd', 'msa'];
const ok = { blockingErrors: 0 };

function validateAll(model: ReturnType<typeof negotiatingSample>, subject: { kind: 'article' | 'action' | 'amendment'; id: string }) {
  recordSignoff(as(model, 'caf'), subject, 'propose');
  for (const party of PARTIES) recordSignoff(as(model, party), subject, 'validate');
}

function sign(model: ReturnType<typeof negotiatingSample>) {
  changeStatus(as(model, 'caf'), 'validation', '', ok);
  changeStatus(as(model, 'caf'), 'signee', '', ok);
}

const actionOf = (model: ReturnType<typeof negotiatingSample>, code: string) => {
  for (const axis of readSnapshot(model.ydoc).axes) for (const o of axis.objectives) for (const a of o.actions) if (a.code === code) return a;
  throw new Error(code);
};

describe('locks', () => {
  it('nothing is locked while negotiating and nothing is validated', () => {
    const model = negotiatingSample();
    const review = currentReview(model);
    expect(review.locks.idle).toBe(true);
    expect(review.locks.lockOf({ kind: 'article', id: review.snapshot.articles[0]!.id, field: 'body' })).toBeNull();
  });

  it('a validated fiche action locks its fields, its milestones and budget lines, not its follow-up', () => {
    const model = negotiatingSample();
    const action = actionOf(model, '4.1.1');
    validateAll(model, { kind: 'action', id: action.id });
    const { locks } = currentReview(model);
    expect(locks.lockOf({ kind: 'action', id: action.id, field: 'title' })?.message.fr).toMatch(/^Verrouillé : la fiche action 4\.1\.1 a reçu la validation de toutes les parties \(Caisse d.allocations familiales de la Sorlaine, /);
    expect(locks.lockOf({ kind: 'action', id: action.id, field: 'pos' })).not.toBeNull();
    const budget = action.budgetLines[0];
    if (budget) {
      expect(locks.lockOf({ kind: 'budgetLine', id: budget.id, field: 'planned' })?.message.fr).toMatch(/et ce qui en dépend/);
      expect(locks.lockOf({ kind: 'budgetLine', id: budget.id, field: 'realised' })).toBeNull();
    }
    expect(locks.lockOf({ kind: 'milestone', id: 'ms_nouveau', field: '*', parent: action.id })).not.toBeNull();
    expect(locks.lockOf({ kind: 'action', id: action.id, field: 'statusByYear' })).toBeNull();
    const other = actionOf(model, '1.1.1');
    expect(locks.lockOf({ kind: 'action', id: other.id, field: 'title' })).toBeNull();
  });

  it('reopening unlocks, with the reason in the history', () => {
    const model = negotiatingSample();
    const article = readSnapshot(model.ydoc).articles[2]!;
    validateAll(model, { kind: 'article', id: article.id });
    recordSignoff(as(model, 'ccvs'), { kind: 'article', id: article.id }, 'reopen', 'Reformuler après le Copil');
    const review = currentReview(model);
    expect(review.locks.lockOf({ kind: 'article', id: article.id, field: 'body' })).toBeNull();
    expect(review.signoff({ kind: 'article', id: article.id }).history.at(-1)?.event.reason).toBe('Reformuler après le Copil');
  });

  it('signature freezes the text but not the follow-up; an avenant opens what it names until it is signed', () => {
    const model = negotiatingSample();
    sign(model);
    const action = actionOf(model, '4.1.1');
    const indicator = readSnapshot(model.ydoc).axes[0]!.objectives[0]!.indicators[0]!;
    let { locks } = currentReview(model);
    expect(locks.lockOf({ kind: 'action', id: action.id, field: 'endDate' })?.cause).toBe('signature');
    expect(locks.lockOf({ kind: 'convention', id: 'convention', field: 'preamble' })?.cause).toBe('signature');
    expect(locks.lockOf({ kind: 'convention', id: 'convention', field: 'status' })).toBeNull();
    expect(locks.lockOf({ kind: 'indicator', id: indicator.id, field: 'values' })).toBeNull();
    expect(locks.lockOf({ kind: 'indicator', id: indicator.id, field: 'targetValue' })?.cause).toBe('signature');
    expect(locks.lockOf({ kind: 'thread', id: 'th_x', field: '*' })).toBeNull();

    const amendment = openAmendment(as(model, 'caf'), 'Report du calendrier de l’action 4.1.1', ['action:4.1.1']);
    ({ locks } = currentReview(model));
    expect(locks.lockOf({ kind: 'action', id: action.id, field: 'endDate' })).toBeNull();
    expect(locks.lockOf({ kind: 'milestone', id: 'ms_nouveau', field: '*', parent: action.id })).toBeNull();
    expect(locks.lockOf({ kind: 'action', id: actionOf(model, '1.1.1').id, field: 'endDate' })?.cause).toBe('signature');

    validateAll(model, { kind: 'amendment', id: amendment });
    const review = currentReview(model);
    expect(review.snapshot.amendments.find((a) => a.id === amendment)?.status).toBe('signe');
    expect(review.locks.lockOf({ kind: 'action', id: action.id, field: 'endDate' })?.cause).toBe('signature');
    expect(review.locks.lockOf({ kind: 'amendment', id: amendment, field: 'purpose' })?.cause).toBe('signoff');
  });

  it('an avenant needs a signed convention, a purpose and at least one part', () => {
    const model = negotiatingSample();
    expect(() => openAmendment(as(model, 'caf'), 'Objet', ['action:4.1.1'])).toThrow(/pas encore signée/);
    sign(model);
    expect(() => openAmendment(as(model, 'caf'), ' ', ['action:4.1.1'])).toThrow(/objet/);
    expect(() => openAmendment(as(model, 'caf'), 'Objet', [])).toThrow(/au moins une partie/);
    expect(openAmendment(as(model, 'caf'), 'Objet', ['article:4'])).toMatch(/^\w+_/);
    expect(currentReview(model).snapshot.amendments.map((a) => a.number)).toEqual([1]);
  });
});
