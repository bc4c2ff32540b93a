// SQLite adapter of the storage port: one better-sqlite3 file in WAL mode. Calls are synchronous underneath; each
// write method is one transaction, so a batch of updates costs one commit.
import Database from 'better-sqlite3';
import {
  type Checkpoint,
  type ConventionRecord,
  type LogMerge,
  type Storage,
  StorageError,
  type StoredDocument,
  type UpdateInput,
} from './port.ts';
import { Checkpointer } from './checkpointer.ts';
import { bytes, type ConventionRow, toConvention, toUpdate, toVersionInfo, type UpdateRow, type VersionRow } from './rows.ts';

export interface SqliteOptions {
  /** Database file (`:memory:` for tests). */
  readonly path: string;
  /**
   * NORMAL (default) survives a crash or `kill -9` of the process — WAL frames are in the OS before commit returns;
   * FULL also survives a power cut, at one fsync per transaction.
   */
  readonly synchronous?: 'NORMAL' | 'FULL';
}

// `updates.seq` is the rowid (max + 1): merged rows keep the last seq of their run, so the maximum never goes down
// and a seq is never reused; no AUTOINCREMENT, which would cost one more page write per commit.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS conventions (
  id TEXT PRIMARY KEY, title TEXT NOT NULL, created_at INTEGER NOT NULL,
  created_by_name TEXT NOT NULL, created_by_party TEXT NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS updates (
  seq INTEGER PRIMARY KEY, convention_id TEXT NOT NULL, data BLOB NOT NULL,
  author_name TEXT NOT NULL, author_party TEXT NOT NULL, at INTEGER NOT NULL, until INTEGER NOT NULL,
  count INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS updates_by_convention ON updates (convention_id, seq);
CREATE TABLE IF NOT EXISTS checkpoints (
  convention_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, state BLOB NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS versions (
  convention_id TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, author_name TEXT NOT NULL,
  author_party TEXT NOT NULL, at INTEGER NOT NULL, seq INTEGER NOT NULL, state BLOB NOT NULL,
  PRIMARY KEY (convention_id, id)
) STRICT;
`;


export function openSqliteStorage(options: SqliteOptions): Storage {
  const db = new Database(options.path);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
  db.pragma('busy_timeout = 5000');
  // Checkpoints run when writes pause (checkpointer.ts), not inside whichever commit fills the log.
  const wal = db.pragma('journal_mode', { simple: true }) === 'wal';
  if (wal) db.pragma('wal_autocheckpoint = 0');
  const checkpointer = wal ? new Checkpointer(() => db.pragma('wal_checkpoint(PASSIVE)')) : null;
  db.exec(SCHEMA);

  const insertConvention = db.prepare(
    `INSERT INTO conventions (id, title, created_at, created_by_name, created_by_party) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO NOTHING`,
  );
  const selectConvention = db.prepare<[string], ConventionRow>('SELECT * FROM conventions WHERE id = ?');
  const selectConventions = db.prepare<[], ConventionRow>('SELECT * FROM conventions ORDER BY created_at, id');
  const insertUpdate = db.prepare(
    `INSERT INTO updates (convention_id, data, author_name, author_party, at, until, count)
     VALUES (?, ?, ?, ?, ?, ?, 1)`,
  );
  const insertMerged = db.prepare(
    `INSERT INTO updates (seq, convention_id, data, author_name, author_party, at, until, count)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const deleteRun = db.prepare('DELETE FROM updates WHERE convention_id = ? AND seq BETWEEN ? AND ?');
  const selectLog = db.prepare<[string, number, number], UpdateRow>(
    'SELECT * FROM updates WHERE convention_id = ? AND seq > ? ORDER BY seq LIMIT ?',
  );
  const selectLastSeq = db.prepare<[string], { seq: number | null }>(
    'SELECT MAX(seq) AS seq FROM updates WHERE convention_id = ?',
  );
  const selectCheckpoint = db.prepare<[string], { seq: number; state: Buffer }>(
    'SELECT seq, state FROM checkpoints WHERE convention_id = ?',
  );
  const upsertCheckpoint = db.prepare(
    `INSERT INTO checkpoints (convention_id, seq, state) VALUES (?, ?, ?)
     ON CONFLICT (convention_id) DO UPDATE SET seq = excluded.seq, state = excluded.state`,
  );
  const insertVersion = db.prepare(
    `INSERT INTO versions (convention_id, id, name, author_name, author_party, at, seq, state)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const selectVersions = db.prepare<[string], VersionRow>(
    `SELECT convention_id, id, name, author_name, author_party, at, seq FROM versions
     WHERE convention_id = ? ORDER BY at, id`,
  );
  const selectVersion = db.prepare<[string, string], VersionRow>(
    'SELECT * FROM versions WHERE convention_id = ? AND id = ?',
  );

  const append = (u: UpdateInput) =>
    insertUpdate.run(u.conventionId, u.update, u.author.name, u.author.party, u.at, u.at);
  const create = db.transaction((record: ConventionRecord, initial: UpdateInput): boolean => {
    const { changes } = insertConvention.run(
      record.id,
      record.title,
      record.createdAt,
      record.createdBy.name,
      record.createdBy.party,
    );
    if (changes === 0) return false;
    append(initial);
    return true;
  });
  const appendAll = db.transaction((updates: readonly UpdateInput[]) => {
    for (const u of updates) append(u);
  });
  // One update commits on its own (autocommit), saving the BEGIN/COMMIT round of a wrapped transaction.
  const appendNow = (updates: readonly UpdateInput[]): void => {
    if (updates.length === 1) append(updates[0]!);
    else appendAll(updates);
  };
  const mergeAll = db.transaction((merges: readonly LogMerge[]) => {
    for (const m of merges) {
      deleteRun.run(m.conventionId, m.fromSeq, m.toSeq);
      insertMerged.run(m.toSeq, m.conventionId, m.update, m.author.name, m.author.party, m.at, m.until, m.count);
    }
  });
  const loadAll = db.transaction((conventionId: string): StoredDocument => {
    const row = selectCheckpoint.get(conventionId);
    const checkpoint: Checkpoint | null = row ? { seq: row.seq, state: bytes(row.state) } : null;
    const updates = selectLog.all(conventionId, checkpoint?.seq ?? 0, -1).map(toUpdate);
    return { checkpoint, updates };
  });

  /** Runs a synchronous statement, wrapping driver errors. */
  const runNow = <T>(what: string, body: () => T): T => {
    try {
      return body();
    } catch (error) {
      throw new StorageError(`SQLite : échec de ${what}`, { cause: error });
    }
  };
  /** The same, as the async port expects. */
  const run = async <T>(what: string, body: () => T): Promise<T> => runNow(what, body);
  /** A write transaction, counted towards the next checkpoint. */
  const write = <T>(what: string, body: () => T): T => {
    const result = runNow(what, body);
    checkpointer?.noteWrite();
    return result;
  };

  return {
    createConvention: async (record, initial) => write('la création', () => create(record, initial)),
    getConvention: (id) =>
      run('la lecture', () => {
        const row = selectConvention.get(id);
        return row ? toConvention(row) : null;
      }),
    listConventions: () => run('la lecture', () => selectConventions.all().map(toConvention)),
    load: (conventionId) => run('le chargement', () => loadAll(conventionId)),
    appendUpdates: async (updates) => write('l’écriture', () => appendNow(updates)),
    appendNow: (updates) => write('l’écriture', () => appendNow(updates)),
    readLog: (conventionId, opts) =>
      run('la lecture', () => selectLog.all(conventionId, opts?.afterSeq ?? 0, opts?.limit ?? -1).map(toUpdate)),
    lastSeq: (conventionId) => run('la lecture', () => selectLastSeq.get(conventionId)?.seq ?? 0),
    saveCheckpoint: async (conventionId, checkpoint) =>
      write('l’écriture', () => {
        upsertCheckpoint.run(conventionId, checkpoint.seq, checkpoint.state);
      }),
    mergeLog: async (merges) => write('la compaction', () => mergeAll(merges)),
    saveVersion: async (v) =>
      write('l’écriture', () => {
        insertVersion.run(v.conventionId, v.id, v.name, v.author.name, v.author.party, v.at, v.seq, v.state);
      }),
    listVersions: (conventionId) => run('la lecture', () => selectVersions.all(conventionId).map(toVersionInfo)),
    getVersion: (conventionId, versionId) =>
      run('la lecture', () => {
        const row = selectVersion.get(conventionId, versionId);
        return row?.state ? { ...toVersionInfo(row), state: bytes(row.state) } : null;
      }),
    close: () =>
      run('la fermeture', () => {
        checkpointer?.stop();
        if (db.open) db.close();
      }),
  };
}
