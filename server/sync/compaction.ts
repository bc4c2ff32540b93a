// Background compaction of one convention's stored log: a fresh checkpoint (loading then replays little) and each
// settled run of one author's updates merged into one row (the log shrinks, the history keeps who and when).
// Works from storage alone, in slices of about a couple of milliseconds that yield to the event loop, so the people
// typing meanwhile do not wait for it (a 500-row compaction used to hold the loop for up to 15 ms); the reads of the
// rows after the checkpoint and the encoding of the new checkpoint remain one step each.
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { groupRuns } from '../history/runs.ts';
import type { LogMerge, Storage, StoredUpdate } from '../storage/port.ts';

export interface CompactionOptions {
  readonly historyWindowMs: number;
  /** Rows whose run ended before `now - historyWindowMs` are settled and may be merged. */
  readonly now: number;
  /** Rows read per step (default 200). */
  readonly sliceRows?: number;
  /** Work done between two yields to the event loop, in ms (default 2). */
  readonly sliceMs?: number;
}

export interface CompactionResult {
  readonly checkpointSeq: number | null;
  readonly mergedRuns: number;
  readonly rowsBefore: number;
  readonly rowsAfter: number;
}

/** Merges committed per storage transaction. */
const MERGES_PER_WRITE = 20;
/** Rows merged into one update per step (merging 200 small updates took ~9 ms). */
const MERGE_SLICE_ROWS = 50;

/** A pause point: gives the event loop a turn once `budgetMs` of work has run since the last turn. */
function pacer(budgetMs: number): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < budgetMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    since = performance.now();
  };
}

export async function compactConvention(
  storage: Storage,
  conventionId: string,
  options: CompactionOptions,
): Promise<CompactionResult> {
  const slice = options.sliceRows ?? 200;
  const pace = pacer(options.sliceMs ?? 2);
  const checkpointSeq = await writeCheckpoint(storage, conventionId, pace);
  await pace();
  const log = await readWholeLog(storage, conventionId, slice, pace);
  const settled = options.now - options.historyWindowMs;
  const merges: LogMerge[] = [];
  let mergedRows = 0;
  for (const run of groupRuns(log, options.historyWindowMs)) {
    const last = run.at(-1)!;
    if (run.length < 2 || last.until >= settled) continue;
    const first = run[0]!;
    mergedRows += run.length;
    merges.push({
      conventionId,
      fromSeq: first.seq,
      toSeq: last.seq,
      update: await mergeInSlices(run, MERGE_SLICE_ROWS, pace),
      author: first.author,
      at: first.at,
      until: last.until,
      count: run.reduce((sum, row) => sum + row.count, 0),
    });
  }
  for (let i = 0; i < merges.length; i += MERGES_PER_WRITE) {
    await storage.mergeLog(merges.slice(i, i + MERGES_PER_WRITE));
    await pace();
  }
  return {
    checkpointSeq,
    mergedRuns: merges.length,
    rowsBefore: log.length,
    rowsAfter: log.length - mergedRows + merges.length,
  };
}

/** Replays the rows after the last checkpoint onto it and stores the result; the new checkpoint's seq, or null. */
async function writeCheckpoint(storage: Storage, conventionId: string, pace: () => Promise<void>): Promise<number | null> {
  const { checkpoint, updates } = await storage.load(conventionId);
  if (updates.length === 0) return null;
  await pace();
  const scratch = new Y.Doc();
  try {
    if (checkpoint) Y.applyUpdate(scratch, checkpoint.state);
    for (const row of updates) {
      await pace();
      Y.applyUpdate(scratch, row.update);
    }
    await pace();
    const seq = updates.at(-1)!.seq;
    await storage.saveCheckpoint(conventionId, { seq, state: Y.encodeStateAsUpdate(scratch) });
    return seq;
  } finally {
    scratch.destroy();
  }
}

/** The whole log, read a page at a time. */
async function readWholeLog(storage: Storage, conventionId: string, page: number, pace: () => Promise<void>): Promise<StoredUpdate[]> {
  const log: StoredUpdate[] = [];
  for (;;) {
    const rows = await storage.readLog(conventionId, { afterSeq: log.at(-1)?.seq ?? 0, limit: page });
    log.push(...rows);
    if (rows.length < page) return log;
    await pace();
  }
}

/** One update holding a run's rows: merged `slice` at a time, then the partial merges likewise, level by level. */
async function mergeInSlices(run: readonly StoredUpdate[], slice: number, pace: () => Promise<void>): Promise<Uint8Array> {
  let parts = run.map((row) => row.update);
  do {
    const merged: Uint8Array[] = [];
    for (let i = 0; i < parts.length; i += slice) {
      await pace();
      merged.push(Y.mergeUpdates(parts.slice(i, i + slice)));
    }
    parts = merged;
  } while (parts.length > 1);
  return parts[0]!;
}
