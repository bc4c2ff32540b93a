// The `ctg` command as a child process: tokens from the CLI, kill -9 then restart with nothing lost, offline edits
// merging after the restart, SIGTERM closing with 1012 and exit 0, clear startup errors.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type Client, client, synced, until } from './ws/test-clients.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CTG = join(ROOT, 'bin', 'ctg.mjs');
const run = promisify(execFile);
const dirs: string[] = [];
const children: ChildProcess[] = [];
const clients: Client[] = [];

afterAll(() => {
  for (const c of clients) c.provider.destroy();
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ctg-cli-'));
  dirs.push(dir);
  return dir;
};

const freePort = () =>
  new Promise<number>((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });

const env = { ...process.env, CTG_SECRET: '' };

interface Served {
  readonly child: ChildProcess;
  readonly url: string;
  readonly stdout: () => string;
  readonly exited: Promise<number | null>;
}

async function serve(port: number, data: string): Promise<Served> {
  const child = spawn(process.execPath, [CTG, 'serve', '--port', String(port), '--data', data], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  child.stderr?.resume();
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  await until(() => /écoute sur (\S+)/.test(out) || child.exitCode !== null, 15_000, 'démarrage de ctg serve');
  const url = /écoute sur (\S+)/.exec(out)?.[1];
  if (!url) throw new Error(`ctg serve n’a pas démarré : ${out}`);
  return { child, url, stdout: () => out, exited };
}

async function ctgToken(data: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [CTG, 'token', ...args, '--data', data], { cwd: ROOT, env });
  return stdout;
}

const text = (doc: Y.Doc) => doc.getText('convention.preamble').toString();

describe('ctg', () => {
  it('prints exactly one token on stdout', async () => {
    const data = tempDir();
    const out = await ctgToken(data, '--convention', 'c1', '--party', 'caf', '--access', 'comment', '--name', 'Alice', '--ttl', '2h');
    expect(out).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const admin = await ctgToken(data, '--admin');
    expect(admin.trim().split('.')).toHaveLength(3);
    await expect(ctgToken(data, '--convention', 'c1', '--party', 'caf', '--access', 'root')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Accès invalide'),
    });
  });

  it('survives kill -9 with nothing lost, merges offline edits after the restart, stops cleanly on SIGTERM', async () => {
    const data = tempDir();
    const port = await freePort();
    const token = (await ctgToken(data, '--convention', 'k9', '--party', 'caf', '--access', 'edit')).trim();
    const first = await serve(port, data);
    expect(first.stdout()).toContain('Premier démarrage');
    const a = client(first, 'k9', token);
    const b = client(first, 'k9', token);
    clients.push(a, b);
    await Promise.all([synced(a), synced(b)]);
    // a types without pause; the server is killed in the middle of it.
    let typed = 0;
    const typing = setInterval(() => a.doc.getText('convention.preamble').insert(0, `${typed++} `), 1);
    await until(() => / 30 /.test(text(b.doc)), 5000, 'b voit la frappe');
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull();
    clearInterval(typing);
    // What b has seen is exactly what must survive: the server stores before it forwards.
    const seenByB = Y.decodeStateVector(Y.encodeStateVector(b.doc));
    b.provider.destroy();
    a.provider.disconnect();
    a.doc.getText('convention.preamble').insert(0, 'hors ligne ');

    const second = await serve(port, data);
    expect(second.stdout()).not.toContain('Premier démarrage');
    const c = client(second, 'k9', token);
    clients.push(c);
    await synced(c);
    const restored = Y.decodeStateVector(Y.encodeStateVector(c.doc));
    for (const [clientId, clock] of seenByB) expect(restored.get(clientId) ?? 0).toBeGreaterThanOrEqual(clock);

    // a comes back with what it typed offline and what the killed server never stored: it all merges.
    a.provider.connect();
    await until(() => text(c.doc) === text(a.doc) && text(c.doc).startsWith('hors ligne '), 10_000, 'fusion');
    expect(text(c.doc)).toContain(`${typed - 1} `);

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    await until(() => c.closes.includes(1012));
  }, 40_000);

  it('says clearly when the port is taken or the data folder cannot be written', async () => {
    const port = await freePort();
    const data = tempDir();
    const holder = createServer().listen(port, '127.0.0.1');
    await new Promise((done) => holder.once('listening', done));
    try {
      await expect(run(process.execPath, [CTG, 'serve', '--port', String(port), '--data', data], { cwd: ROOT, env })).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringContaining(`Le port ${port} est déjà utilisé`),
      });
    } finally {
      holder.close();
    }
    const file = join(tempDir(), 'un-fichier');
    writeFileSync(file, 'pas un dossier');
    await expect(run(process.execPath, [CTG, 'serve', '--port', '0', '--data', join(file, 'data')], { cwd: ROOT, env })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('n’est pas accessible en écriture'),
    });
  });
});
