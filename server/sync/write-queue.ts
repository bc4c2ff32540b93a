// The durable write queue (group commit): updates accepted during one turn of the event loop — one batch of incoming
// frames — are stored in one transaction, scheduled as a microtask so a lone update waits for nothing else; while a
// transaction is in flight (async adapters), newcomers gather for the next one. Whatever must wait for them
// (forwarding, step 2 answers) runs once their transaction has committed — never before. With a synchronous store, the
// first update of a turn may instead be stored at once (`writeNow`), so that it can be sent on in the same turn.
import type { Storage, UpdateInput } from '../storage/port.ts';

interface Batch {
  readonly entries: UpdateInput[];
  readonly after: Array<() => void>;
}

export interface WriteQueueHooks {
  /** The batch could not be stored: its waiting callbacks are dropped; the conventions in it must be reset. */
  onFailure(error: unknown, conventionIds: ReadonlySet<string>): void;
  onCommitted?(entries: readonly UpdateInput[]): void;
  /** A callback threw; the queue carries on. */
  onCallbackError(error: unknown): void;
}

const newBatch = (): Batch => ({ entries: [], after: [] });

export class WriteQueue {
  private pending: Batch = newBatch();
  /** The last batch taken from `pending` whose commit has not finished. */
  private last: Batch | null = null;
  private chain: Promise<void> = Promise.resolve();
  private scheduled = false;
  /** What `writeNow` stored during this turn (at most one: the rest of the turn is grouped as usual). */
  private storedNow: UpdateInput[] = [];

  constructor(
    private readonly storage: Storage,
    private readonly hooks: WriteQueueHooks,
  ) {}

  enqueue(entry: UpdateInput): void {
    this.pending.entries.push(entry);
    if (!this.scheduled) {
      this.scheduled = true;
      // A microtask runs once the current I/O callback is done: every frame it carried is in this batch.
      queueMicrotask(() => {
        this.scheduled = false;
        void this.flush();
      });
    }
  }

  /** Runs `fn` once every update enqueued so far is stored (right away if none is waiting). */
  afterDurable(fn: () => void): void {
    if (this.pending.entries.length > 0) this.pending.after.push(fn);
    else if (this.last) this.last.after.push(fn);
    else fn();
  }

  /**
   * Stores `entry` before returning when that keeps the queue's order and grouping: the store writes synchronously,
   * nothing else waits to be stored, and this turn has not stored an update this way yet. `stored`: durable now;
   * `queue`: use `enqueue` instead; `failed`: not stored, reported to `onFailure` (its convention is reset).
   */
  writeNow(entry: UpdateInput): 'stored' | 'queue' | 'failed' {
    const { appendNow } = this.storage;
    if (!appendNow || this.storedNow.length > 0 || !this.idle) return 'queue';
    try {
      appendNow.call(this.storage, [entry]);
    } catch (error) {
      this.hooks.onFailure(error, new Set([entry.conventionId]));
      return 'failed';
    }
    this.storedNow.push(entry);
    // The bookkeeping (metrics, compaction) waits until the caller has sent the update on.
    queueMicrotask(() => {
      try {
        this.hooks.onCommitted?.(this.storedNow.splice(0));
      } catch (error) {
        this.hooks.onCallbackError(error);
      }
    });
    return 'stored';
  }

  /** True when nothing waits to be stored. */
  get idle(): boolean {
    return this.pending.entries.length === 0 && this.last === null;
  }

  /** Stores everything enqueued so far; resolves when it is committed (or has failed and been reported). */
  flush(): Promise<void> {
    if (this.pending.entries.length > 0) {
      const batch = this.pending;
      this.pending = newBatch();
      // Nothing in flight: commit now rather than one promise hop later.
      this.chain = this.last === null ? this.commit(batch) : this.chain.then(() => this.commit(batch));
      this.last = batch;
    }
    return this.chain;
  }

  private async commit(batch: Batch): Promise<void> {
    try {
      await this.storage.appendUpdates(batch.entries);
    } catch (error) {
      if (this.last === batch) this.last = null;
      this.hooks.onFailure(error, new Set(batch.entries.map((e) => e.conventionId)));
      return;
    }
    if (this.last === batch) this.last = null;
    this.hooks.onCommitted?.(batch.entries);
    for (const fn of batch.after) {
      try {
        fn();
      } catch (error) {
        this.hooks.onCallbackError(error);
      }
    }
  }
}
