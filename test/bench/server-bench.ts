// Benchmark of the sync server against the references, same machine, same client code, each server alone in its
// own process: ours (`ctg serve`, SQLite) vs @y/websocket-server 0.1.1 (stock y-websocket client) and
// @hocuspocus/server 4.7.0 (its own provider). Run alone with `tsx test/bench/server-bench.ts`; the join storm alone with
// `CTG_BENCH_ONLY=storm npx tsx test/bench/server-bench.ts` (its clients run in worker threads, storm-pool.ts;
// `CTG_BENCH_VERBOSE=1` prints each storm round, `CTG_BENCH_STORM_WORKERS=N` sets the number of threads).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { hs256Auth } from '../../server/auth/tokens.ts';
import { sharedModel } from '../../server/model/port.ts';
import { type BenchClient, hocuspocusClient, yWebsocketClient } from './bench-clients.ts';
import { measureFanOut, until } from './fan-out.ts';
import { type StormJoin, StormPool } from './storm-pool.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SECRET = 'secret du banc de mesure, assez long';
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

interface Running {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

interface Target {
  readonly name: string;
  /** True when every update is on disk before anyone else sees it. */
  readonly durable: boolean;
  /** Reference servers start rooms empty; ours fills a new room from the CTG template itself. */
  readonly prefill: boolean;
  start(port: number): Promise<Running>;
  connect(server: Running, room: string, doc: Y.Doc): Promise<BenchClient>;
  /** The same client as `connect`, `count` times, as the join storm's worker threads run it (storm-pool.ts). */
  stormJoin(server: Running, room: string, count: number): Promise<StormJoin>;
}

// ---------------------------------------------------------------- servers and clients

function child(args: string[], ready: RegExp, env: NodeJS.ProcessEnv = process.env): Promise<ChildProcess> {
  return new Promise((done, fail) => {
    const proc = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (ready.test(out)) done(proc);
    });
    proc.once('exit', (code) => fail(new Error(`le serveur s’est arrêté (${code}) : ${out}`)));
  });
}

const stopper = (proc: ChildProcess) => () =>
  new Promise<void>((done) => {
    if (proc.exitCode !== null) return done();
    proc.once('exit', () => done());
    proc.kill('SIGTERM');
    setTimeout(() => proc.kill('SIGKILL'), 3000).unref();
  });

const auth = hs256Auth(new TextEncoder().encode(SECRET));

const ours: Target = {
  name: 'ctg serve (ours)',
  durable: true,
  prefill: false,
  async start(port) {
    const data = mkdtempSync(join(tmpdir(), 'ctg-bench-'));
    const proc = await child([join(ROOT, 'bin', 'ctg.mjs'), 'serve', '--port', String(port), '--data', data], /écoute sur/, {
      ...process.env,
      CTG_SECRET: SECRET,
    });
    const stop = stopper(proc);
    return {
      url: `http://127.0.0.1:${port}`,
      pid: proc.pid ?? 0,
      stop: async () => {
        await stop();
        rmSync(data, { recursive: true, force: true });
      },
    };
  },
  async connect(server, room, doc) {
    const token = await auth.issue({ kind: 'participant', convention: room, party: 'banc', access: 'edit', name: 'banc' }, 3600);
    return yWebsocketClient(`${server.url.replace('http', 'ws')}/sync`, room, doc, { token });
  },
  async stormJoin(server, room, count) {
    const claims = { kind: 'participant', convention: room, party: 'banc', access: 'edit', name: 'banc' } as const;
    const params = await Promise.all(Array.from({ length: count }, async () => ({ token: await auth.issue(claims, 3600) })));
    return { client: 'y-websocket', url: `${server.url.replace('http', 'ws')}/sync`, room, params };
  },
};

const yws: Target = {
  name: '@y/websocket-server 0.1.1',
  durable: false,
  prefill: true,
  async start(port) {
    const proc = await child(['--import', 'tsx', join(ROOT, 'test/bench/server-peers.ts'), 'yws', String(port)], /READY/);
    return { url: `http://127.0.0.1:${port}`, pid: proc.pid ?? 0, stop: stopper(proc) };
  },
  async connect(server, room, doc) {
    return yWebsocketClient(server.url.replace('http', 'ws'), room, doc, {});
  },
  async stormJoin(server, room, count) {
    return { client: 'y-websocket', url: server.url.replace('http', 'ws'), room, params: Array.from({ length: count }, () => ({})) };
  },
};

const hocuspocus: Target = {
  name: '@hocuspocus/server 4.7.0',
  durable: false,
  prefill: true,
  async start(port) {
    const proc = await child(['--import', 'tsx', join(ROOT, 'test/bench/server-peers.ts'), 'hocuspocus', String(port)], /READY/);
    return { url: `http://127.0.0.1:${port}`, pid: proc.pid ?? 0, stop: stopper(proc) };
  },
  async connect(server, room, doc) {
    return hocuspocusClient(server.url.replace('http', 'ws'), room, doc);
  },
  async stormJoin(server, room, count) {
    return { client: 'hocuspocus', url: server.url.replace('http', 'ws'), room, params: Array.from({ length: count }, () => ({})) };
  },
};

// ---------------------------------------------------------------- measures

const percentile = (samples: number[], q: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
};

const rssKiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN);

function newDoc(target: Target, room: string): Y.Doc {
  const doc = new Y.Doc();
  if (target.prefill) sharedModel.create(doc, room, { generation: '2020', echelon: 'intercommunal', startYear: 2026 });
  return doc;
}

/** 1 writer, 40 readers, 300 small updates 5 ms apart (fan-out.ts), after 50 unmeasured ones. */
async function fanOut(target: Target, server: Running, room: string): Promise<number[]> {
  const writer = await target.connect(server, room, newDoc(target, room));
  await writer.synced;
  const readers = await Promise.all(Array.from({ length: 40 }, () => target.connect(server, room, new Y.Doc())));
  await Promise.all(readers.map((r) => r.synced));
  const latencies: number[] = [];
  await measureFanOut(
    writer.doc,
    readers.map((r) => r.doc),
    300,
    (_reader, ms) => latencies.push(ms),
  );
  for (const c of [writer, ...readers]) c.destroy();
  await sleep(200);
  return latencies;
}

/** Fills the storm room with 5 MB of history (1000 inserts of 5 KiB); the seeder stays connected. */
async function seedStorm(target: Target, server: Running): Promise<{ seeder: BenchClient; historyBytes: number; textLength: number }> {
  const seeder = await target.connect(server, 'storm', newDoc(target, 'storm'));
  await seeder.synced;
  const text = seeder.doc.getText('history');
  const chunk = 'abcdefghijklmnopqrstuvwxyz0123456789'.repeat(142); // ≈ 5 KiB
  for (let i = 0; i < 1000; i++) {
    text.insert(text.length, chunk);
    if (i % 50 === 49) await sleep(5);
  }
  const probe = await target.connect(server, 'storm', new Y.Doc());
  await probe.synced;
  await until(() => probe.doc.getText('history').length === text.length, 30_000, 'historique reçu');
  probe.destroy();
  return { seeder, historyBytes: Y.encodeStateAsUpdate(seeder.doc).length, textLength: text.length };
}

/** CPU time (user + system, all threads) a process has used so far, in ms; Linux clock ticks are 10 ms. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

interface StormRoundResult {
  readonly times: number[];
  /** CPU the server process used during the round. */
  readonly serverCpuMs: number;
  /** CPU the bench process (its storm clients, all threads) used during the round. */
  readonly clientsCpuMs: number;
}

/**
 * 20 clients join the storm room at once, spread over the pool's worker threads (the bench's own thread decoding
 * 20 × 5 MB would otherwise be what is measured): each one's time from the common start signal to synced.
 */
async function stormRound(target: Target, server: Running, pool: StormPool, textLength: number): Promise<StormRoundResult> {
  const cpuBefore = cpuMs(server.pid);
  const clientsBefore = process.cpuUsage();
  const { times, textLengths } = await pool.join(await target.stormJoin(server, 'storm', 20));
  const serverCpuMs = cpuMs(server.pid) - cpuBefore;
  const clients = process.cpuUsage(clientsBefore);
  const clientsCpuMs = Math.round((clients.user + clients.system) / 1000);
  if (textLengths.some((length) => length !== textLength)) {
    throw new Error(`${target.name} : historique incomplet après synchronisation (${textLengths.join(', ')} ≠ ${textLength})`);
  }
  if (process.env.CTG_BENCH_VERBOSE) {
    const line = `p50 ${percentile(times, 0.5).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms, server CPU ${serverCpuMs} ms, clients CPU ${clientsCpuMs} ms`;
    console.error(`  storm round, ${target.name}: ${line}`);
  }
  await sleep(300);
  return { times, serverCpuMs, clientsCpuMs };
}

const THROUGHPUT_UPDATES = 2000;
/**
 * Worker threads running the join storm's 20 clients: one per core (at most 20), so that the clients use the machine without
 * queueing threads on it (with 4 threads on 2 cores, context switches added ~15 % to the clients' CPU and the
 * result was noisier). `CTG_BENCH_STORM_WORKERS` overrides it.
 */
const STORM_WORKERS = stormWorkers(process.env.CTG_BENCH_STORM_WORKERS);

function stormWorkers(setting: string | undefined): number {
  const count = setting === undefined ? Math.min(availableParallelism(), 20) : Number(setting);
  if (!Number.isInteger(count) || count < 1 || count > 20) throw new Error(`CTG_BENCH_STORM_WORKERS : un entier de 1 à 20 (reçu ${setting})`);
  return count;
}

/** Measured storm rounds per server (visited in one order then the reverse, `STORM_ROUNDS / 2` times each way). */
const STORM_ROUNDS = 10;

async function storedUpdates(server: Running): Promise<number | null> {
  const text = await (await fetch(`${server.url}/metrics`)).text().catch(() => '');
  const match = /^ctg_stored_updates_total (\d+)$/m.exec(text);
  return match ? Number(match[1]) : null;
}

/** 2000 small updates sent back to back; updates per second until a reader has them all (stored first, for ours). */
async function throughput(target: Target, server: Running, room: string) {
  const writer = await target.connect(server, room, newDoc(target, room));
  const reader = await target.connect(server, room, new Y.Doc());
  await Promise.all([writer.synced, reader.synced]);
  const before = await storedUpdates(server);
  const total = THROUGHPUT_UPDATES;
  const map = writer.doc.getMap<number>('debit');
  const seen = reader.doc.getMap<number>('debit');
  const start = performance.now();
  for (let i = 0; i < total; i++) map.set(`k${i % 50}`, i);
  await until(() => seen.get(`k${(total - 1) % 50}`) === total - 1, 30_000, 'débit');
  const elapsed = performance.now() - start;
  const after = await storedUpdates(server);
  writer.destroy();
  reader.destroy();
  return { perSecond: (total / elapsed) * 1000, stored: before !== null && after !== null ? after - before : null };
}

/** Server RSS growth per open convention: 150 conventions, each a CTG template with one client connected. */
async function memory(target: Target, server: Running) {
  const count = 150;
  // One convention first, so code paths and caches are warm before the baseline.
  const warm = await target.connect(server, 'mem-warm', newDoc(target, 'mem-warm'));
  await warm.synced;
  await sleep(1000);
  const before = rssKiB(server.pid);
  const clients: BenchClient[] = [];
  for (let i = 0; i < count; i += 25) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(25, count - i) }, (_, j) => target.connect(server, `mem-${i + j}`, newDoc(target, `mem-${i + j}`))),
    );
    await Promise.all(batch.map((c) => c.synced));
    clients.push(...batch);
  }
  // Past the 2 s during which a room keeps its encoded state for joiners.
  await sleep(2500);
  const after = rssKiB(server.pid);
  for (const c of [warm, ...clients]) c.destroy();
  await sleep(300);
  return { perConventionKiB: (after - before) / count };
}

const freePort = () =>
  new Promise<number>((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });

export interface ServerBenchRow {
  readonly target: string;
  readonly fanOut: { p50: number; p99: number; samples: number };
  /** `serverCpuMs` / `clientsCpuMs`: CPU time of the server process / of the 20 clients during one storm round
   * (medians of the rounds). */
  readonly joinStorm: { p50: number; p99: number; historyBytes: number; serverCpuMs: number; clientsCpuMs: number };
  /** `stored` / `sent`: updates the server reports stored (ours) out of those sent. */
  readonly throughput: { perSecond: number; stored: number | null; sent: number };
  readonly durable: boolean;
  readonly memory: { perConventionKiB: number };
}

/**
 * Runs every measure on every target. The three servers run side by side (idle when not measured) and each measure
 * visits them in one order then in the reverse order, so that none profits from going last (a warmer client
 * process). `CTG_BENCH_ONLY=fanout,storm` (phases: memory, fanout, storm, throughput) narrows a run.
 */
export async function runServerBench(): Promise<ServerBenchRow[]> {
  // Each stock y-websocket provider adds a process `exit` listener; the bench holds ~60 at once.
  process.setMaxListeners(200);
  const only = new Set((process.env.CTG_BENCH_ONLY ?? 'memory,fanout,storm,throughput').split(','));
  const targets = [ours, yws, hocuspocus];
  const servers = new Map<Target, Running>();
  const there = () => [...targets, ...[...targets].reverse()];
  try {
    for (const target of targets) servers.set(target, await target.start(await freePort()));
    const serverOf = (target: Target) => servers.get(target)!;
    const memoryOf = new Map<Target, { perConventionKiB: number }>();
    if (only.has('memory')) for (const t of targets) memoryOf.set(t, await memory(t, serverOf(t)));
    const latencies = new Map<Target, number[]>(targets.map((t) => [t, []]));
    if (only.has('fanout')) {
      // One unmeasured round each first, as for the storm: what is measured is a server that has run its code before
      // (ours runs more of it per update — storage, access and lock checks — and its first few hundred updates, while
      // V8 still compiles it, were ~0.1 ms slower than the same updates later).
      for (const t of targets) await fanOut(t, serverOf(t), 'fanout-warm');
      for (const [i, t] of there().entries()) latencies.get(t)!.push(...(await fanOut(t, serverOf(t), `fanout-${i}`)));
    }
    const joins = new Map<Target, number[]>(targets.map((t) => [t, []]));
    const history = new Map<Target, number>();
    const stormCpu = new Map<Target, number[]>(targets.map((t) => [t, []]));
    const clientsCpu = new Map<Target, number[]>(targets.map((t) => [t, []]));
    if (only.has('storm')) {
      const seeders: BenchClient[] = [];
      const lengths = new Map<Target, number>();
      for (const t of targets) {
        const { seeder, historyBytes, textLength } = await seedStorm(t, serverOf(t));
        seeders.push(seeder);
        history.set(t, historyBytes);
        lengths.set(t, textLength);
      }
      const pool = new StormPool(STORM_WORKERS);
      try {
        await sleep(1500);
        // One unmeasured round each, so the workers' first connections and code loading count for no server.
        for (const t of targets) await stormRound(t, serverOf(t), pool, lengths.get(t)!);
        for (let round = 0; round < STORM_ROUNDS / 2; round++) {
          for (const t of there()) {
            const { times, serverCpuMs, clientsCpuMs } = await stormRound(t, serverOf(t), pool, lengths.get(t)!);
            joins.get(t)!.push(...times);
            stormCpu.get(t)!.push(serverCpuMs);
            clientsCpu.get(t)!.push(clientsCpuMs);
          }
        }
      } finally {
        await pool.close();
      }
      for (const seeder of seeders) seeder.destroy();
    }
    const rates = new Map<Target, Array<{ perSecond: number; stored: number | null }>>(targets.map((t) => [t, []]));
    if (only.has('throughput')) {
      for (const [i, t] of there().entries()) rates.get(t)!.push(await throughput(t, serverOf(t), `debit-${i}`));
    }
    const rows = targets.map((t): ServerBenchRow => {
      const fan = latencies.get(t)!;
      const join = joins.get(t)!;
      const rate = rates.get(t)!;
      return {
        target: t.name,
        fanOut: { p50: percentile(fan, 0.5), p99: percentile(fan, 0.99), samples: fan.length },
        joinStorm: {
          p50: percentile(join, 0.5),
          p99: percentile(join, 0.99),
          historyBytes: history.get(t) ?? 0,
          serverCpuMs: percentile(stormCpu.get(t)!, 0.5),
          clientsCpuMs: percentile(clientsCpu.get(t)!, 0.5),
        },
        throughput: {
          perSecond: rate.reduce((sum, r) => sum + r.perSecond, 0) / Math.max(1, rate.length),
          stored: rate.every((r) => r.stored !== null) && rate.length > 0 ? rate.reduce((sum, r) => sum + (r.stored ?? 0), 0) : null,
          sent: rate.length * THROUGHPUT_UPDATES,
        },
        durable: t.durable,
        memory: memoryOf.get(t) ?? { perConventionKiB: Number.NaN },
      };
    });
    print(rows);
    return rows;
  } finally {
    await Promise.all([...servers.values()].map((server) => server.stop()));
  }
}

function print(rows: ServerBenchRow[]): void {
  const ref = rows.find((r) => r.target === yws.name)!;
  const f = (n: number) => n.toFixed(2);
  const ratio = (n: number, r: number) => `${(n / r).toFixed(2)}×`;
  console.log('\n== Sync server vs references (ratios to @y/websocket-server; same machine, one process per server) ==');
  console.table(
    Object.fromEntries(
      rows.map((r) => [
        r.target,
        {
          'fan-out p50 ms': f(r.fanOut.p50),
          'fan-out p99 ms': f(r.fanOut.p99),
          'join storm p50 ms': f(r.joinStorm.p50),
          'join storm p99 ms': f(r.joinStorm.p99),
          'storm CPU ms server / clients': `${r.joinStorm.serverCpuMs} / ${r.joinStorm.clientsCpuMs}`,
          'updates/s': Math.round(r.throughput.perSecond),
          durable: r.durable ? `oui (${r.throughput.stored}/${r.throughput.sent} stockées)` : 'non',
          'KiB / convention': Math.round(r.memory.perConventionKiB),
        },
      ]),
    ),
  );
  console.table(
    Object.fromEntries(
      rows.map((r) => [
        r.target,
        {
          'fan-out p50': ratio(r.fanOut.p50, ref.fanOut.p50),
          'fan-out p99': ratio(r.fanOut.p99, ref.fanOut.p99),
          'join storm p50': ratio(r.joinStorm.p50, ref.joinStorm.p50),
          'join storm p99 (target ≤ 0.7×)': ratio(r.joinStorm.p99, ref.joinStorm.p99),
          'updates/s': ratio(r.throughput.perSecond, ref.throughput.perSecond),
          memory: ratio(r.memory.perConventionKiB, ref.memory.perConventionKiB),
        },
      ]),
    ),
  );
  const history = rows[0]?.joinStorm.historyBytes ?? 0;
  console.log(
    `fan-out: 1 writer → 40 readers × 300 updates, twice per server after 1 unmeasured round; join storm: 20 clients at once (${STORM_WORKERS} worker threads) × ${STORM_ROUNDS} rounds after 1 unmeasured, ` +
      `history ${(history / 1024 / 1024).toFixed(1)} MiB; throughput: 2000 updates back to back, twice per server`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runServerBench();
  process.exit(0);
}
