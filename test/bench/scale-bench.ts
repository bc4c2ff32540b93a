// Scale-out benchmark: fan-out latency of one update to 40 stock y-websocket readers, with every client on one
// `ctg serve` instance vs the writer on one instance and the readers split over two (PostgreSQL + Redis, the machine's
// services, a fresh database dropped at the end). Skips with one line when PostgreSQL or Redis cannot be reached.
// Run alone with `tsx test/bench/scale-bench.ts`.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';
import pg from 'pg';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { hs256Auth } from '../../server/auth/tokens.ts';
import { measureFanOut } from './fan-out.ts';
import { freshDatabase, POSTGRES_ADMIN_URL, REDIS_URL, type TestDatabase } from '../services/services.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SECRET = 'secret du banc de mesure multi-instances';
const READERS = 40;
const UPDATES = 300;
const auth = hs256Auth(new TextEncoder().encode(SECRET));
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const wsPolyfill = WebSocket as unknown as typeof globalThis.WebSocket; // reason: `ws` has the DOM WebSocket surface

interface Instance {
  readonly url: string;
  stop(): Promise<void>;
}

async function reachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
  } catch (error) {
    return `PostgreSQL injoignable (${error instanceof Error ? error.message : String(error)})`;
  }
  const redis = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
    await redis.quit();
  } catch (error) {
    redis.disconnect();
    return `Redis injoignable (${error instanceof Error ? error.message : String(error)})`;
  }
  return null;
}

async function start(db: TestDatabase): Promise<Instance> {
  const data = mkdtempSync(join(tmpdir(), 'ctg-scale-bench-'));
  const args = [join(ROOT, 'bin', 'ctg.mjs'), 'serve', '--port', '0', '--data', data, '--db', db.url, '--redis', REDIS_URL];
  const proc: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, CTG_SECRET: SECRET },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const found = /écoute sur (\S+)/.exec(out);
      if (found?.[1]) done(found[1]);
    });
    proc.once('exit', (code) => fail(new Error(`ctg serve s’est arrêté (${code}) : ${out}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((done) => {
        proc.once('exit', () => {
          rmSync(data, { recursive: true, force: true });
          done();
        });
        proc.kill('SIGTERM');
        setTimeout(() => proc.kill('SIGKILL'), 3000).unref();
      }),
  };
}

async function connect(server: Instance, room: string): Promise<{ doc: Y.Doc; destroy(): void }> {
  const token = await auth.issue({ kind: 'participant', convention: room, party: 'banc', access: 'edit', name: 'banc' }, 3600);
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${server.url.replace('http', 'ws')}/sync`, room, doc, {
    params: { token },
    WebSocketPolyfill: wsPolyfill,
    disableBc: true,
  });
  await new Promise<void>((done) => {
    const onSync = (synced: boolean) => {
      if (!synced) return;
      provider.off('sync', onSync);
      done();
    };
    provider.on('sync', onSync);
  });
  return { doc, destroy: () => provider.destroy() };
}

/** The writer on `writerOn`, reader i on `readersOn[i % length]`: latencies per reader instance index. */
async function fanOut(writerOn: Instance, readersOn: Instance[], room: string): Promise<number[][]> {
  const writer = await connect(writerOn, room);
  const readers = await Promise.all(
    Array.from({ length: READERS }, async (_, i) => ({ at: i % readersOn.length, ...(await connect(readersOn[i % readersOn.length]!, room)) })),
  );
  const latencies: number[][] = readersOn.map(() => []);
  await measureFanOut(
    writer.doc,
    readers.map((r) => r.doc),
    UPDATES,
    (index, ms) => latencies[readers[index]!.at]!.push(ms),
  );
  for (const c of [writer, ...readers]) c.destroy();
  await sleep(200);
  return latencies;
}

const percentile = (samples: number[], q: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
};

export interface ScaleBenchRow {
  readonly setup: string;
  readonly p50: number;
  readonly p99: number;
  readonly samples: number;
}

export async function runScaleBench(): Promise<ScaleBenchRow[] | null> {
  const unreachable = await reachable();
  if (unreachable) {
    console.log(`\n== Scale-out: skipped — ${unreachable}; start PostgreSQL and Redis (see .ci/run) to measure it ==`);
    return null;
  }
  process.setMaxListeners(200);
  const db = await freshDatabase();
  const instances: Instance[] = [];
  try {
    const [a, b] = [await start(db), await start(db)];
    instances.push(a, b);
    const one: number[] = [];
    const same: number[] = [];
    const cross: number[] = [];
    // One setup then the other, then the reverse order: neither profits from a warmer client process.
    for (const [round, setup] of ['one', 'two', 'two', 'one'].entries()) {
      if (setup === 'one') one.push(...(await fanOut(a, [a], `un-${round}`)).flat());
      else {
        const [onA, onB] = await fanOut(a, [a, b], `deux-${round}`);
        same.push(...onA!);
        cross.push(...onB!);
      }
    }
    const rows: ScaleBenchRow[] = [
      { setup: `one instance: ${READERS} readers with the writer`, p50: percentile(one, 0.5), p99: percentile(one, 0.99), samples: one.length },
      { setup: 'two instances: readers on the writer’s instance', p50: percentile(same, 0.5), p99: percentile(same, 0.99), samples: same.length },
      { setup: 'two instances: readers on the other instance', p50: percentile(cross, 0.5), p99: percentile(cross, 0.99), samples: cross.length },
    ];
    console.log('\n== Scale-out: fan-out latency, PostgreSQL + Redis, one instance vs two (ms) ==');
    console.table(Object.fromEntries(rows.map((r) => [r.setup, { p50: r.p50.toFixed(2), p99: r.p99.toFixed(2), samples: r.samples }])));
    console.log(
      `1 writer → ${READERS} readers × ${UPDATES} updates 5 ms apart, twice per setup; with two instances the readers ` +
        'alternate between them and cross-instance delivery goes through Redis',
    );
    return rows;
  } finally {
    await Promise.all(instances.map((i) => i.stop()));
    await db.drop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runScaleBench();
  process.exit(0);
}
