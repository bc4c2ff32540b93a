// The messages that mention the person's party (`@caf`, `@Département de la Sorlaine`) and which of them this
// person has seen: the seen message ids are kept in the pane's storage, per person, so a badge shows only news.
import type { CommentMessage, ConventionSnapshot, Thread } from '../../shared/index.ts';
import { mentionsIn } from '../../shared/review/threads.ts';
import type { PaneStorage } from './storage.ts';

export interface Reader {
  readonly name: string;
  readonly party: string;
}

export interface Mention {
  readonly thread: Thread;
  readonly comment: CommentMessage;
}

/** Seen ids kept at most (the oldest are forgotten first). */
const KEEP = 500;

const keyOf = (reader: Reader): string => `concerto.mentions.seen:${reader.party}:${reader.name}`;

/** Messages by others that mention the reader's party and that the reader has not marked seen, newest first. */
export function unseenMentions(snapshot: ConventionSnapshot | null, reader: Reader, storage: PaneStorage): Mention[] {
  if (!snapshot) return [];
  const seen = new Set(readSeen(storage, reader));
  const out: Mention[] = [];
  for (const thread of snapshot.threads) {
    for (const comment of thread.comments) {
      if (seen.has(comment.id) || (comment.author === reader.name && comment.party === reader.party)) continue;
      if (mentionsIn(comment.text, snapshot.organisations).includes(reader.party)) out.push({ thread, comment });
    }
  }
  return out.sort((a, b) => (a.comment.at < b.comment.at ? 1 : a.comment.at > b.comment.at ? -1 : 0));
}

export function markMentionsSeen(storage: PaneStorage, reader: Reader, ids: readonly string[]): void {
  if (ids.length === 0) return;
  const next = [...readSeen(storage, reader).filter((id) => !ids.includes(id)), ...ids].slice(-KEEP);
  storage.set(keyOf(reader), JSON.stringify(next));
}

function readSeen(storage: PaneStorage, reader: Reader): string[] {
  try {
    const parsed: unknown = JSON.parse(storage.get(keyOf(reader)) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return []; // reason: an unreadable value (edited by hand) counts as nothing seen; it is rewritten on the next mark
  }
}
