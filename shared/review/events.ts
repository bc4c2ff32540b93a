// The review log's events: sign-off acts on an article, a fiche action or an avenant, and convention status changes.
// Each event is written once, as one plain JSON value, in the top-level `reviews` map; nothing is ever changed or
// removed, so the log is the record of who did what, for which party, when and why.
import type { ConventionStatus } from '../vocabulary.ts';
import { CONVENTION_STATUSES } from '../vocabulary.ts';
import { isValidId } from '../ids.ts';

/** The top-level Y.Map holding the review log (event id → event). */
export const REVIEW_ROOT = 'reviews';

export const SIGNOFF_KINDS = ['article', 'action', 'amendment'] as const;
export type SignoffKind = (typeof SIGNOFF_KINDS)[number];

/** What can be signed off: an article, a fiche action, an avenant. */
export interface SignoffSubject {
  readonly kind: SignoffKind;
  readonly id: string;
}

export const SIGNOFF_ACTS = ['propose', 'validate', 'withdraw', 'reopen'] as const;
export type SignoffAct = (typeof SIGNOFF_ACTS)[number];

/** Acts only an `edit` participant may record; the others are open to `comment` participants too. */
export const EDITOR_ACTS: ReadonlySet<ReviewAct> = new Set<ReviewAct>(['propose', 'reopen', 'status']);

export type ReviewAct = SignoffAct | 'status';

export interface Actor {
  readonly name: string;
  /** The token's party: the organisation id of a signatory when the person signs for it. */
  readonly party: string;
}

interface EventBase {
  readonly id: string;
  /** Lamport clock: one more than the highest seq in the log when written; ties are broken by id. */
  readonly seq: number;
  /** ISO timestamp of the writer's clock. */
  readonly at: string;
  readonly by: Actor;
  /** Why: required to reopen and to step a status back, optional elsewhere. */
  readonly reason: string;
}

export interface SignoffEvent extends EventBase {
  readonly act: SignoffAct;
  readonly subject: SignoffSubject;
}

export interface StatusEvent extends EventBase {
  readonly act: 'status';
  readonly from: ConventionStatus;
  readonly to: ConventionStatus;
}

export type ReviewEvent = SignoffEvent | StatusEvent;

export const subjectKey = (subject: SignoffSubject): string => `${subject.kind}:${subject.id}`;

/** Log order: by seq, then id — the same on every peer whatever the order events arrived in. */
export function compareEvents(a: ReviewEvent, b: ReviewEvent): number {
  return a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const MAX_TEXT = 2000;
const isText = (value: unknown, max = MAX_TEXT): value is string => typeof value === 'string' && value.length <= max;
const isStatus = (value: unknown): value is ConventionStatus =>
  typeof value === 'string' && (CONVENTION_STATUSES.codes as readonly string[]).includes(value);

/** Reads one stored value as an event; null for anything malformed (the server refuses those, readers skip them). */
export function parseReviewEvent(value: unknown): ReviewEvent | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const by = v.by as Record<string, unknown> | null | undefined;
  if (!isValidId(v.id) || !Number.isSafeInteger(v.seq) || (v.seq as number) < 1 || !isText(v.at, 40)) return null;
  if (typeof by !== 'object' || by === null || !isText(by.name, 200) || !isText(by.party, 200) || by.party === '') return null;
  const base = { id: v.id, seq: v.seq as number, at: v.at, by: { name: by.name, party: by.party }, reason: isText(v.reason) ? v.reason : '' };
  if (v.act === 'status') {
    return isStatus(v.from) && isStatus(v.to) ? { ...base, act: 'status', from: v.from, to: v.to } : null;
  }
  const subject = v.subject as Record<string, unknown> | null | undefined;
  if (!(SIGNOFF_ACTS as readonly unknown[]).includes(v.act) || typeof subject !== 'object' || subject === null) return null;
  if (!(SIGNOFF_KINDS as readonly unknown[]).includes(subject.kind) || !isValidId(subject.id)) return null;
  return { ...base, act: v.act as SignoffAct, subject: { kind: subject.kind as SignoffKind, id: subject.id } };
}
