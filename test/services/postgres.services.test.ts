// The Postgres adapter against the machine's PostgreSQL: the storage contract suite (each test on a fresh schema), a
// log follower that misses no row while two instances append at once, and compaction shared by two instances.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { runStorageContract } from '../../server/storage/contract.ts';
import type { Storage, StoredUpdate } from '../../server/storage/port.ts';
import { openPostgresStorage } from '../../server/storage/postgres.ts';
import { compactConvention } from '../../server/sync/compaction.ts';
import { freshDatabase, sleep, type TestDatabase } from './services.ts';

let db: TestDatabase;
let schemas = 0;
const opened: Storage[] = [];
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => {
  for (const storage of opened) await storage.close();
  await db.drop();
});

/** A storage on its own fresh schema; `schema` to share one (two instances). */
async function open(schema = `s${++schemas}`): Promise<Storage> {
  const storage = await openPostgresStorage({ url: db.url, schema, max: 4 });
  opened.push(storage);
  return storage;
}

/** Runs `body` on an administrator connection to the test database. */
async function onDatabase<T>(body: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}

runStorageContract('postgres', () => open(), { exclusive: true });

const alice = { name: 'Alice', party: 'caf' };
const record = (id: string) => ({ id, title: id, createdAt: 1, createdBy: alice });

describe('postgres adapter', () => {
  it('refuses updates of an unknown convention, storing none of the batch', async () => {
    const storage = await open();
    await storage.createConvention(record('k'), { conventionId: 'k', update: new Uint8Array([1]), author: alice, at: 1 });
    const u = (conventionId: string) => ({ conventionId, update: new Uint8Array([2]), author: alice, at: 2 });
    await expect(storage.appendUpdates([u('k'), u('inconnue')])).rejects.toMatchObject({ name: 'StorageError' });
    expect(await storage.readLog('k')).toHaveLength(1);
  });

  it('lets a follower of "the log after seq N" see every row while two instances append at once', async () => {
    const schema = `s${++schemas}`;
    const [one, two, follower] = [await open(schema), await open(schema), await open(schema)];
    await one.createConvention(record('f'), { conventionId: 'f', update: new Uint8Array([0]), author: alice, at: 0 });
    const seen: StoredUpdate[] = [];
    let writing = true;
    const follow = (async () => {
      while (writing || seen.length < 401) {
        seen.push(...(await follower.readLog('f', { afterSeq: seen.at(-1)?.seq ?? 0 })));
        if (!writing) await sleep(5);
      }
    })();
    const write = (storage: Storage, tag: number) =>
      Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          storage.appendUpdates([{ conventionId: 'f', update: new Uint8Array([tag, i]), author: alice, at: i }]),
        ),
      );
    await Promise.all([write(one, 1), write(two, 2)]);
    writing = false;
    await follow;
    expect(seen).toHaveLength(401);
    expect(seen.map((u) => u.seq)).toEqual(Array.from({ length: 401 }, (_, i) => i + 1));
    expect(new Set(seen.map((u) => `${u.update[0]}:${u.update[1]}`)).size).toBe(401);
  });

  it('compacts once across two instances, losing nothing appended meanwhile', async () => {
    const schema = `s${++schemas}`;
    const [one, two] = [await open(schema), await open(schema)];
    const doc = new Y.Doc();
    const text = doc.getText('t');
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    text.insert(0, 'début ');
    await one.createConvention(record('c'), { conventionId: 'c', update: updates.shift()!, author: alice, at: 0 });
    const type = async (storage: Storage, count: number) => {
      for (let i = 0; i < count; i++) {
        text.insert(text.length, `${i} `);
        await storage.appendUpdates([{ conventionId: 'c', update: updates.shift()!, author: alice, at: i }]);
      }
    };
    await type(one, 100);
    const compact = (storage: Storage) =>
      storage.exclusive!('compaction:c', async () => {
        const result = await compactConvention(storage, 'c', { historyWindowMs: 1, now: 1_000_000, sliceRows: 10 });
        await sleep(100);
        return result;
      });
    // Both instances compact at once while both keep appending.
    const [first, second] = await Promise.all([compact(one), sleep(20).then(() => compact(two)), type(two, 50), type(one, 50)]);
    expect([first, second].filter((r) => r === null)).toHaveLength(1);
    const ran = first ?? second;
    expect(ran?.mergedRuns).toBeGreaterThan(0);
    // Everything, compacted or appended meanwhile, is there: from the checkpoint, and from the log alone.
    const { checkpoint, updates: after } = await one.load('c');
    const restored = new Y.Doc();
    if (checkpoint) Y.applyUpdate(restored, checkpoint.state);
    for (const row of after) Y.applyUpdate(restored, row.update);
    expect(restored.getText('t').toString()).toBe(text.toString());
    const replayed = new Y.Doc();
    for (const row of await two.readLog('c')) Y.applyUpdate(replayed, row.update);
    expect(replayed.getText('t').toString()).toBe(text.toString());
  });

  it('refuses a merge computed from a log another instance has merged meanwhile', async () => {
    const schema = `s${++schemas}`;
    const [one, two] = [await open(schema), await open(schema)];
    await one.createConvention(record('m'), { conventionId: 'm', update: new Uint8Array([1]), author: alice, at: 0 });
    await one.appendUpdates([2, 3].map((b) => ({ conventionId: 'm', update: new Uint8Array([b]), author: alice, at: b })));
    const merge = { conventionId: 'm', fromSeq: 1, toSeq: 3, update: new Uint8Array([9]), author: alice, at: 0, until: 3, count: 3 };
    await one.mergeLog([merge]);
    await expect(two.mergeLog([{ ...merge, update: new Uint8Array([8]) }])).rejects.toMatchObject({ name: 'StorageError' });
    expect((await two.readLog('m')).map((u) => [u.seq, [...u.update], u.count])).toEqual([[3, [9], 3]]);
    // A checkpoint never goes back either.
    await two.saveCheckpoint('m', { seq: 3, state: new Uint8Array([3]) });
    await one.saveCheckpoint('m', { seq: 2, state: new Uint8Array([2]) });
    expect((await two.load('m')).checkpoint?.seq).toBe(3);
  });

  it('starts under a role that may read and write the tables but not create anything', async () => {
    const schema = `s${++schemas}`;
    await (await open(schema)).close();
    const role = `ctg_app_${randomBytes(4).toString('hex')}`;
    const password = randomBytes(12).toString('hex');
    const sql = (text: string) => onDatabase((client) => client.query(text));
    await sql(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
    try {
      await sql(`REVOKE CREATE ON DATABASE ${db.name} FROM PUBLIC; GRANT USAGE ON SCHEMA ${schema} TO ${role};
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${role}`);
      const url = new URL(db.url);
      url.username = role;
      url.password = password;
      const storage = await openPostgresStorage({ url: url.toString(), schema, max: 2 });
      try {
        expect(await storage.createConvention(record('r'), { conventionId: 'r', update: new Uint8Array([1]), author: alice, at: 1 })).toBe(true);
        expect((await storage.load('r')).updates).toHaveLength(1);
      } finally {
        await storage.close();
      }
    } finally {
      await sql(`DROP OWNED BY ${role}`);
      await sql(`DROP ROLE ${role}`);
    }
  });

  it('survives the lock connection being cut while a task runs', async () => {
    const storage = await open();
    const result = await storage.exclusive!('compaction:cut', async () => {
      // The lock's connection sits idle in its transaction: end it from the server side, as a network failure would.
      const { rows } = await onDatabase((client) =>
        client.query<{ cut: boolean }>(
          `SELECT pg_terminate_backend(pid) AS cut FROM pg_locks WHERE locktype = 'advisory' AND classid = $1 AND granted`,
          [0x43544700],
        ),
      );
      expect(rows.map((r) => r.cut)).toEqual([true]);
      await sleep(200);
      return 'fini';
    });
    expect(result).toBe('fini');
    expect(await storage.exclusive!('compaction:cut', async () => 'encore')).toBe('encore');
  });

  it('says clearly when PostgreSQL cannot be reached', async () => {
    await expect(openPostgresStorage({ url: 'postgres://postgres@127.0.0.1:1/nulle' })).rejects.toMatchObject({
      name: 'StorageError',
      message: expect.stringContaining('Postgres'),
    });
  });
});
