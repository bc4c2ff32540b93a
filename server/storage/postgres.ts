// PostgreSQL adapter of the storage port, for several `ctg serve` instances sharing one database. Seqs are allocated
// per convention under the convention's row lock, so the rows of one convention commit in seq order and "the log
// after seq N" never misses a row that commits late; compaction runs under an advisory lock (`exclusive`).
import pg from 'pg';
import { type Logger, silentLogger } from '../log.ts';
import {
  type Storage,
  StorageError,
  type UpdateInput,
} from './port.ts';
import { bytes, type ConventionRow, toConvention, toUpdate, toVersionInfo, type UpdateRow, type VersionRow } from './rows.ts';

export interface PostgresOptions {
  /** `postgres://user:password@host:5432/database` */
  readonly url: string;
  /** Schema holding the tables (created if missing); default `public`. Tests use one schema each. */
  readonly schema?: string;
  /** Pool size (default 10). */
  readonly max?: number;
  readonly log?: Logger;
}

// `conventions.last_seq` is the allocator: an append takes the row lock (UPDATE … RETURNING) until it commits, so two
// instances appending to one convention take turns and their seqs never interleave out of commit order.
const schemaSql = (schema: string) => `
CREATE SCHEMA IF NOT EXISTS ${schema};
CREATE TABLE IF NOT EXISTS ${schema}.conventions (
  id TEXT PRIMARY KEY, title TEXT NOT NULL, created_at BIGINT NOT NULL,
  created_by_name TEXT NOT NULL, created_by_party TEXT NOT NULL, last_seq BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS ${schema}.updates (
  convention_id TEXT NOT NULL, seq BIGINT NOT NULL, data BYTEA NOT NULL,
  author_name TEXT NOT NULL, author_party TEXT NOT NULL, at BIGINT NOT NULL, until BIGINT NOT NULL,
  count INTEGER NOT NULL, PRIMARY KEY (convention_id, seq)
);
CREATE TABLE IF NOT EXISTS ${schema}.checkpoints (
  convention_id TEXT PRIMARY KEY, seq BIGINT NOT NULL, state BYTEA NOT NULL
);
CREATE TABLE IF NOT EXISTS ${schema}.versions (
  convention_id TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, author_name TEXT NOT NULL,
  author_party TEXT NOT NULL, at BIGINT NOT NULL, seq BIGINT NOT NULL, state BYTEA NOT NULL,
  PRIMARY KEY (convention_id, id)
);
`;

/** Advisory-lock namespace of Concerto (first key of the two-int form): "CTG\0". */
const LOCK_SPACE = 0x43544700;


const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;
const TABLES = ['conventions', 'updates', 'checkpoints', 'versions'] as const;

/** True when every table exists in `schema` (to_regclass needs no privilege on them). */
async function tablesExist(pool: pg.Pool, schema: string): Promise<boolean> {
  const { rows } = await pool.query<{ missing: number }>(
    'SELECT count(*) FILTER (WHERE to_regclass(name) IS NULL)::int AS missing FROM unnest($1::text[]) AS name',
    [TABLES.map((table) => `${schema}.${table}`)],
  );
  return rows[0]?.missing === 0;
}

/** Opens the pool and creates the tables if needed. */
export async function openPostgresStorage(options: PostgresOptions): Promise<Storage> {
  const schema = options.schema ?? 'public';
  if (!IDENTIFIER.test(schema)) throw new StorageError(`Postgres : nom de schéma invalide « ${schema} »`);
  const log = options.log ?? silentLogger;
  const pool = new pg.Pool({ connectionString: options.url, max: options.max ?? 10, options: `-c search_path=${schema}` });
  // An idle client losing its connection must not crash the process; the next query gets a fresh one.
  pool.on('error', (error) => log.warn('Postgres : connexion perdue', { error }));

  /** Runs a statement, wrapping driver errors. */
  const run = async <T>(what: string, body: () => Promise<T>): Promise<T> => {
    try {
      return await body();
    } catch (error) {
      if (error instanceof StorageError) throw error;
      throw new StorageError(`Postgres : échec de ${what}`, { cause: error });
    }
  };
  /** One transaction on one pooled client. */
  const transaction = async <T>(body: (client: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query(begin);
      const result = await body(client);
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (error) {
      // A failed ROLLBACK means the connection is gone: destroy it rather than return it to the pool.
      await client.query('ROLLBACK').then(
        () => client.release(),
        (rollback: unknown) => client.release(rollback instanceof Error ? rollback : true),
      );
      throw error;
    }
  };

  // Tables already there (created by an administrator, or by an earlier start): no DDL, so a role without the right
  // to create in the schema can run the server. Otherwise two instances starting together must not race on CREATE
  // TABLE IF NOT EXISTS: one takes the lock, DDL is transactional.
  await run('la création du schéma', async () => {
    if (await tablesExist(pool, schema)) return;
    await transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, 0)', [LOCK_SPACE]);
      await client.query(schemaSql(schema));
    });
  }).catch(async (error: unknown) => {
    await pool.end();
    throw error;
  });
  let closed = false;

  /** Appends the updates of one convention; the row lock on its convention orders concurrent appenders. */
  const appendTo = async (db: pg.Pool | pg.PoolClient, conventionId: string, rows: readonly UpdateInput[]) => {
    const { rowCount } = await db.query(
      `WITH alloc AS (
         UPDATE conventions SET last_seq = last_seq + $2 WHERE id = $1 RETURNING last_seq - $2 AS base
       )
       INSERT INTO updates (convention_id, seq, data, author_name, author_party, at, until, count)
       SELECT $1, alloc.base + u.ord, u.data, u.name, u.party, u.at, u.at, 1
       FROM alloc, unnest($3::bytea[], $4::text[], $5::text[], $6::bigint[]) WITH ORDINALITY AS u(data, name, party, at, ord)`,
      [
        conventionId,
        rows.length,
        rows.map((u) => u.update),
        rows.map((u) => u.author.name),
        rows.map((u) => u.author.party),
        rows.map((u) => u.at),
      ],
    );
    if (rowCount !== rows.length) throw new StorageError(`Postgres : convention « ${conventionId} » inconnue`);
  };

  return {
    createConvention: (record, initial) =>
      run('la création', async () => {
        const { rowCount } = await pool.query(
          `WITH created AS (
             INSERT INTO conventions (id, title, created_at, created_by_name, created_by_party, last_seq)
             VALUES ($1, $2, $3, $4, $5, 1) ON CONFLICT (id) DO NOTHING RETURNING id
           )
           INSERT INTO updates (convention_id, seq, data, author_name, author_party, at, until, count)
           SELECT id, 1, $6, $7, $8, $9, $9, 1 FROM created`,
          [
            record.id,
            record.title,
            record.createdAt,
            record.createdBy.name,
            record.createdBy.party,
            initial.update,
            initial.author.name,
            initial.author.party,
            initial.at,
          ],
        );
        return rowCount === 1;
      }),
    getConvention: (id) =>
      run('la lecture', async () => {
        const { rows } = await pool.query<ConventionRow>('SELECT * FROM conventions WHERE id = $1', [id]);
        return rows[0] ? toConvention(rows[0]) : null;
      }),
    listConventions: () =>
      run('la lecture', async () => {
        const { rows } = await pool.query<ConventionRow>('SELECT * FROM conventions ORDER BY created_at, id');
        return rows.map(toConvention);
      }),
    // One snapshot for the checkpoint and the rows after it.
    load: (conventionId) =>
      run('le chargement', () =>
        transaction(async (client) => {
          const saved = await client.query<{ seq: string; state: Buffer }>(
            'SELECT seq, state FROM checkpoints WHERE convention_id = $1',
            [conventionId],
          );
          const row = saved.rows[0];
          const checkpoint = row ? { seq: Number(row.seq), state: bytes(row.state) } : null;
          const log = await client.query<UpdateRow>(
            'SELECT * FROM updates WHERE convention_id = $1 AND seq > $2 ORDER BY seq',
            [conventionId, checkpoint?.seq ?? 0],
          );
          return { checkpoint, updates: log.rows.map(toUpdate) };
        }, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY'),
      ),
    appendUpdates: (updates) =>
      run('l’écriture', async () => {
        const byConvention = new Map<string, UpdateInput[]>();
        for (const u of updates) {
          const list = byConvention.get(u.conventionId);
          if (list) list.push(u);
          else byConvention.set(u.conventionId, [u]);
        }
        if (byConvention.size === 0) return;
        // One statement commits on its own; several lock their conventions in id order (no deadlock).
        const [only] = byConvention;
        if (byConvention.size === 1 && only) return appendTo(pool, only[0], only[1]);
        await transaction(async (client) => {
          for (const id of [...byConvention.keys()].sort()) await appendTo(client, id, byConvention.get(id)!);
        });
      }),
    readLog: (conventionId, opts) =>
      run('la lecture', async () => {
        const { rows } = await pool.query<UpdateRow>(
          'SELECT * FROM updates WHERE convention_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
          [conventionId, opts?.afterSeq ?? 0, opts?.limit ?? null],
        );
        return rows.map(toUpdate);
      }),
    lastSeq: (conventionId) =>
      run('la lecture', async () => {
        const { rows } = await pool.query<{ seq: string | null }>(
          'SELECT MAX(seq) AS seq FROM updates WHERE convention_id = $1',
          [conventionId],
        );
        return Number(rows[0]?.seq ?? 0);
      }),
    // A checkpoint never goes back: a slower compaction cannot replace a newer one.
    saveCheckpoint: (conventionId, checkpoint) =>
      run('l’écriture', async () => {
        await pool.query(
          `INSERT INTO checkpoints (convention_id, seq, state) VALUES ($1, $2, $3)
           ON CONFLICT (convention_id) DO UPDATE SET seq = excluded.seq, state = excluded.state
           WHERE checkpoints.seq <= excluded.seq`,
          [conventionId, checkpoint.seq, checkpoint.state],
        );
      }),
    // Each run must still be exactly what the merge was computed from (same bounds, same update count); if another
    // process merged it meanwhile, the whole transaction is refused and nothing changes.
    mergeLog: (merges) =>
      run('la compaction', () =>
        transaction(async (client) => {
          for (const m of merges) {
            const { rows } = await client.query<{ seq: string; count: number }>(
              'DELETE FROM updates WHERE convention_id = $1 AND seq BETWEEN $2 AND $3 RETURNING seq, count',
              [m.conventionId, m.fromSeq, m.toSeq],
            );
            const seqs = new Set(rows.map((r) => Number(r.seq)));
            const count = rows.reduce((sum, r) => sum + r.count, 0);
            if (!seqs.has(m.fromSeq) || !seqs.has(m.toSeq) || count !== m.count) {
              throw new StorageError(`Postgres : le journal de « ${m.conventionId} » a changé pendant la compaction`);
            }
            await client.query(
              `INSERT INTO updates (convention_id, seq, data, author_name, author_party, at, until, count)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
              [m.conventionId, m.toSeq, m.update, m.author.name, m.author.party, m.at, m.until, m.count],
            );
          }
        }),
      ),
    saveVersion: (v) =>
      run('l’écriture', async () => {
        await pool.query(
          `INSERT INTO versions (convention_id, id, name, author_name, author_party, at, seq, state)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [v.conventionId, v.id, v.name, v.author.name, v.author.party, v.at, v.seq, v.state],
        );
      }),
    listVersions: (conventionId) =>
      run('la lecture', async () => {
        const { rows } = await pool.query<VersionRow>(
          `SELECT convention_id, id, name, author_name, author_party, at, seq FROM versions
           WHERE convention_id = $1 ORDER BY at, id`,
          [conventionId],
        );
        return rows.map(toVersionInfo);
      }),
    getVersion: (conventionId, versionId) =>
      run('la lecture', async () => {
        const { rows } = await pool.query<VersionRow>('SELECT * FROM versions WHERE convention_id = $1 AND id = $2', [
          conventionId,
          versionId,
        ]);
        const row = rows[0];
        return row?.state ? { ...toVersionInfo(row), state: bytes(row.state) } : null;
      }),
    // A transaction-scoped advisory lock, held by one pooled connection while the task runs on others: released at
    // the end of the transaction, or by Postgres itself if this process dies.
    async exclusive(key, task) {
      const client = await run('le verrou', () => pool.connect());
      let broken: Error | undefined;
      // Checked out, the client is not the pool's to watch: a connection dropped while it sits idle in its transaction
      // (the task runs on other connections) would otherwise be an unhandled 'error' event, and crash the process.
      const onError = (error: Error) => {
        broken = error;
        log.warn('Postgres : connexion du verrou perdue', { key, error });
      };
      client.on('error', onError);
      try {
        const locked = await run('le verrou', async () => {
          await client.query('BEGIN');
          const { rows } = await client.query<{ locked: boolean }>(
            'SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS locked',
            [LOCK_SPACE, key],
          );
          return rows[0]?.locked === true;
        });
        return locked ? await task() : null;
      } finally {
        if (!broken) {
          await client.query('ROLLBACK').catch((error: unknown) => {
            broken = error instanceof Error ? error : new Error(String(error));
          });
        }
        client.off('error', onError);
        client.release(broken);
      }
    },
    close: () =>
      run('la fermeture', async () => {
        if (closed) return;
        closed = true;
        await pool.end();
      }),
  };
}
