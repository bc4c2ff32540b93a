// Comment threads on a part of the convention: an article (or a passage of one of its texts), an axis, an objective,
// an action, an indicator or an avenant. Start, reply, resolve, reopen — each checked first (a refusal throws a
// French ModelError and writes nothing), then written in one transaction; `comment` participants may do all of it.
// A quoted passage is kept as Yjs relative positions, so it follows the text as people keep typing around it.
// Mentions: `@caf`, `@CCVS` (an organisation id) or `@Département de la Sorlaine` (its name) notify that party.
import * as Y from 'yjs';
import { ModelError } from '../doc/errors.ts';
import { ENTITY_SPECS } from '../layout.ts';
import type { Anchor, ConventionSnapshot, Organisation, Thread } from '../types.ts';
import type { ReviewContext } from './commands.ts';

export const THREAD_KINDS = ['article', 'axis', 'objective', 'action', 'indicator', 'amendment'] as const;
export type ThreadKind = (typeof THREAD_KINDS)[number];

/** A passage of a text field: where it starts and ends (relative positions, as JSON) and the words quoted then. */
export interface StoredRange {
  readonly from: unknown;
  readonly to: unknown;
  readonly quote: string;
}

/** The stored anchor: the snapshot's `Anchor`, plus the passage when the thread is about one. */
export interface ThreadAnchor extends Anchor {
  readonly range?: StoredRange;
}

export interface NewAnchor {
  readonly kind: ThreadKind;
  readonly id: string;
  /** A text field of that part, to quote a passage `from`–`to` (character offsets, `to` excluded). */
  readonly field?: string;
  readonly range?: { readonly from: number; readonly to: number };
}

export const MAX_COMMENT = 4000;

/** Starts a thread with its first message; returns the thread's id. */
export function startThread(ctx: ReviewContext, anchor: NewAnchor, text: string): string {
  checkWriter(ctx);
  const body = checkText(text);
  if (!(THREAD_KINDS as readonly string[]).includes(anchor.kind) || !ctx.model.isLive(anchor.kind, anchor.id))
    throw new ModelError('thread-anchor', 'Cette partie n’existe plus dans la convention : choisissez-en une autre.', 'This part no longer exists in the convention: choose another one.');
  const stored: ThreadAnchor = { kind: anchor.kind, id: anchor.id, ...(anchor.field ? { field: anchor.field } : {}) };
  let range: StoredRange | undefined;
  if (anchor.range) {
    const ytext = anchorText(ctx, anchor);
    const { from, to } = anchor.range;
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to > ytext.length || from >= to)
      throw new ModelError('thread-range', 'Le passage choisi est vide ou sort du texte : sélectionnez à nouveau les mots à commenter.', 'The chosen passage is empty or outside the text: select the words again.');
    range = {
      from: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(ytext, from, 0)),
      to: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(ytext, to, -1)),
      quote: ytext.toString().slice(from, to).slice(0, 500),
    };
  }
  return ctx.model.transact(() => {
    const id = ctx.model.add('thread', { anchor: (range ? { ...stored, range } : stored) as Anchor, resolved: false });
    ctx.model.add('comment', message(ctx, body), { parent: id });
    return id;
  });
}

/** Adds a reply to an open thread; returns the message's id. */
export function replyToThread(ctx: ReviewContext, threadId: string, text: string): string {
  checkWriter(ctx);
  const body = checkText(text);
  if (requireThread(ctx, threadId).resolved)
    throw new ModelError('thread-resolved', 'Ce fil est résolu : rouvrez-le pour répondre.', 'This thread is resolved: reopen it to reply.');
  return ctx.model.add('comment', message(ctx, body), { parent: threadId });
}

/** Marks a thread resolved (true) or open again (false). */
export function setThreadResolved(ctx: ReviewContext, threadId: string, resolved: boolean): void {
  checkWriter(ctx);
  if (requireThread(ctx, threadId).resolved === resolved)
    throw resolved
      ? new ModelError('thread-resolved', 'Ce fil est déjà résolu.', 'This thread is resolved already.')
      : new ModelError('thread-open', 'Ce fil est déjà ouvert.', 'This thread is open already.');
  ctx.model.update('thread', threadId, { resolved });
}

/** The anchor as stored, with its passage when it has a well-formed one. */
export function threadAnchor(thread: Pick<Thread, 'anchor'>): ThreadAnchor {
  const raw = thread.anchor as ThreadAnchor;
  const range = raw.range;
  const wellFormed = typeof range === 'object' && range !== null && typeof range.quote === 'string' && range.from != null && range.to != null;
  return wellFormed ? raw : { kind: raw.kind, id: raw.id, ...(raw.field ? { field: raw.field } : {}) };
}

/** Where the quoted passage is now: its offsets in the field's text and the words there; null when gone or none. */
export function passageNow(ydoc: Y.Doc, thread: Pick<Thread, 'anchor'>): { from: number; to: number; text: string } | null {
  const range = threadAnchor(thread).range;
  if (!range) return null;
  try {
    const from = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(range.from), ydoc);
    const to = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(range.to), ydoc);
    if (!from || !to || from.type !== to.type || !(from.type instanceof Y.Text) || to.index <= from.index) return null;
    return { from: from.index, to: to.index, text: from.type.toString().slice(from.index, to.index) };
  } catch {
    return null; // reason: a peer stored something that is not a relative position: show the thread without its passage
  }
}

/** The organisation ids a message mentions, by `@id` or `@name` (case and accents ignored). */
export function mentionsIn(text: string, organisations: readonly Pick<Organisation, 'id' | 'name'>[]): string[] {
  const plain = fold(text);
  const found = new Set<string>();
  for (let at = plain.indexOf('@'); at >= 0; at = plain.indexOf('@', at + 1)) {
    if (/[\p{L}\p{N}._-]/u.test(plain.charAt(at - 1))) continue; // an e-mail address, not a mention
    const rest = plain.slice(at + 1);
    let best: { id: string; length: number } | null = null;
    for (const o of organisations) {
      for (const name of [o.id, o.name]) {
        const n = fold(name);
        const boundary = rest.charAt(n.length);
        if (n && rest.startsWith(n) && !/[\p{L}\p{N}_-]/u.test(boundary) && (!best || n.length > best.length)) best = { id: o.id, length: n.length };
      }
    }
    if (best) found.add(best.id);
  }
  return [...found];
}

/** Every party mentioned in a thread's messages. */
export function threadMentions(thread: Thread, organisations: readonly Pick<Organisation, 'id' | 'name'>[]): string[] {
  return [...new Set(thread.comments.flatMap((c) => mentionsIn(c.text, organisations)))];
}

/** Open threads per part (`kind:id` → count), for badges beside each part. */
export function openThreadCounts(snapshot: Pick<ConventionSnapshot, 'threads'>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const thread of snapshot.threads) {
    if (thread.resolved || !thread.attached) continue;
    const key = `${thread.anchor.kind}:${thread.anchor.id}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘]/g, "'").toLowerCase();
}

function checkWriter(ctx: ReviewContext): void {
  if (ctx.access === 'view')
    throw new ModelError('thread-access', 'Votre accès est en lecture seule : demandez un lien « commentaire » pour participer aux discussions.', 'Your access is read-only: ask for a “comment” link to take part in discussions.');
}

function checkText(text: string): string {
  const body = text.trim();
  if (body === '') throw new ModelError('thread-empty', 'Écrivez votre message avant de l’envoyer.', 'Write your message before sending it.');
  if (body.length > MAX_COMMENT)
    throw new ModelError('thread-long', `Message trop long (${body.length} caractères, ${MAX_COMMENT} au plus) : raccourcissez-le.`, `Message too long (${body.length} characters, at most ${MAX_COMMENT}): shorten it.`);
  return body;
}

function anchorText(ctx: ReviewContext, anchor: NewAnchor): Y.Text {
  const spec = (ENTITY_SPECS[anchor.kind].fields as Record<string, { kind: string }>)[anchor.field ?? ''];
  if (spec?.kind !== 'text')
    throw new ModelError('thread-field', 'On ne peut commenter un passage que dans un texte de cette partie.', 'A passage can only be quoted from a text of this part.');
  return ctx.model.text(anchor.kind, anchor.id, anchor.field as string);
}

function requireThread(ctx: ReviewContext, threadId: string): { resolved: boolean } {
  if (!ctx.model.isLive('thread', threadId))
    throw new ModelError('thread-missing', 'Ce fil de discussion a été supprimé.', 'This discussion thread was deleted.');
  return ctx.model.read('thread', threadId);
}

function message(ctx: ReviewContext, text: string) {
  return { author: ctx.actor.name, party: ctx.actor.party, at: (ctx.now ?? (() => new Date().toISOString()))(), text };
}
