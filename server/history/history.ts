// Who changed what, and when: the stored update log replayed run by run (one author's sitting), each run described
// by the entity-level differences it made, newest first.
import * as Y from 'yjs';
import type { ConventionModel } from '../model/port.ts';
import type { Author, Storage } from '../storage/port.ts';
import { diffSnapshots } from '../versions/diff.ts';
import { DEFAULT_RUN_WINDOW_MS, groupRuns } from './runs.ts';

export interface HistoryEntry {
  readonly author: Author;
  /** ISO times of the first and last update of the run. */
  readonly from: string;
  readonly to: string;
  readonly updates: number;
  /** French sentences, at most `maxChanges`. */
  readonly changes: string[];
  /** How many more changes were left out. */
  readonly more: number;
}

export interface HistoryOptions {
  /** Newest runs to describe (default 50). */
  readonly limit?: number;
  readonly maxChanges?: number;
  readonly windowMs?: number;
}

export async function readHistory(
  storage: Storage,
  model: ConventionModel,
  conventionId: string,
  options: HistoryOptions = {},
): Promise<HistoryEntry[]> {
  const limit = options.limit ?? 50;
  const maxChanges = options.maxChanges ?? 30;
  const runs = groupRuns(await storage.readLog(conventionId), options.windowMs ?? DEFAULT_RUN_WINDOW_MS);
  const firstDescribed = Math.max(0, runs.length - limit);
  const doc = new Y.Doc();
  const entries: HistoryEntry[] = [];
  let before = null;
  try {
    for (const [index, run] of runs.entries()) {
      Y.transact(doc, () => {
        for (const row of run) Y.applyUpdate(doc, row.update);
      });
      if (index < firstDescribed - 1) continue;
      const after = model.snapshot(doc);
      if (index >= firstDescribed) {
        const changes =
          index === 0 ? ['Convention créée.'] : before ? diffSnapshots(before, after).changes.map((c) => c.text) : [];
        const first = run[0]!;
        const last = run.at(-1)!;
        entries.push({
          author: first.author,
          from: new Date(first.at).toISOString(),
          to: new Date(last.until).toISOString(),
          updates: run.reduce((sum, row) => sum + row.count, 0),
          changes: changes.slice(0, maxChanges),
          more: Math.max(0, changes.length - maxChanges),
        });
      }
      before = after;
    }
  } finally {
    doc.destroy();
  }
  return entries.reverse();
}
