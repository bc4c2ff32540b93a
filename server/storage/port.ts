// The storage port: what the sync server needs to keep conventions durable. SQLite (sqlite.ts) for one instance,
// Postgres (postgres.ts) for several; memory.ts fills it for tests. Every method may be async; an adapter never
// interprets Yjs bytes.

/** Who made a change: the token's name and party. */
export interface Author {
  readonly name: string;
  readonly party: string;
}

export interface ConventionRecord {
  readonly id: string;
  readonly title: string;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  readonly createdBy: Author;
}

export interface UpdateInput {
  readonly conventionId: string;
  readonly update: Uint8Array;
  readonly author: Author;
  /** Epoch milliseconds. */
  readonly at: number;
}

/** One row of the update log; compaction may merge a run of one author's updates into one row. */
export interface StoredUpdate extends UpdateInput {
  /**
   * Increasing within a convention, in commit order (a row committed later never has a smaller seq, so "the log after
   * seq N" misses nothing); SQLite and memory number across the whole store. A merged row keeps the seq of the last
   * update it holds.
   */
  readonly seq: number;
  /** Time of the last update the row holds (equals `at` for a single update). */
  readonly until: number;
  /** How many updates the row holds. */
  readonly count: number;
}

export interface Checkpoint {
  /** The state holds every update with seq ≤ this. */
  readonly seq: number;
  readonly state: Uint8Array;
}

/** What loading a convention needs: the latest checkpoint and every log row after it. */
export interface StoredDocument {
  readonly checkpoint: Checkpoint | null;
  readonly updates: readonly StoredUpdate[];
}

export interface VersionInfo {
  readonly id: string;
  readonly conventionId: string;
  /** « Copil du 12 mars » */
  readonly name: string;
  readonly author: Author;
  readonly at: number;
  /** The last log seq the version includes. */
  readonly seq: number;
}

export interface Version extends VersionInfo {
  /** The full document state (`Y.encodeStateAsUpdate`). */
  readonly state: Uint8Array;
}

/** A run of log rows [fromSeq, toSeq] of one convention to replace by one merged row. */
export interface LogMerge {
  readonly conventionId: string;
  readonly fromSeq: number;
  readonly toSeq: number;
  readonly update: Uint8Array;
  readonly author: Author;
  readonly at: number;
  readonly until: number;
  readonly count: number;
}

export interface Storage {
  /**
   * Stores a new convention and its first update in one transaction. Resolves false, storing nothing, when the id
   * exists already: the creation race is settled here, so two servers never both create.
   */
  createConvention(record: ConventionRecord, initial: UpdateInput): Promise<boolean>;
  getConvention(id: string): Promise<ConventionRecord | null>;
  listConventions(): Promise<ConventionRecord[]>;
  load(conventionId: string): Promise<StoredDocument>;
  /** Appends every update in one transaction, in order; resolves once they are durable. */
  appendUpdates(updates: readonly UpdateInput[]): Promise<void>;
  /**
   * The same, durable before it returns, for adapters that write synchronously (SQLite, memory): it lets the server
   * store an update and send it on within the turn of the event loop that received it. Throws a StorageError on
   * failure. Adapters that can only write asynchronously (Postgres) leave it out.
   */
  appendNow?(updates: readonly UpdateInput[]): void;
  /** Log rows of a convention in seq order, from the beginning (history replays them). */
  readLog(conventionId: string, options?: { afterSeq?: number; limit?: number }): Promise<StoredUpdate[]>;
  /** The highest log seq of a convention (0 when empty). */
  lastSeq(conventionId: string): Promise<number>;
  /** Replaces the convention's checkpoint. */
  saveCheckpoint(conventionId: string, checkpoint: Checkpoint): Promise<void>;
  /** Replaces each run of rows by its merged row, in one transaction. */
  mergeLog(merges: readonly LogMerge[]): Promise<void>;
  saveVersion(version: Version): Promise<void>;
  listVersions(conventionId: string): Promise<VersionInfo[]>;
  getVersion(conventionId: string, versionId: string): Promise<Version | null>;
  /**
   * Runs `task` unless another process sharing this store runs one under the same key, and resolves null without
   * running it then (Postgres: an advisory lock, e.g. one compaction per convention across instances). Single-process
   * adapters leave it out.
   */
  exclusive?<T>(key: string, task: () => Promise<T>): Promise<T | null>;
  close(): Promise<void>;
}

/** A storage failure (disk full, locked, corrupt): the caller closes what depends on it and retries later. */
export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
