// Worker-thread entry of the join storm: a few of the joining clients, so that 20 clients decoding 5 MB each are
// spread over several threads instead of queueing in the bench's one event loop. Started by storm-pool.ts.
//
// Per round: main → `StormRound`; the worker answers `{ type: 'ready' }`, blocks on the shared start signal (the
// same for every worker), then starts all its clients at once and answers `StormResult`: each client's time from
// the signal to synced, and the length of the storm text it then holds (checked by the caller).
import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';
import { hocuspocusClient, yWebsocketClient } from './bench-clients.ts';

export type StormClientKind = 'y-websocket' | 'hocuspocus';

export interface StormRound {
  readonly type: 'round';
  readonly client: StormClientKind;
  /** y-websocket: the server URL without the room; hocuspocus: the server URL. */
  readonly url: string;
  readonly room: string;
  /** One entry per client this worker runs (a token for ours, nothing for the references). */
  readonly params: ReadonlyArray<Record<string, string>>;
  /** Int32Array[0] goes from 0 to 1 when every worker is ready. */
  readonly signal: SharedArrayBuffer;
}

export interface StormResult {
  readonly type: 'done';
  readonly times: number[];
  readonly textLengths: number[];
}

async function runRound(round: StormRound): Promise<StormResult> {
  parentPort!.postMessage({ type: 'ready' });
  // Blocks this thread (idle anyway) until the pool releases every worker at once.
  Atomics.wait(new Int32Array(round.signal), 0, 0);
  const start = performance.now();
  const joiners = round.params.map((params) =>
    round.client === 'y-websocket'
      ? yWebsocketClient(round.url, round.room, new Y.Doc(), params, start)
      : hocuspocusClient(round.url, round.room, new Y.Doc(), start),
  );
  const times = await Promise.all(joiners.map((j) => j.synced));
  const textLengths = joiners.map((j) => j.doc.getText('history').length);
  for (const j of joiners) j.destroy();
  return { type: 'done', times, textLengths };
}

// Each stock y-websocket provider adds a process `exit` listener; a worker runs up to 20 of them.
process.setMaxListeners(50);

parentPort?.on('message', (round: StormRound) => {
  void runRound(round).then((result) => parentPort!.postMessage(result));
});
