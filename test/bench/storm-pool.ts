// The join storm's clients, spread over worker threads (storm-worker.ts): one worker per core by default, the same
// stock clients as the rest of the bench, started together by one shared signal. The workers live for the whole
// storm phase and serve every server in turn, so none gets colder or warmer clients than another.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { StormClientKind, StormResult, StormRound } from './storm-worker.ts';

export interface StormJoin {
  readonly client: StormClientKind;
  readonly url: string;
  readonly room: string;
  /** One per joining client. */
  readonly params: ReadonlyArray<Record<string, string>>;
}

/** A worker thread does not inherit tsx's loader: register it there, as bin/ctg.mjs does, then load the worker. */
const BOOT = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then(({ register }) => {
  register();
  return import(workerData.entry);
});
`;

/** The worker's next message; rejects if it fails or exits first. */
const nextMessage = <T>(worker: Worker): Promise<T> =>
  new Promise((done, fail) => {
    const onError = (error: Error) => settle(() => fail(error));
    const onExit = (code: number) => settle(() => fail(new Error(`un client de la tempête s’est arrêté (${code})`)));
    const onMessage = (message: T) => settle(() => done(message));
    const settle = (then: () => void) => {
      worker.off('error', onError).off('exit', onExit).off('message', onMessage);
      then();
    };
    worker.on('error', onError).on('exit', onExit).on('message', onMessage);
  });

export class StormPool {
  private readonly workers: Worker[];

  constructor(size = availableParallelism()) {
    const workerData = { tsx: import.meta.resolve('tsx/esm/api'), entry: new URL('./storm-worker.ts', import.meta.url).href };
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(BOOT, { eval: true, workerData });
      // Reported by the round waiting on it (nextMessage); never an unhandled 'error' that would orphan the servers.
      worker.on('error', () => {});
      return worker;
    });
  }

  /** Every client of `join` joins at once; each one's time to synced (ms from the signal) and storm text length. */
  async join(join: StormJoin): Promise<{ times: number[]; textLengths: number[] }> {
    const signal = new SharedArrayBuffer(4);
    const shares = this.workers.map((_, w) => join.params.filter((_, i) => i % this.workers.length === w));
    const ready = this.workers.map((worker) => nextMessage<{ type: 'ready' }>(worker));
    const results = ready.map((isReady, w) => isReady.then(() => nextMessage<StormResult>(this.workers[w]!)));
    this.workers.forEach((worker, w) => {
      const round: StormRound = { type: 'round', client: join.client, url: join.url, room: join.room, params: shares[w]!, signal };
      worker.postMessage(round);
    });
    await Promise.all(ready);
    const flag = new Int32Array(signal);
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
    const done = await Promise.all(results);
    return { times: done.flatMap((r) => r.times), textLengths: done.flatMap((r) => r.textLengths) };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
