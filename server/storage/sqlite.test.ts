import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runStorageContract } from './contract.ts';
import { openSqliteStorage } from './sqlite.ts';

runStorageContract('sqlite', async () => openSqliteStorage({ path: ':memory:' }));

describe('sqlite adapter', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ctg-sqlite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps everything across a reopen of the file', async () => {
    const path = join(dir, 'ctg.sqlite');
    const first = openSqliteStorage({ path });
    const author = { name: 'Alice', party: 'caf' };
    await first.createConvention(
      { id: 'x', title: 'X', createdAt: 1, createdBy: author },
      { conventionId: 'x', update: new Uint8Array([1]), author, at: 1 },
    );
    await first.appendUpdates([{ conventionId: 'x', update: new Uint8Array([2]), author, at: 2 }]);
    await first.close();
    const second = openSqliteStorage({ path });
    expect((await second.load('x')).updates.map((u) => [...u.update])).toEqual([[1], [2]]);
    await second.close();
  });

  it('folds its log into the file once writes pause, not during them', async () => {
    const path = join(dir, 'checkpoint.sqlite');
    const storage = openSqliteStorage({ path });
    const author = { name: 'Alice', party: 'caf' };
    await storage.createConvention({ id: 'c', title: 'C', createdAt: 1, createdBy: author }, { conventionId: 'c', update: new Uint8Array([1]), author, at: 1 });
    const fileSize = () => statSync(path).size;
    const before = fileSize();
    for (let i = 0; i < 1200; i++) storage.appendNow?.([{ conventionId: 'c', update: new Uint8Array(1024).fill(i % 256), author, at: i }]);
    // 1200 commits of two pages or more: SQLite alone would have checkpointed inside one of them (every 1000 pages).
    expect(fileSize()).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(fileSize()).toBeGreaterThan(before + 1000 * 1024);
    expect((await storage.readLog('c')).length).toBe(1201);
    await storage.close();
  });

  it('wraps driver failures in a StorageError', async () => {
    const storage = openSqliteStorage({ path: ':memory:' });
    await storage.close();
    await expect(storage.listConventions()).rejects.toMatchObject({ name: 'StorageError' });
    const update = { conventionId: 'x', update: new Uint8Array([1]), author: { name: 'Alice', party: 'caf' }, at: 1 };
    expect(() => storage.appendNow?.([update])).toThrow(expect.objectContaining({ name: 'StorageError' }));
  });
});
