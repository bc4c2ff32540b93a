import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMemoryStorage } from '../storage/memory.ts';
import { openSqliteStorage } from '../storage/sqlite.ts';
import { compactConvention } from './compaction.ts';

const alice = { name: 'Alice', party: 'caf' };
const bob = { name: 'Bob', party: 'commune' };
const MINUTE = 60_000;

/** A log of updates: alice types 5 times, bob 3 times, alice again 2 times much later. */
async function seed(storage = createMemoryStorage()) {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  const updates: Array<{ update: Uint8Array; author: typeof alice; at: number }> = [];
  doc.on('update', (update: Uint8Array) => updates.push({ update, author: current.author, at: current.at }));
  const current = { author: alice, at: 0 };
  const type = (author: typeof alice, at: number, word: string) => {
    current.author = author;
    current.at = at;
    text.insert(text.length, word);
  };
  for (let i = 0; i < 5; i++) type(alice, i * 1000, `a${i} `);
  for (let i = 0; i < 3; i++) type(bob, 10_000 + i * 1000, `b${i} `);
  for (let i = 0; i < 2; i++) type(alice, 60 * MINUTE + i * 1000, `c${i} `);
  const [first, ...rest] = updates;
  await storage.createConvention(
    { id: 'c', title: 'C', createdAt: 0, createdBy: alice },
    { conventionId: 'c', ...first! },
  );
  await storage.appendUpdates(rest.map((u) => ({ conventionId: 'c', ...u })));
  return { storage, expected: text.toString() };
}

const replay = (checkpoint: Uint8Array | undefined, rows: ReadonlyArray<{ update: Uint8Array }>) => {
  const doc = new Y.Doc();
  if (checkpoint) Y.applyUpdate(doc, checkpoint);
  for (const row of rows) Y.applyUpdate(doc, row.update);
  return doc.getText('t').toString();
};

describe('compactConvention', () => {
  for (const [name, open] of [
    ['memory', createMemoryStorage],
    ['sqlite', () => openSqliteStorage({ path: ':memory:' })],
  ] as const) {
    it(`writes a checkpoint and merges settled runs per author (${name})`, async () => {
      const { storage, expected } = await seed(open());
      const result = await compactConvention(storage, 'c', { historyWindowMs: 5 * MINUTE, now: 61 * MINUTE, sliceRows: 3 });
      // The last run (alice, 60 min) is not settled yet at 61 min.
      expect(result).toMatchObject({ mergedRuns: 2, rowsBefore: 10, rowsAfter: 4 });
      const log = await storage.readLog('c');
      expect(log.map((row) => [row.author.name, row.count, row.at, row.until])).toEqual([
        ['Alice', 5, 0, 4000],
        ['Bob', 3, 10_000, 12_000],
        ['Alice', 1, 60 * MINUTE, 60 * MINUTE],
        ['Alice', 1, 60 * MINUTE + 1000, 60 * MINUTE + 1000],
      ]);
      expect(replay(undefined, log)).toBe(expected);
      const loaded = await storage.load('c');
      expect(loaded.updates).toEqual([]);
      expect(replay(loaded.checkpoint?.state, [])).toBe(expected);
    });
  }

  it('merges a long sitting in slices, giving the event loop a turn between them, with the same result', async () => {
    const storage = openSqliteStorage({ path: ':memory:' });
    const doc = new Y.Doc();
    const rows: Array<{ update: Uint8Array; at: number }> = [];
    doc.on('update', (update: Uint8Array) => rows.push({ update, at: rows.length * 100 }));
    const text = doc.getText('t');
    for (let i = 0; i < 1200; i++) text.insert(text.length, `${i} `);
    const [first, ...rest] = rows;
    await storage.createConvention({ id: 'c', title: 'C', createdAt: 0, createdBy: alice }, { conventionId: 'c', author: alice, ...first! });
    await storage.appendUpdates(rest.map((row) => ({ conventionId: 'c', author: alice, ...row })));

    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    // sliceMs 0: a turn at every pause point, so the count does not depend on the machine's speed.
    const result = await compactConvention(storage, 'c', { historyWindowMs: 5 * MINUTE, now: 60 * MINUTE, sliceRows: 100, sliceMs: 0 });
    ticking = false;

    expect(result).toMatchObject({ mergedRuns: 1, rowsBefore: 1200, rowsAfter: 1 });
    // 1200 rows replayed one by one (and pages read, slices merged): the loop ran between them.
    expect(turns).toBeGreaterThan(1200);
    const log = await storage.readLog('c');
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ count: 1200, at: 0, until: 1199 * 100 });
    expect(replay(undefined, log)).toBe(text.toString());
    const loaded = await storage.load('c');
    expect(replay(loaded.checkpoint?.state, loaded.updates)).toBe(text.toString());
  });
});
