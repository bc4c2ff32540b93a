// The review state of a convention, read from its Y.Doc: the log, each part's sign-off, and the lock policy. What
// the pane shows and what the server enforces come from this one function.
import type * as Y from 'yjs';
import type { ConventionSnapshot } from '../types.ts';
import { compareEvents, parseReviewEvent, REVIEW_ROOT, type ReviewEvent, type SignoffSubject, subjectKey } from './events.ts';
import { type LockPolicy, lockPolicy } from './locks.ts';
import { foldSignoffs, initialState, type SignoffStage, type SignoffState, stageOfArticleStatus } from './signoff.ts';

export interface Review {
  /** Every well-formed event, in log order. */
  readonly events: readonly ReviewEvent[];
  /** Organisation ids of the signatories: the parties whose validation counts. */
  readonly signatories: readonly string[];
  signoff(subject: SignoffSubject): SignoffState;
  readonly locks: LockPolicy;
  /** The snapshot with each article's and avenant's status as its sign-off says (agreed, signe…). */
  readonly snapshot: ConventionSnapshot;
}

export const reviewMap = (ydoc: Y.Doc): Y.Map<unknown> => ydoc.getMap(REVIEW_ROOT);

export function readReviewLog(ydoc: Y.Doc): ReviewEvent[] {
  const events: ReviewEvent[] = [];
  reviewMap(ydoc).forEach((value, key) => {
    const event = parseReviewEvent(value);
    if (event && event.id === key) events.push(event);
  });
  return events.sort(compareEvents);
}

/** The review of `snapshot` (as `readSnapshot` returns it, stored statuses) given the log's events. */
export function reviewOf(snapshot: ConventionSnapshot, events: readonly ReviewEvent[]): Review {
  const signatories = snapshot.signatories.map((s) => s.organisationId);
  const initial = (subject: SignoffSubject): SignoffStage => {
    if (subject.kind === 'article') {
      const article = snapshot.articles.find((a) => a.id === subject.id);
      return article ? stageOfArticleStatus(article.status) : 'brouillon';
    }
    if (subject.kind === 'amendment') return snapshot.amendments.find((a) => a.id === subject.id)?.status === 'signe' ? 'valide' : 'brouillon';
    return 'brouillon';
  };
  const states = foldSignoffs(events, signatories, initial);
  const signoff = (subject: SignoffSubject): SignoffState =>
    states.get(subjectKey(subject)) ?? initialState(subject, initial(subject), signatories);
  const reviewed: ConventionSnapshot = {
    ...snapshot,
    articles: snapshot.articles.map((a) => {
      const stage = signoff({ kind: 'article', id: a.id }).stage;
      return { ...a, status: stage === 'valide' ? 'agreed' : stage === 'propose' ? 'in_review' : 'draft' };
    }),
    amendments: snapshot.amendments.map((a) => (signoff({ kind: 'amendment', id: a.id }).stage === 'valide' ? { ...a, status: 'signe' } : a)),
  };
  return { events, signatories, signoff, locks: lockPolicy(reviewed, signoff), snapshot: reviewed };
}
