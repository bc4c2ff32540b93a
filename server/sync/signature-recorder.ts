// Records the signature versions (versions/signature-versions.ts) of one open convention: after each transaction that
// may move the review (its log, the convention's status, the avenants), compares the review with the one before;
// when a participant's accepted update signed something, saves the version once that update is stored, in that
// participant's name — unless a version of that name exists already (a restart, an avenant validated again).
import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { ENTITY_SPECS, REVIEW_ROOT, readReviewLog, readSnapshot, reviewOf } from '../../shared/index.ts';
import type { Logger } from '../log.ts';
import type { Author, Storage } from '../storage/port.ts';
import { type SignatureMarks, signatureMarks, signatureVersions } from '../versions/signature-versions.ts';
import type { Participant, Room } from './room.ts';
import type { WriteQueue } from './write-queue.ts';

export interface SignatureRecorderDeps {
  readonly storage: Storage;
  readonly writer: WriteQueue;
  readonly now: () => number;
  readonly log: Logger;
}

/** A version id: `v-<time, base 36>-<6 hex digits>`. */
export const versionId = (at: number): string => `v-${at.toString(36)}-${randomBytes(3).toString('hex')}`;

const marksOf = (doc: Y.Doc): SignatureMarks => signatureMarks(reviewOf(readSnapshot(doc), readReviewLog(doc)));

export interface SignatureRecorder {
  /** Resolves once the saves scheduled so far are done. */
  idle(): Promise<void>;
}

/** Starts watching `room`; the watch ends with the room's document. */
export function recordSignatures(room: Room, deps: SignatureRecorderDeps): SignatureRecorder {
  const { doc } = room;
  const inputs: ReadonlySet<unknown> = new Set<unknown>([doc.getMap(REVIEW_ROOT), doc.getMap('convention'), doc.getMap(ENTITY_SPECS.amendment.collection)]);
  let marks = marksOf(doc);
  let saving: Promise<void> = Promise.resolve();

  const save = (names: readonly string[], author: Author, state: Uint8Array): void => {
    saving = saving.then(async () => {
      const { storage, now, log } = deps;
      try {
        const existing = new Set((await storage.listVersions(room.id)).map((v) => v.name));
        for (const name of names) {
          if (existing.has(name)) continue;
          const at = now();
          await storage.saveVersion({ id: versionId(at), conventionId: room.id, name, author, at, seq: await storage.lastSeq(room.id), state });
          log.info('version enregistrée', { conventionId: room.id, name, by: author });
        }
      } catch (error) {
        log.error('échec de l’enregistrement d’une version de signature', { conventionId: room.id, names, error });
      }
    });
  };

  // Registered after the room's own listener: the room has queued the update for storage when this runs.
  doc.on('update', (_update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
    if (room.isDestroyed || !touchesInputs(transaction, inputs)) return;
    const before = marks;
    marks = marksOf(doc);
    // reason: Set#has accepts any value at run time; the cast only widens the lookup key.
    const participant = room.participants.has(origin as Participant) ? (origin as Participant) : null;
    // Updates from other instances are recorded there; loading replays what was recorded already.
    if (!participant) return;
    const names = signatureVersions(before, marks);
    if (names.length === 0) return;
    const state = Y.encodeStateAsUpdate(doc);
    deps.writer.afterDurable(() => save(names, participant.author, state));
  });
  return { idle: () => saving };
}

function touchesInputs(transaction: Y.Transaction, inputs: ReadonlySet<unknown>): boolean {
  for (const type of transaction.changed.keys()) if (inputs.has(type) || inputs.has(type._item?.parent)) return true;
  return false;
}
