// Who said what in a discussion: a new message carries the token's own name and party, and only its author may change
// a message afterwards (its text, its date, its removal). Threads themselves (anchor, resolved) stay open to everyone
// who may comment. Pure: the traced update in, a French refusal or null out.
import * as Y from 'yjs';
import { ENTITY_SPECS } from '../../shared/index.ts';
import type { ReviewWriter } from './review-writes.ts';
import type { Touch } from './update-reach.ts';
import { lastValue } from './update-targets.ts';

export const COMMENT_REFUSALS = {
  identity: 'Discussion : un message ne peut être publié qu’à votre nom et pour votre partie. Reconnectez-vous avec votre propre lien.',
  notYours: 'Discussion : seul l’auteur d’un message peut le modifier ou le retirer. Répondez plutôt dans la discussion.',
} as const;

const COLLECTION = ENTITY_SPECS.comment.collection;
const SIGNATURE_FIELDS = ['author', 'party'] as const;

/** Null when every message the update writes is the writer's own; else why not. */
export function commentWriteRefusal(doc: Y.Doc, touches: readonly Touch[], writer: ReviewWriter): string | null {
  const comments = doc.getMap(COLLECTION);
  const signed = new Map<string, Set<string>>();
  for (const { change, place, item } of touches) {
    if (place.root !== COLLECTION) continue;
    const id = place.keys[0];
    if (id === undefined) return COMMENT_REFUSALS.notYours;
    const existing = comments.get(id);
    if (existing instanceof Y.Map) {
      const mine = existing.get('author') === writer.author.name && existing.get('party') === writer.author.party;
      if (!mine) return COMMENT_REFUSALS.notYours;
    }
    const field = place.keys[1];
    if (change !== 'insert' || place.deep || !(SIGNATURE_FIELDS as readonly (string | undefined)[]).includes(field)) {
      if (!(existing instanceof Y.Map)) signed.set(id, signed.get(id) ?? new Set());
      continue;
    }
    const expected = field === 'author' ? writer.author.name : writer.author.party;
    if (lastValue(item) !== expected) return COMMENT_REFUSALS.identity;
    const fields = signed.get(id) ?? new Set<string>();
    fields.add(field as string);
    signed.set(id, fields);
  }
  // A new message names its author and party: a message without them would be anonymous.
  for (const [id, fields] of signed) {
    if (!(comments.get(id) instanceof Y.Map) && SIGNATURE_FIELDS.some((f) => !fields.has(f))) return COMMENT_REFUSALS.identity;
  }
  return null;
}
