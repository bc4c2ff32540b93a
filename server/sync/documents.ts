// The open conventions: a room is loaded from storage before anyone is served, created from the template exactly
// once, kept while used and for a grace period after, then unloaded; stored logs are compacted in the background.
import * as Y from 'yjs';
import type { Bus } from '../bus/port.ts';
import { CtgError } from '../errors.ts';
import { DEFAULT_RUN_WINDOW_MS } from '../history/runs.ts';
import type { Logger } from '../log.ts';
import { type ConventionModel, DEFAULT_TEMPLATE, type TemplateChoice } from '../model/port.ts';
import { CLOSE, type CloseCode } from '../protocol/close-codes.ts';
import type { Author, Storage, UpdateInput } from '../storage/port.ts';
import { replayStored } from '../storage/replay.ts';
import { compactConvention } from './compaction.ts';
import type { SyncMetrics } from './metrics.ts';
import { LOADING, Room } from './room.ts';
import { recordSignatures, type SignatureRecorder } from './signature-recorder.ts';
import type { WriteQueue } from './write-queue.ts';

export interface DocumentsOptions {
  readonly storage: Storage;
  readonly writer: WriteQueue;
  readonly bus: Bus;
  readonly model: ConventionModel;
  readonly instanceId: string;
  readonly now: () => number;
  readonly metrics: SyncMetrics;
  readonly log: Logger;
  /** How long an unused convention stays in memory (default 30 s). */
  readonly idleMs?: number;
  /** Stored rows after the checkpoint that trigger a background compaction (default 500). */
  readonly compactAfterRows?: number;
  readonly historyWindowMs?: number;
  /** Mean period of the state exchange between instances (see Room). */
  readonly resyncMs?: number;
}

/** How a new convention is filled: a template choice, or a convention file to import. */
export interface Creation {
  readonly author: Author;
  readonly source:
    | { readonly kind: 'template'; readonly choice: TemplateChoice }
    | { readonly kind: 'import'; readonly file: unknown };
}

interface Entry {
  ready: Promise<Room>;
  room: Room | null;
  holds: number;
  idleTimer: NodeJS.Timeout | null;
  closing: Promise<void> | null;
}

export class Documents {
  private readonly entries = new Map<string, Entry>();
  private readonly rowsSinceCompaction = new Map<string, number>();
  private readonly compacting = new Map<string, Promise<void>>();
  /** The signature versions each open convention records (see signature-recorder.ts). */
  private readonly signatures = new Map<string, SignatureRecorder>();
  private shuttingDown = false;

  constructor(private readonly options: DocumentsOptions) {}

  /** Open conventions (loaded rooms). */
  get openCount(): number {
    let count = 0;
    for (const entry of this.entries.values()) if (entry.room) count++;
    return count;
  }

  get participantCount(): number {
    let count = 0;
    for (const entry of this.entries.values()) count += entry.room?.participants.size ?? 0;
    return count;
  }

  /** The loaded room, if any (no loading, no hold). */
  peek(id: string): Room | null {
    return this.entries.get(id)?.room ?? null;
  }

  /**
   * Returns the convention's room, loading it first; with `createAs`, a convention that does not exist is created
   * from the default template in that author's name. Every acquire must be paired with one `release`.
   */
  async acquire(id: string, createAs?: Author): Promise<Room> {
    for (let attempt = 0; ; attempt++) {
      if (this.shuttingDown) throw new CtgError('shutting_down');
      const entry = this.entries.get(id) ?? this.startLoad(id, createAs);
      if (entry.closing) {
        await entry.closing;
        continue;
      }
      entry.holds++;
      if (entry.idleTimer) {
        clearTimeout(entry.idleTimer);
        entry.idleTimer = null;
      }
      try {
        return await entry.ready;
      } catch (error) {
        entry.holds--;
        // A load that was not allowed to create lost to us: try again, creating.
        const notFound = error instanceof CtgError && error.code === 'convention_not_found';
        if (notFound && createAs && attempt === 0) continue;
        throw error;
      }
    }
  }

  release(room: Room): void {
    const entry = this.entries.get(room.id);
    if (!entry || entry.room !== room || entry.holds === 0) return;
    entry.holds--;
    if (entry.holds > 0 || this.shuttingDown) return;
    entry.idleTimer = setTimeout(() => this.unload(room.id, entry), this.options.idleMs ?? 30_000);
    entry.idleTimer.unref();
  }

  /** acquire, run, release. */
  async withRoom<T>(id: string, use: (room: Room) => T | Promise<T>): Promise<T> {
    const room = await this.acquire(id);
    try {
      return await use(room);
    } finally {
      this.release(room);
    }
  }

  /** Creates a convention in storage; false when the id is taken. */
  async create(id: string, creation: Creation): Promise<boolean> {
    if (this.entries.get(id)?.room) return false;
    const { storage, model, now } = this.options;
    const doc = new Y.Doc();
    try {
      const { source } = creation;
      if (source.kind === 'import') model.importJson(doc, id, source.file);
      else model.create(doc, id, source.choice);
      const title = model.title(doc);
      const at = now();
      const initial: UpdateInput = { conventionId: id, update: Y.encodeStateAsUpdate(doc), author: creation.author, at };
      return await storage.createConvention({ id, title, createdAt: at, createdBy: creation.author }, initial);
    } finally {
      doc.destroy();
    }
  }

  /** Writer hook: counts stored rows and starts a compaction when enough have piled up. */
  noteCommitted(entries: readonly UpdateInput[]): void {
    const limit = this.options.compactAfterRows ?? 500;
    for (const { conventionId } of entries) {
      const rows = (this.rowsSinceCompaction.get(conventionId) ?? 0) + 1;
      this.rowsSinceCompaction.set(conventionId, rows);
      if (rows >= limit) this.compact(conventionId);
    }
  }

  /**
   * Writer hook: a batch failed to store (or a room's copy failed, `detail` says). Its conventions are dropped from
   * memory; clients reconnect and resend.
   */
  fail(conventionIds: ReadonlySet<string>, detail = 'stockage indisponible'): void {
    for (const id of conventionIds) {
      const entry = this.entries.get(id);
      if (!entry?.room) continue;
      this.entries.delete(id);
      if (entry.idleTimer) clearTimeout(entry.idleTimer);
      entry.room.closeAll(CLOSE.unavailable, detail);
      entry.room.destroy();
      this.signatures.delete(id);
    }
  }

  /** Starts a background compaction of one convention (at most one at a time per convention). */
  compact(id: string): Promise<void> {
    const running = this.compacting.get(id);
    if (running) return running;
    const { storage, now, log, metrics } = this.options;
    this.rowsSinceCompaction.set(id, 0);
    const task = (async () => {
      try {
        const run = () =>
          compactConvention(storage, id, {
            historyWindowMs: this.options.historyWindowMs ?? DEFAULT_RUN_WINDOW_MS,
            now: now(),
          });
        // Several instances sharing the store: one compaction of a convention at a time across all of them.
        const result = storage.exclusive ? await storage.exclusive(`compaction:${id}`, run) : await run();
        if (!result) {
          log.info('compaction déjà en cours sur une autre instance', { conventionId: id });
          return;
        }
        metrics.compactions++;
        log.info('compaction', { conventionId: id, ...result });
      } catch (error) {
        log.error('échec de compaction', { conventionId: id, error });
      } finally {
        this.compacting.delete(id);
      }
    })();
    this.compacting.set(id, task);
    return task;
  }

  /** Stops: stores what is pending, closes every participant with `close`, unloads everything. */
  async shutdown(close: CloseCode = CLOSE.serviceRestart): Promise<void> {
    this.shuttingDown = true;
    await this.options.writer.flush();
    const rooms = await Promise.allSettled([...this.entries.values()].map((entry) => entry.ready));
    for (const result of rooms) if (result.status === 'fulfilled') result.value.closeAll(close, 'arrêt du serveur');
    await this.options.writer.flush();
    for (const [id, entry] of this.entries) {
      if (entry.idleTimer) clearTimeout(entry.idleTimer);
      entry.room?.destroy();
      this.entries.delete(id);
    }
    await Promise.allSettled([...this.signatures.values()].map((recorder) => recorder.idle()));
    this.signatures.clear();
    await Promise.allSettled([...this.compacting.values()]);
  }

  private startLoad(id: string, createAs: Author | undefined): Entry {
    const entry: Entry = { ready: this.load(id, createAs), room: null, holds: 0, idleTimer: null, closing: null };
    entry.ready.then(
      (room) => {
        entry.room = room;
        this.options.metrics.conventionsLoaded++;
      },
      () => {
        if (this.entries.get(id) === entry) this.entries.delete(id);
      },
    );
    this.entries.set(id, entry);
    return entry;
  }

  private async load(id: string, createAs: Author | undefined): Promise<Room> {
    const { storage, writer, bus, instanceId, now, metrics, log } = this.options;
    if (!(await storage.getConvention(id))) {
      if (!createAs) throw new CtgError('convention_not_found', `Convention « ${id} » inconnue.`);
      const created = await this.create(id, { author: createAs, source: { kind: 'template', choice: DEFAULT_TEMPLATE } });
      if (created) log.info('convention créée depuis le modèle', { conventionId: id, by: createAs });
    }
    const stored = await storage.load(id);
    const doc = new Y.Doc();
    replayStored(doc, stored, LOADING);
    this.rowsSinceCompaction.set(id, stored.updates.length);
    const { resyncMs } = this.options;
    const room = new Room(id, doc, {
      writer,
      bus,
      instanceId,
      now,
      metrics,
      log,
      onBroken: (broken) => this.fail(new Set([broken.id]), 'copie de la convention en échec'),
      ...(resyncMs !== undefined ? { resyncMs } : {}),
    });
    this.signatures.set(id, recordSignatures(room, { storage, writer, now, log }));
    return room;
  }

  private unload(id: string, entry: Entry): void {
    if (entry.holds > 0 || entry.closing || this.entries.get(id) !== entry) return;
    entry.idleTimer = null;
    entry.closing = (async () => {
      await this.options.writer.flush();
      entry.room?.destroy();
      await this.signatures.get(id)?.idle();
      if (this.entries.get(id) === entry) {
        this.entries.delete(id);
        this.signatures.delete(id);
      }
      this.options.metrics.conventionsUnloaded++;
      if ((this.rowsSinceCompaction.get(id) ?? 0) > 0) void this.compact(id);
    })();
  }
}
