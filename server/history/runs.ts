// How the update log is cut into editing sessions: consecutive updates by one author (name and party) with no pause
// longer than the window. History shows one entry per run; compaction merges a settled run into one row.
import type { StoredUpdate } from '../storage/port.ts';

/** Five minutes: what a person calls "one sitting" of edits. */
export const DEFAULT_RUN_WINDOW_MS = 5 * 60_000;

export function sameRun(previous: StoredUpdate, next: StoredUpdate, windowMs: number): boolean {
  return (
    previous.author.name === next.author.name &&
    previous.author.party === next.author.party &&
    next.at - previous.until <= windowMs
  );
}

/** Cuts rows (in seq order) into runs. */
export function groupRuns(rows: readonly StoredUpdate[], windowMs: number): StoredUpdate[][] {
  const runs: StoredUpdate[][] = [];
  let current: StoredUpdate[] = [];
  for (const row of rows) {
    const last = current.at(-1);
    if (last && !sameRun(last, row, windowMs)) {
      runs.push(current);
      current = [];
    }
    current.push(row);
  }
  if (current.length > 0) runs.push(current);
  return runs;
}
