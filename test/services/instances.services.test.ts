// Several `ctg serve` processes on one PostgreSQL database and one Redis, as behind a load balancer without sticky
// sessions: stock y-websocket clients on different instances converge, see each other's presence, and an instance
// killed with -9 loses nothing any client saw while its clients carry on through another instance.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { hs256Auth } from '../../server/auth/tokens.ts';
import { main } from '../../server/cli.ts';
import { openPostgresStorage } from '../../server/storage/postgres.ts';
import { type Client, client, synced } from '../../server/ws/test-clients.ts';
import { freshDatabase, REDIS_URL, type TestDatabase, until } from './services.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
// Each stock y-websocket provider adds a process `exit` listener.
process.setMaxListeners(50);
const SECRET = 'secret partagé des instances de test';
const auth = hs256Auth(new TextEncoder().encode(SECRET));
let db: TestDatabase;
const children: ChildProcess[] = [];
const clients: Client[] = [];
const dirs: string[] = [];
const proxies: Server[] = [];

beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => {
  for (const c of clients) c.provider.destroy();
  await Promise.all(children.map(stop));
  for (const proxy of proxies) proxy.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  await db.drop();
});

interface Instance {
  readonly child: ChildProcess;
  readonly url: string;
  readonly port: number;
  readonly exited: Promise<number | null>;
}

/** A `ctg serve` child process, given the services by flags or, with `viaEnv`, by DATABASE_URL and REDIS_URL. */
async function instance(viaEnv = false): Promise<Instance> {
  const data = mkdtempSync(join(tmpdir(), 'ctg-instance-'));
  dirs.push(data);
  const services = viaEnv ? [] : ['--db', db.url, '--redis', REDIS_URL];
  const env = { ...process.env, CTG_SECRET: SECRET, ...(viaEnv ? { DATABASE_URL: db.url, REDIS_URL } : {}) };
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'ctg.mjs'), 'serve', '--port', '0', '--data', data, ...services], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  await until(() => /écoute sur (\S+)/.test(out) || child.exitCode !== null, 20_000, 'démarrage de ctg serve');
  const url = /écoute sur (\S+)/.exec(out)?.[1];
  if (!url) throw new Error(`ctg serve n’a pas démarré : ${out}\n${err}`);
  expect(out).toContain('PostgreSQL');
  expect(out).not.toContain(SECRET);
  return { child, url, port: Number(new URL(url).port), exited };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}

/** A TCP load balancer in front of the instances: new connections go to `target`, which the test may change. */
async function balancer(first: Instance): Promise<{ url: string; target: Instance }> {
  const state = { url: '', target: first };
  const proxy = createServer((socket: Socket) => {
    const upstream = connect(state.target.port, '127.0.0.1');
    socket.pipe(upstream).pipe(socket);
    const cut = () => {
      socket.destroy();
      upstream.destroy();
    };
    socket.on('error', cut).on('close', cut);
    upstream.on('error', cut).on('close', cut);
  });
  proxies.push(proxy);
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
  const address = proxy.address();
  state.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return state;
}

async function enter(server: { url: string }, conventionId: string, name: string): Promise<Client> {
  const token = await auth.issue({ kind: 'participant', convention: conventionId, party: 'caf', access: 'edit', name }, 3600);
  const c = client(server, conventionId, token);
  clients.push(c);
  await synced(c);
  return c;
}

const text = (c: Client) => c.doc.getText('convention.preamble').toString();
const same = (cs: Client[]) => cs.every((c) => Y.encodeStateVector(c.doc).join() === Y.encodeStateVector(cs[0]!.doc).join() && text(c) === text(cs[0]!));

describe('several instances', () => {
  it('converge: clients of one convention on two instances, editing at once', async () => {
    const [one, two] = await Promise.all([instance(), instance()]);
    const onOne = await Promise.all([enter(one, 'ctg-conv', 'A1'), enter(one, 'ctg-conv', 'A2')]);
    const onTwo = await Promise.all([enter(two, 'ctg-conv', 'B1'), enter(two, 'ctg-conv', 'B2')]);
    const all = [...onOne, ...onTwo];
    for (let round = 0; round < 30; round++) {
      for (const [i, c] of all.entries()) {
        const t = c.doc.getText('convention.preamble');
        t.insert(Math.min(t.length, (round * 7 + i) % 13), `${i}.${round} `);
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    onTwo[0]!.doc.getMap('convention').set('title', 'CTG du territoire');
    await until(() => same(all), 15_000, 'convergence');
    for (const [i] of all.entries()) expect(text(all[0]!)).toContain(`${i}.29 `);
    expect(onOne[1]!.doc.getMap('convention').get('title')).toBe('CTG du territoire');
  });

  it('show presence across instances, and its end', async () => {
    const [one, two] = await Promise.all([instance(), instance(true)]);
    const alice = await enter(one, 'ctg-presence', 'Alice');
    const bob = await enter(two, 'ctg-presence', 'Bob');
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice', color: '#c00' });
    await until(() => bob.provider.awareness.getStates().get(alice.doc.clientID)?.user?.name === 'Alice', 10_000, 'présence');
    // A late joiner on the other instance learns it too.
    const carol = await enter(two, 'ctg-presence', 'Carol');
    await until(() => carol.provider.awareness.getStates().get(alice.doc.clientID)?.user?.name === 'Alice', 10_000, 'présence tardive');
    alice.provider.disconnect();
    await until(() => !bob.provider.awareness.getStates().has(alice.doc.clientID), 10_000, 'départ');
  });

  it('lose nothing any client saw when one is killed with -9; its clients carry on through another', async () => {
    const [one, two] = await Promise.all([instance(), instance()]);
    const lb = await balancer(one);
    const writer = await enter(lb, 'ctg-kill', 'Alice');
    const watcher = await enter(two, 'ctg-kill', 'Bob');
    let typed = 0;
    const typing = setInterval(() => writer.doc.getText('convention.preamble').insert(0, `${typed++} `), 2);
    await until(() => / 40 /.test(text(watcher)), 10_000, 'la frappe traverse les instances');
    // The balancer sends new connections to the survivor, then the first instance dies mid-typing.
    lb.target = two;
    one.child.kill('SIGKILL');
    expect(await one.exited).toBeNull();
    const seen = Y.decodeStateVector(Y.encodeStateVector(watcher.doc));
    // Everything the watcher saw is in PostgreSQL.
    const storage = await openPostgresStorage({ url: db.url, max: 1 });
    try {
      const stored = await storage.load('ctg-kill');
      const restored = new Y.Doc();
      if (stored.checkpoint) Y.applyUpdate(restored, stored.checkpoint.state);
      for (const row of stored.updates) Y.applyUpdate(restored, row.update);
      const held = Y.decodeStateVector(Y.encodeStateVector(restored));
      for (const [clientId, clock] of seen) expect(held.get(clientId) ?? 0).toBeGreaterThanOrEqual(clock);
    } finally {
      await storage.close();
    }
    await new Promise((r) => setTimeout(r, 100));
    clearInterval(typing);
    // The writer reconnects through the balancer to the survivor and what the killed instance never stored merges.
    await until(() => text(watcher) === text(writer) && text(watcher).startsWith(`${typed - 1} `), 15_000, 'reprise');
    const late = await enter(two, 'ctg-kill', 'Carol');
    await until(() => text(late) === text(writer), 10_000, 'nouveau venu');
  });
});

describe('ctg serve with shared services', () => {
  const io = () => {
    const lines = { out: [] as string[], err: [] as string[] };
    return { lines, io: { out: (l: string) => lines.out.push(l), err: (l: string) => lines.err.push(l) } };
  };

  it('refuses Redis without a shared database, and an address that is not postgres://', async () => {
    const a = io();
    expect(await main(['serve', '--port', '0', '--redis', REDIS_URL], a.io)).toBe(2);
    expect(a.lines.err.join('\n')).toContain('il faut aussi --db');
    const b = io();
    expect(await main(['serve', '--port', '0', '--db', 'mysql://u:motdepasse@h/db'], b.io)).toBe(2);
    expect(b.lines.err.join('\n')).toContain('postgres://');
    expect(b.lines.err.join('\n')).not.toContain('motdepasse');
  });

  it('says why it cannot start: no shared secret, PostgreSQL or Redis out of reach', async () => {
    const saved = process.env.CTG_SECRET;
    try {
      process.env.CTG_SECRET = '';
      const a = io();
      expect(await main(['serve', '--port', '0', '--db', db.url], a.io)).toBe(1);
      expect(a.lines.err.join('\n')).toContain('CTG_SECRET');
      process.env.CTG_SECRET = SECRET;
      const b = io();
      expect(await main(['serve', '--port', '0', '--db', 'postgres://postgres:motdepasse@127.0.0.1:1/nulle'], b.io)).toBe(1);
      expect(b.lines.err.join('\n')).toContain('PostgreSQL injoignable');
      expect(b.lines.err.join('\n')).not.toContain('motdepasse');
      const c = io();
      expect(await main(['serve', '--port', '0', '--db', db.url, '--redis', 'redis://127.0.0.1:1'], c.io)).toBe(1);
      expect(c.lines.err.join('\n')).toContain('Redis injoignable');
    } finally {
      process.env.CTG_SECRET = saved;
      if (saved === undefined) delete process.env.CTG_SECRET;
    }
  });
});
