// The storage contract suite: one set of tests every adapter of the port must pass (run by sqlite.test.ts,
// memory.test.ts and, against a real server, test/services/postgres.services.test.ts).
import { describe, expect, it } from 'vitest';
import type { Storage, UpdateInput } from './port.ts';

const alice = { name: 'Alice', party: 'caf' };
const bob = { name: 'Bob', party: 'commune' };
const update = (conventionId: string, byte: number, at = 1000, author = alice): UpdateInput => ({
  conventionId,
  update: new Uint8Array([byte, byte + 1]),
  author,
  at,
});
const record = (id: string, createdAt = 1) => ({ id, title: `Convention ${id}`, createdAt, createdBy: alice });

export interface ContractOptions {
  /** The adapter fills `exclusive` (shared by several processes). */
  readonly exclusive?: boolean;
}

export function runStorageContract(name: string, open: () => Promise<Storage>, options: ContractOptions = {}): void {
  describe(`storage contract: ${name}`, () => {
    it('creates a convention once, with its first update, and refuses a second creation', async () => {
      const storage = await open();
      expect(await storage.createConvention(record('c1'), update('c1', 1))).toBe(true);
      expect(await storage.createConvention(record('c1'), update('c1', 9))).toBe(false);
      const loaded = await storage.load('c1');
      expect(loaded.checkpoint).toBeNull();
      expect(loaded.updates.map((u) => [...u.update])).toEqual([[1, 2]]);
      expect(await storage.getConvention('c1')).toEqual(record('c1'));
      expect(await storage.getConvention('nope')).toBeNull();
      await storage.close();
    });

    it('appends updates in order with their author and time, per convention', async () => {
      const storage = await open();
      await storage.createConvention(record('a', 2), update('a', 0));
      await storage.createConvention(record('b', 1), update('b', 0));
      await storage.appendUpdates([update('a', 10, 2000), update('b', 20, 2001, bob), update('a', 30, 2002, bob)]);
      const log = await storage.readLog('a');
      expect(log.map((u) => [u.update[0], u.author.name, u.at, u.until, u.count])).toEqual([
        [0, 'Alice', 1000, 1000, 1],
        [10, 'Alice', 2000, 2000, 1],
        [30, 'Bob', 2002, 2002, 1],
      ]);
      expect(log.every((u, i) => i === 0 || u.seq > log[i - 1]!.seq)).toBe(true);
      expect(await storage.lastSeq('a')).toBe(log.at(-1)!.seq);
      expect(await storage.lastSeq('none')).toBe(0);
      expect((await storage.readLog('a', { afterSeq: log[0]!.seq, limit: 1 })).map((u) => u.update[0])).toEqual([10]);
      expect((await storage.listConventions()).map((c) => c.id)).toEqual(['b', 'a']);
      await storage.close();
    });

    it('appends synchronously, when it can, in the same log as the asynchronous appends', async () => {
      const storage = await open();
      if (!storage.appendNow) return void (await storage.close());
      await storage.createConvention(record('n'), update('n', 0));
      storage.appendNow([update('n', 1, 2000)]);
      await storage.appendUpdates([update('n', 2, 2001)]);
      storage.appendNow([update('n', 3, 2002, bob), update('n', 4, 2003)]);
      const log = await storage.readLog('n');
      expect(log.map((u) => [u.update[0], u.author.name])).toEqual([
        [0, 'Alice'],
        [1, 'Alice'],
        [2, 'Alice'],
        [3, 'Bob'],
        [4, 'Alice'],
      ]);
      expect(log.every((u, i) => i === 0 || u.seq > log[i - 1]!.seq)).toBe(true);
      await storage.close();
    });

    it('loads the checkpoint and only the log after it', async () => {
      const storage = await open();
      await storage.createConvention(record('c'), update('c', 1));
      await storage.appendUpdates([update('c', 2), update('c', 3)]);
      const seqs = (await storage.readLog('c')).map((u) => u.seq);
      await storage.saveCheckpoint('c', { seq: seqs[1]!, state: new Uint8Array([7, 7]) });
      await storage.saveCheckpoint('c', { seq: seqs[1]!, state: new Uint8Array([8, 8]) });
      const loaded = await storage.load('c');
      expect(loaded.checkpoint).toEqual({ seq: seqs[1], state: new Uint8Array([8, 8]) });
      expect(loaded.updates.map((u) => u.update[0])).toEqual([3]);
      // The log itself stays whole for the history.
      expect((await storage.readLog('c')).length).toBe(3);
      await storage.close();
    });

    it('merges runs of the log into one row that keeps the last seq', async () => {
      const storage = await open();
      await storage.createConvention(record('m'), update('m', 1));
      await storage.appendUpdates([update('m', 2, 1100), update('m', 3, 1200), update('m', 4, 1300, bob)]);
      const [first, , third, fourth] = await storage.readLog('m');
      await storage.mergeLog([
        {
          conventionId: 'm',
          fromSeq: first!.seq,
          toSeq: third!.seq,
          update: new Uint8Array([99]),
          author: alice,
          at: first!.at,
          until: third!.until,
          count: 3,
        },
      ]);
      const log = await storage.readLog('m');
      expect(log.map((u) => [u.seq, [...u.update], u.at, u.until, u.count])).toEqual([
        [third!.seq, [99], 1000, 1200, 3],
        [fourth!.seq, [4, 5], 1300, 1300, 1],
      ]);
      await storage.appendUpdates([update('m', 5)]);
      expect((await storage.lastSeq('m')) > fourth!.seq).toBe(true);
      await storage.close();
    });

    it('keeps named versions with their state', async () => {
      const storage = await open();
      await storage.createConvention(record('v'), update('v', 1));
      const version = {
        id: 'v1',
        conventionId: 'v',
        name: 'Copil du 12 mars',
        author: bob,
        at: 5000,
        seq: 1,
        state: new Uint8Array([1, 2, 3]),
      };
      await storage.saveVersion(version);
      await expect(storage.saveVersion(version)).rejects.toThrow();
      expect(await storage.listVersions('v')).toEqual([
        { id: 'v1', conventionId: 'v', name: 'Copil du 12 mars', author: bob, at: 5000, seq: 1 },
      ]);
      expect(await storage.getVersion('v', 'v1')).toEqual(version);
      expect(await storage.getVersion('v', 'nope')).toBeNull();
      expect(await storage.listVersions('other')).toEqual([]);
      await storage.close();
    });

    it.runIf(options.exclusive === true)('runs one exclusive task per key at a time, when the adapter is shared by several processes', async () => {
      const storage = await open();
      const exclusive = storage.exclusive?.bind(storage);
      expect(exclusive).toBeDefined();
      if (!exclusive) return;
      const nested = await exclusive('compaction:x', async () => ({
        same: await exclusive('compaction:x', async () => 'ran'),
        other: await exclusive('compaction:y', async () => 'ran'),
      }));
      expect(nested).toEqual({ same: null, other: 'ran' });
      expect(await exclusive('compaction:x', async () => 'again')).toBe('again');
      await expect(exclusive('compaction:x', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
      expect(await exclusive('compaction:x', async () => 'released')).toBe('released');
      await storage.close();
    });
  });
}
