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
});
