// Self-healing between instances: what an instance holds of a convention (its state vector and a digest of its
// delete set), and what to do when another instance says what it holds. Pure: no bus, no clock.
//
// The exchange, over the bus (`state` messages, see bus/port.ts): every instance announces what it holds when its
// subscription becomes live (first time and after each reconnection) and then periodically. A receiver that holds
// something the sender lacks publishes the diff (`Y.encodeStateAsUpdate(doc, theirStateVector)`); a receiver that
// lacks something answers a first announcement with its own (`reply`), which is never answered in turn. Deletions do
// not move a state vector, hence the delete-set digest: when digests differ, both sides send their diff.
import { createHash } from 'node:crypto';
import * as Y from 'yjs';

export interface Holding {
  readonly stateVector: Uint8Array;
  readonly deleteDigest: Uint8Array;
}

export interface Verdict {
  /** I hold structs or deletions the other lacks: send the diff. */
  readonly send: boolean;
  /** The other holds structs or deletions I lack. */
  readonly lack: boolean;
}

/** What `doc` holds; the delete set is encoded in a canonical order (clients sorted, ranges merged) before hashing. */
export function holdingOf(doc: Y.Doc): Holding {
  const deleteSet = Y.encodeSnapshot(Y.createSnapshot(Y.snapshot(doc).ds, new Map()));
  return {
    stateVector: Y.encodeStateVector(doc),
    deleteDigest: new Uint8Array(createHash('sha256').update(deleteSet).digest().subarray(0, 16)),
  };
}

const ahead = (a: Map<number, number>, b: Map<number, number>): boolean => {
  for (const [client, clock] of a) if (clock > (b.get(client) ?? 0)) return true;
  return false;
};

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((byte, i) => byte === b[i]);

export function compareHoldings(mine: Holding, theirs: Holding): Verdict {
  const deletesDiffer = !sameBytes(mine.deleteDigest, theirs.deleteDigest);
  const mySv = Y.decodeStateVector(mine.stateVector);
  const theirSv = Y.decodeStateVector(theirs.stateVector);
  return { send: deletesDiffer || ahead(mySv, theirSv), lack: deletesDiffer || ahead(theirSv, mySv) };
}
