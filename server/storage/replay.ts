// A stored convention (its checkpoint, then the log after it) applied to a Y.Doc: how a room is loaded, how the CLI
// exports without a room, and what a named version records.
import * as Y from 'yjs';
import type { StoredDocument } from './port.ts';

/** Applies `stored` to `doc` in one transaction (with `origin`); returns the seq of the last row applied (0: none). */
export function replayStored(doc: Y.Doc, stored: StoredDocument, origin?: unknown): number {
  Y.transact(
    doc,
    () => {
      if (stored.checkpoint) Y.applyUpdate(doc, stored.checkpoint.state);
      for (const row of stored.updates) Y.applyUpdate(doc, row.update);
    },
    origin,
  );
  return stored.updates.at(-1)?.seq ?? stored.checkpoint?.seq ?? 0;
}
