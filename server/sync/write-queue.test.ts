import { describe, expect, it } from 'vitest';
import { createMemoryStorage } from '../storage/memory.ts';
import type { Storage } from '../storage/port.ts';
import { WriteQueue } from './write-queue.ts';

const author = { name: 'A', party: 'caf' };
const entry = (byte: number, conventionId = 'c') => ({ conventionId, update: new Uint8Array([byte]), author, at: 1 });
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

function spyStorage(fail = false) {
  const inner = createMemoryStorage();
  const batches: number[][] = [];
  const storage: Storage = {
    ...inner,
    async appendUpdates(updates) {
      batches.push(updates.map((u) => u.update[0]!));
      if (fail) throw new Error('disque plein');
      return inner.appendUpdates(updates);
    },
  };
  return { storage, batches, inner };
}

describe('WriteQueue', () => {
  it('stores one tick of updates in one batch, then runs what waited, in order', async () => {
    const { storage, batches } = spyStorage();
    const events: string[] = [];
    const queue = new WriteQueue(storage, {
      onFailure: () => events.push('failure'),
      onCallbackError: () => events.push('callback error'),
    });
    queue.afterDurable(() => events.push('nothing pending: now'));
    queue.enqueue(entry(1));
    queue.afterDurable(() => events.push('after 1'));
    queue.enqueue(entry(2));
    queue.afterDurable(() => events.push('after 2'));
    expect(events).toEqual(['nothing pending: now']);
    expect(queue.idle).toBe(false);
    await tick();
    await queue.flush();
    expect(batches).toEqual([[1, 2]]);
    expect(events).toEqual(['nothing pending: now', 'after 1', 'after 2']);
    expect(queue.idle).toBe(true);
  });

  it('holds a callback registered during a commit until that commit is done', async () => {
    const { storage } = spyStorage();
    const events: string[] = [];
    const queue = new WriteQueue(storage, { onFailure: () => {}, onCallbackError: () => {} });
    queue.enqueue(entry(1));
    const done = queue.flush();
    queue.afterDurable(() => events.push('waited'));
    expect(events).toEqual([]);
    await done;
    expect(events).toEqual(['waited']);
  });

  it('reports a failed batch with its conventions and drops what waited for it', async () => {
    const { storage } = spyStorage(true);
    const failures: string[][] = [];
    const events: string[] = [];
    const queue = new WriteQueue(storage, {
      onFailure: (_error, ids) => failures.push([...ids]),
      onCallbackError: () => {},
    });
    queue.enqueue(entry(1, 'a'));
    queue.enqueue(entry(2, 'b'));
    queue.afterDurable(() => events.push('must not run'));
    await queue.flush();
    expect(failures).toEqual([['a', 'b']]);
    expect(events).toEqual([]);
    expect(queue.idle).toBe(true);
  });

  it('stores the first update of a turn at once with a synchronous store, and groups the rest of the turn', async () => {
    const inner = createMemoryStorage();
    const now: number[][] = [];
    const storage: Storage = {
      ...spyStorage().storage,
      appendNow: (updates) => {
        now.push(updates.map((u) => u.update[0]!));
        inner.appendNow?.(updates);
      },
    };
    const committed: number[][] = [];
    const queue = new WriteQueue(storage, {
      onFailure: () => {},
      onCommitted: (entries) => committed.push(entries.map((e) => e.update[0]!)),
      onCallbackError: () => {},
    });
    expect(queue.writeNow(entry(1))).toBe('stored');
    expect(now).toEqual([[1]]);
    // Later in the same turn: queued, and grouped with the other updates of the turn.
    expect(queue.writeNow(entry(2))).toBe('queue');
    queue.enqueue(entry(2));
    await tick();
    await queue.flush();
    expect(committed).toEqual([[1], [2]]);
    // A new turn, nothing pending: at once again; but not while something waits to be stored.
    expect(queue.writeNow(entry(3))).toBe('stored');
    await tick();
    queue.enqueue(entry(4));
    expect(queue.writeNow(entry(5))).toBe('queue');
    await queue.flush();
    expect(now).toEqual([[1], [3]]);
  });

  it('never stores at once with an asynchronous store, and reports a failed synchronous write', async () => {
    const { storage } = spyStorage();
    const { appendNow: _synchronous, ...asynchronous } = storage;
    const queue = new WriteQueue(asynchronous, { onFailure: () => {}, onCallbackError: () => {} });
    expect(queue.writeNow(entry(1))).toBe('queue');
    const failures: string[][] = [];
    const failing = new WriteQueue(
      {
        ...storage,
        appendNow: () => {
          throw new Error('disque plein');
        },
      },
      { onFailure: (_error, ids) => failures.push([...ids]), onCallbackError: () => {} },
    );
    expect(failing.writeNow(entry(1, 'a'))).toBe('failed');
    expect(failures).toEqual([['a']]);
    expect(failing.idle).toBe(true);
  });
});
