// The fan-out measure shared by the server and scale-out benches: one writer's small updates, 5 ms apart, and the
// time from each change to each reader's event. Unmeasured updates go first through the very map and key the
// measure uses, so the first measured updates do not pay for code the clients and server run for the first time
// (warming another map left the first three measured updates 10–30 ms late, which alone made the p99).
import { performance } from 'node:perf_hooks';
import type * as Y from 'yjs';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`délai dépassé : ${what}`);
    await sleep(2);
  }
}

const WARMUP_UPDATES = 50;
/** Values of the warm-up updates: never an index of a measured update. */
const WARMUP_BASE = 1_000_000;

/**
 * `updates` changes of the writer's `banc` map after the warm-up; `onLatency(reader, ms)` for each reader's event.
 * Resolves once every reader holds the last measured update.
 */
export async function measureFanOut(
  writer: Y.Doc,
  readers: readonly Y.Doc[],
  updates: number,
  onLatency: (reader: number, ms: number) => void,
): Promise<void> {
  const sentAt: number[] = [];
  let received = 0;
  readers.forEach((reader, index) => {
    const map = reader.getMap<number>('banc');
    map.observe(() => {
      const n = map.get('n');
      if (n === undefined || sentAt[n] === undefined) return;
      onLatency(index, performance.now() - sentAt[n]);
      received++;
    });
  });
  const map = writer.getMap<number>('banc');
  for (let i = 0; i < WARMUP_UPDATES; i++) {
    map.set('n', WARMUP_BASE + i);
    await sleep(5);
  }
  const lastWarmup = WARMUP_BASE + WARMUP_UPDATES - 1;
  await until(() => readers.every((r) => r.getMap<number>('banc').get('n') === lastWarmup), 20_000, 'échauffement');
  for (let i = 0; i < updates; i++) {
    sentAt[i] = performance.now();
    map.set('n', i);
    await sleep(5);
  }
  // Every reader holds the last value (an update applied together with the next one reports one event for both).
  await until(() => readers.every((r) => r.getMap<number>('banc').get('n') === updates - 1), 30_000, `diffusion (${received} évènements reçus)`);
}
