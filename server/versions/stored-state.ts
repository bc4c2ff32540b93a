// The state a named version records: replayed from storage — everything any instance had stored when it was taken —
// rather than read from this instance's copy, which may not have received another instance's latest updates yet.
// The seq it returns is the last row replayed, so a version's state and seq always describe the same moment.
import * as Y from 'yjs';
import type { Storage } from '../storage/port.ts';
import { replayStored } from '../storage/replay.ts';

export async function storedState(storage: Storage, conventionId: string): Promise<{ seq: number; state: Uint8Array }> {
  const doc = new Y.Doc();
  try {
    const seq = replayStored(doc, await storage.load(conventionId));
    return { seq, state: Y.encodeStateAsUpdate(doc) };
  } finally {
    doc.destroy();
  }
}
