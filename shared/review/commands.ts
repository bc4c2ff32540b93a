// Recording review acts: sign-off acts, convention status changes, opening an avenant. Each checks the act against
// the current state first (a refused act throws a French ModelError and writes nothing), then writes its event —
// and for a status change the status itself — in one transaction.
import type { ConventionDoc } from '../doc/convention-doc.ts';
import { ModelError } from '../doc/errors.ts';
import { newId } from '../ids.ts';
import { readSnapshot } from '../snapshot.ts';
import type { ConventionStatus } from '../vocabulary.ts';
import type { Actor, ReviewEvent, SignoffAct, SignoffSubject } from './events.ts';
import { EDITOR_ACTS } from './events.ts';
import { readReviewLog, type Review, reviewMap, reviewOf } from './review.ts';
import { signoffRefusal } from './signoff.ts';
import { type StatusCheck, statusRefusal } from './status.ts';

export type Access = 'edit' | 'comment' | 'view';

export interface ReviewContext {
  readonly model: ConventionDoc;
  readonly actor: Actor;
  readonly access: Access;
  /** The writer's clock (ISO); tests pass a fixed one. */
  readonly now?: () => string;
}

export function currentReview(model: ConventionDoc): Review {
  return reviewOf(readSnapshot(model.ydoc), readReviewLog(model.ydoc));
}

/** Records a sign-off act on an article, a fiche action or an avenant. */
export function recordSignoff(ctx: ReviewContext, subject: SignoffSubject, act: SignoffAct, reason = ''): ReviewEvent {
  checkAccess(ctx, act);
  const review = currentReview(ctx.model);
  if (!isLivePart(review, subject)) throw new ModelError('review-unknown-part', 'Cette partie n’existe plus dans la convention.', 'This part no longer exists in the convention.');
  const refusal = signoffRefusal(review.signoff(subject), act, ctx.actor, review.signatories, reason);
  if (refusal) throw new ModelError(`signoff-${act}-refused`, refusal.fr, refusal.en);
  return append(ctx, review, { act, subject, reason: reason.trim() });
}

/** Moves the convention to another status (one step), recording who, when and why. */
export function changeStatus(ctx: ReviewContext, to: ConventionStatus, reason: string, check: StatusCheck): ReviewEvent {
  checkAccess(ctx, 'status');
  const review = currentReview(ctx.model);
  const from = review.snapshot.convention.status;
  const refusal = statusRefusal(from, to, reason, check);
  if (refusal) throw new ModelError('status-refused', refusal.fr, refusal.en);
  return ctx.model.transact(() => {
    ctx.model.setSingleton('convention', { status: to });
    return append(ctx, review, { act: 'status', from, to, reason: reason.trim() });
  });
}

/** Opens avenant n° N+1 on a signed convention, naming the parts it changes (`action:2.1.3`, `article:4`…). */
export function openAmendment(ctx: ReviewContext, purpose: string, affected: readonly string[]): string {
  checkAccess(ctx, 'propose');
  const review = currentReview(ctx.model);
  if (!review.locks.frozen)
    throw new ModelError('amendment-unsigned', 'La convention n’est pas encore signée : modifiez-la directement, sans avenant.', 'The convention is not signed yet: edit it directly, no amendment needed.');
  if (purpose.trim() === '') throw new ModelError('amendment-purpose', 'Indiquez l’objet de l’avenant.', 'Give the amendment’s purpose.');
  if (affected.length === 0) throw new ModelError('amendment-affected', 'Indiquez au moins une partie modifiée par l’avenant.', 'Name at least one part the amendment changes.');
  const number = Math.max(0, ...review.snapshot.amendments.map((a) => a.number)) + 1;
  return ctx.model.add('amendment', { number, purpose: purpose.trim(), affected: [...affected], status: 'projet', signatoryIds: [] });
}

function checkAccess(ctx: ReviewContext, act: SignoffAct | 'status'): void {
  if (ctx.access === 'view' || (ctx.access === 'comment' && EDITOR_ACTS.has(act)))
    throw new ModelError('review-access', 'Votre accès ne permet pas cette action : demandez un lien « édition ».', 'Your access does not allow this: ask for an “edit” link.');
}

function isLivePart(review: Review, subject: SignoffSubject): boolean {
  const s = review.snapshot;
  if (subject.kind === 'article') return s.articles.some((a) => a.id === subject.id);
  if (subject.kind === 'amendment') return s.amendments.some((a) => a.id === subject.id);
  return s.axes.some((axis) => axis.objectives.some((o) => o.actions.some((a) => a.id === subject.id)));
}

type Draft = { act: SignoffAct; subject: SignoffSubject; reason: string } | { act: 'status'; from: ConventionStatus; to: ConventionStatus; reason: string };

function append(ctx: ReviewContext, review: Review, draft: Draft): ReviewEvent {
  const seq = Math.max(0, ...review.events.map((e) => e.seq)) + 1;
  const event = { id: newId('rev'), seq, at: (ctx.now ?? (() => new Date().toISOString()))(), by: { name: ctx.actor.name, party: ctx.actor.party }, ...draft } as ReviewEvent;
  ctx.model.transact(() => reviewMap(ctx.model.ydoc).set(event.id, event));
  return event;
}
