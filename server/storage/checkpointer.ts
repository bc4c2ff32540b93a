// When SQLite folds its write-ahead log back into the database file. Not inside a commit, as SQLite does by default
// (every 1000 pages, putting the checkpoint and its fsync on the path of whichever update crossed the line, a stall of
// milliseconds for everyone waiting on that update): once writes have paused, or, under writes that never pause,
// after a bounded number of them. A checkpoint changes nothing of what is durable — the log already is.

export interface CheckpointPolicy {
  /** Writes must have paused this long. */
  readonly quietMs: number;
  /** Fewer writes than this since the last checkpoint are not worth one. */
  readonly minWrites: number;
  /** After this many writes without a pause, checkpoint anyway (bounds the log: a write adds about two pages). */
  readonly maxWrites: number;
}

export const DEFAULT_CHECKPOINT_POLICY: CheckpointPolicy = { quietMs: 250, minWrites: 200, maxWrites: 4000 };

export class Checkpointer {
  private writes = 0;
  private lastWrite = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly checkpoint: () => void,
    private readonly policy: CheckpointPolicy = DEFAULT_CHECKPOINT_POLICY,
    private readonly now: () => number = Date.now,
  ) {}

  /** Call after each committed write transaction. */
  noteWrite(): void {
    this.writes++;
    this.lastWrite = this.now();
    if (this.writes >= this.policy.maxWrites) this.run();
    else if (this.writes >= this.policy.minWrites && !this.timer) this.arm(this.policy.quietMs);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(ms: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      const quiet = this.now() - this.lastWrite;
      if (quiet >= this.policy.quietMs) this.run();
      else this.arm(this.policy.quietMs - quiet);
    }, ms);
    this.timer.unref();
  }

  private run(): void {
    this.stop();
    this.writes = 0;
    try {
      this.checkpoint();
    } catch {
      // A checkpoint that fails (a reader holding the log, a full disk) loses nothing: the log keeps every write, and
      // the next one folds it in.
    }
  }
}
