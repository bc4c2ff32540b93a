// The review log accepts only new, well-formed events signed with the writer's own identity: every entry of the
// `reviews` root is written once, under its event id, by the person and party of the token, and the acts kept for
// editors (propose, reopen, status) need `edit` access. Pure: the traced update in, a French refusal or null out.
import type * as Y from 'yjs';
import { EDITOR_ACTS, parseReviewEvent, REVIEW_ROOT } from '../../shared/index.ts';
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
} as const;

/** Null when every write to the review log is a new event of the writer's own; else why not, in French. */
export function reviewWriteRefusal(doc: Y.Doc, touches: readonly Touch[], writer: ReviewWriter): string | null {
  const log = doc.getMap(REVIEW_ROOT);
  const written = new Set<string>();
  for (const { change, place, item } of touches) {
    if (place.root !== REVIEW_ROOT) continue;
    if (change === 'delete') return REVIEW_REFUSALS.rewrite;
    const key = place.keys[0];
    if (place.deep || key === undefined || place.keys.length !== 1 || item.length !== 1) return REVIEW_REFUSALS.malformed;
    // An entry the log holds (even one deleted long ago) or writes twice is being rewritten.
    if (log._map.has(key) || written.has(key) || item.origin !== null) return REVIEW_REFUSALS.rewrite;
    written.add(key);
    const event = parseReviewEvent(lastValue(item));
    if (!event || event.id !== key) return REVIEW_REFUSALS.malformed;
    if (event.by.party !== writer.author.party || event.by.name !== writer.author.name) return REVIEW_REFUSALS.identity;
    if (EDITOR_ACTS.has(event.act) && writer.access !== 'edit') return REVIEW_REFUSALS.editorAct;
  }
  return null;
}
