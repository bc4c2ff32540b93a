// The convention's status moves only with its review act: a write to `convention.status` must come in the same update
// as a new `status` event of the review log naming the move (`from` the status the server holds, `to` the value
// written) that the status rules allow, and a `status` event must come with that write. Signature freezes the text,
// so no update ever takes a signed convention back. Blocking validation errors are the pane's check, not this one:
// they depend on the writer's clock (dates, periods) and would refuse a signature the signer's pane allowed.
// Pure: the traced update in, a French refusal or null out.
import type * as Y from 'yjs';
import { CONVENTION_STATUSES, type ConventionStatus, STATUS_ORDER, type StatusEvent, statusRefusal } from '../../shared/index.ts';
import type { Touch } from './update-reach.ts';
import { lastValue } from './update-targets.ts';

export const STATUS_REFUSALS = {
  withoutEvent:
    'Statut de la convention : il ne change que par l’onglet Revue, qui enregistre l’étape, son auteur et son motif. Rechargez la convention puis recommencez.',
  withoutWrite:
    'Statut de la convention : l’acte « changement de statut » doit accompagner le nouveau statut. Rechargez la convention puis recommencez.',
  stale: (now: ConventionStatus | undefined) =>
    `Statut de la convention : il a changé entre-temps (« ${now ? (CONVENTION_STATUSES.labels[now]?.fr ?? now) : '?'} » maintenant). Rechargez la convention puis recommencez.`,
} as const;

/**
 * Null when the update leaves the status alone, or moves it one allowed step together with its event; else why not.
 * `events` are the update's new, well-formed `status` events (review-writes.ts parses them).
 */
export function statusWriteRefusal(doc: Y.Doc, touches: readonly Touch[], events: readonly StatusEvent[]): string | null {
  const written: unknown[] = [];
  let removed = false;
  for (const { change, place, item } of touches) {
    if (place.root !== 'convention' || place.keys[0] !== 'status') continue;
    if (change === 'delete') removed = true;
    else written.push(place.deep ? undefined : lastValue(item));
  }
  if (written.length === 0) {
    if (removed) return STATUS_REFUSALS.withoutEvent;
    return events.length > 0 ? STATUS_REFUSALS.withoutWrite : null;
  }
  // As the model reads it: a missing status is the first step.
  const current = (doc.getMap('convention').get('status') as ConventionStatus | undefined) ?? STATUS_ORDER[0];
  const value = written[written.length - 1];
  if (written.some((w) => w !== value) || typeof value !== 'string') return STATUS_REFUSALS.withoutEvent;
  // The same value again changes nothing (a client rewriting a whole form).
  if (events.length === 0) return value === current ? null : STATUS_REFUSALS.withoutEvent;
  const [event] = events;
  if (events.length > 1 || !event || event.to !== value) return STATUS_REFUSALS.withoutWrite;
  if (event.from !== current) return STATUS_REFUSALS.stale(current);
  return statusRefusal(event.from, event.to, event.reason, { blockingErrors: 0 })?.fr ?? null;
}
