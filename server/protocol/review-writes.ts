// The review log accepts only new, well-formed events signed with the writer's own identity: every entry of the
// `reviews` root is written once, under its event id, by the person and party of the token, with a seq no lower than
// any event the server holds (an old seq would sort a new act before past ones and rewrite what they decided; an
// equal one is a genuinely concurrent act) and an ISO timestamp; a sign-off act must still apply to the part as the
// server's log leaves it (a withdrawal after the last validation is too late: reopening is the way); the acts kept
// for editors (propose, reopen, status) need `edit` access. The convention's status moves only together with its
// `status` event (status-writes.ts). Pure: the traced update in, a French refusal or null out.
import type * as Y from 'yjs';
import {
  applySignoff,
  compareEvents,
  EDITOR_ACTS,
  parseReviewEvent,
  REVIEW_ROOT,
  readReviewLog,
  readSnapshot,
  reviewOf,
  type SignoffEvent,
  type SignoffState,
  type StatusEvent,
  signoffRefusal,
  subjectKey,
} from '../../shared/index.ts';
import { statusWriteRefusal } from './status-writes.ts';
import type { Touch } from './update-reach.ts';
import { lastValue } from './update-targets.ts';

export interface ReviewWriter {
  readonly access: 'edit' | 'comment' | 'view';
  /** Who the token names: the only identity an event may carry. */
  readonly author: { readonly name: string; readonly party: string };
}

export const REVIEW_REFUSALS = {
  malformed: 'Journal de relecture : entrée illisible refusée. Mettez à jour le complément puis recommencez.',
  rewrite: 'Journal de relecture : une entrée enregistrée ne peut être ni modifiée ni supprimée. Enregistrez un nouvel acte (retrait, réouverture) à la place.',
  identity: 'Journal de relecture : un acte ne peut être enregistré qu’à votre nom et pour votre partie. Reconnectez-vous avec votre propre lien.',
  editorAct: 'Journal de relecture : proposer, rouvrir ou changer le statut demande un accès « édition ». Demandez ce lien à un éditeur.',
  stale: 'Journal de relecture : d’autres actes ont été enregistrés entre-temps et le vôtre passerait avant eux. Rechargez la convention puis recommencez.',
  tooLate: 'Journal de relecture : acte refusé, la partie a changé entre-temps (rechargez la convention) :',
} as const;

/** `2026-11-29T09:52:32.123Z` or with an offset, as `Date#toISOString` and the clients write it. */
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const isIsoTimestamp = (at: string): boolean => ISO_TIMESTAMP.test(at) && !Number.isNaN(Date.parse(at));

/** Null when every write to the review log (and to the status) is a new event of the writer's own; else why not. */
export function reviewWriteRefusal(doc: Y.Doc, touches: readonly Touch[], writer: ReviewWriter): string | null {
  const log = doc.getMap(REVIEW_ROOT);
  const written = new Set<string>();
  const statusEvents: StatusEvent[] = [];
  const signoffEvents: SignoffEvent[] = [];
  let highest: number | null = null;
  for (const { change, place, item } of touches) {
    if (place.root !== REVIEW_ROOT) continue;
    if (change === 'delete') return REVIEW_REFUSALS.rewrite;
    const key = place.keys[0];
    if (place.deep || key === undefined || place.keys.length !== 1 || item.length !== 1) return REVIEW_REFUSALS.malformed;
    // An entry the log holds (even one deleted long ago) or writes twice is being rewritten.
    if (log._map.has(key) || written.has(key) || item.origin !== null) return REVIEW_REFUSALS.rewrite;
    written.add(key);
    const event = parseReviewEvent(lastValue(item));
    if (!event || event.id !== key || !isIsoTimestamp(event.at)) return REVIEW_REFUSALS.malformed;
    if (event.by.party !== writer.author.party || event.by.name !== writer.author.name) return REVIEW_REFUSALS.identity;
    if (EDITOR_ACTS.has(event.act) && writer.access !== 'edit') return REVIEW_REFUSALS.editorAct;
    highest ??= Math.max(0, ...readReviewLog(doc).map((e) => e.seq));
    if (event.seq < highest) return REVIEW_REFUSALS.stale;
    if (event.act === 'status') statusEvents.push(event);
    else signoffEvents.push(event);
  }
  return signoffRefusalNow(doc, signoffEvents) ?? statusWriteRefusal(doc, touches, statusEvents);
}

/** The first new sign-off act that no longer applies to its part as the server's log (and the acts before it) leave it. */
function signoffRefusalNow(doc: Y.Doc, events: SignoffEvent[]): string | null {
  if (events.length === 0) return null;
  const review = reviewOf(readSnapshot(doc), readReviewLog(doc));
  const states = new Map<string, SignoffState>();
  for (const event of events.sort(compareEvents)) {
    const key = subjectKey(event.subject);
    const state = states.get(key) ?? review.signoff(event.subject);
    const refusal = signoffRefusal(state, event.act, event.by, review.signatories, event.reason);
    if (refusal) return `${REVIEW_REFUSALS.tooLate} ${refusal.fr}`;
    states.set(key, applySignoff(state, event, review.signatories));
  }
  return null;
}
