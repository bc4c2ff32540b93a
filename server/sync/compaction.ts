// Background compaction of one convention's stored log: a fresh checkpoint (loading then replays little) and each
// settled run of one author's updates merged into one row (the log shrinks, the history keeps who and when).
// Works from storage alone, in slices that yield to the event loop, so sync is never blocked for long.
import * as Y from 'yjs';
import { groupRuns } from '../history/runs.ts';
import type { LogMerge, Storage } from '../storage/port.ts';

export interface CompactionOptions {
  readonly historyWindowMs: number;
  /** Rows whose run ended before `now - historyWindowMs` are settled and may be merged. */
  readonly now: number;
  /** Rows applied between two yields to the event loop. */
  readonly sliceRows?: number;
}

export interface CompactionResult {
  readonly checkpointSeq: number | null;
  readonly mergedRuns: number;
  readonly rowsBefore: number;
  readonly rowsAfter: number;
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function compactConvention(
  storage: Storage,
  conventionId: string,
  options: CompactionOptions,
): Promise<CompactionResult> {
  const slice = options.sliceRows ?? 200;
  const { checkpoint, updates } = await storage.load(conventionId);
  let checkpointSeq: number | null = null;
  if (updates.length > 0) {
    const scratch = new Y.Doc();
    if (checkpoint) Y.applyUpdate(scratch, checkpoint.state);
    for (let i = 0; i < updates.length; i += slice) {
      Y.transact(scratch, () => {
        for (const row of updates.slice(i, i + slice)) Y.applyUpdate(scratch, row.update);
      });
      await yieldToLoop();
    }
    checkpointSeq = updates.at(-1)!.seq;
    await storage.saveCheckpoint(conventionId, { seq: checkpointSeq, state: Y.encodeStateAsUpdate(scratch) });
    scratch.destroy();
  }

  const log = await storage.readLog(conventionId);
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
      update: Y.mergeUpdates(run.map((row) => row.update)),
      author: first.author,
      at: first.at,
      until: last.until,
      count: run.reduce((sum, row) => sum + row.count, 0),
    });
    if (merges.length % 20 === 0) await yieldToLoop();
  }
  if (merges.length > 0) await storage.mergeLog(merges);
  return {
    checkpointSeq,
    mergedRuns: merges.length,
    rowsBefore: log.length,
    rowsAfter: log.length - mergedRows + merges.length,
  };
}
