// End-to-end harness: a real `ctg serve` child process on a free port with its own data folder, the stock
// y-websocket client for Node, and Debian's Chromium driven by playwright-core.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import WebSocket from 'ws';

const ROOT = new URL('../../', import.meta.url).pathname;
const CTG = join(ROOT, 'bin/ctg.mjs');

export interface RunningServer {
  url: string;
  dataDir: string;
  port: number;
  process: ChildProcess;
  /** Stops the server; its data folder is removed unless `keepData`. */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts `ctg serve`; pass the `port` and `dataDir` of a stopped server to bring it back. */
export async function startServer(previous?: { port: number; dataDir: string }): Promise<RunningServer> {
  const dataDir = previous?.dataDir ?? mkdtempSync(join(tmpdir(), 'concerto-e2e-'));
  const port = previous?.port ?? (await freePort());
  const child = spawn(process.execPath, [CTG, 'serve', '--port', String(port), '--data', dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /écoute sur (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
  return {
    url,
    dataDir,
    port,
    process: child,
    async stop(options = {}) {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
      if (!options.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function ctgToken(server: RunningServer, args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [CTG, 'token', ...args, '--data', server.dataDir], { cwd: ROOT });
  return stdout.trim();
}

export async function api<T>(server: RunningServer, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(server.url + path, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as T;
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** A Node participant with the stock y-websocket client. */
export function nodeClient(server: RunningServer, conventionId: string, token: string): { doc: Y.Doc; provider: WebsocketProvider; synced: Promise<void> } {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${server.url.replace(/^http/, 'ws')}/sync`, conventionId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once('sync', () => resolve());
  });
  return { doc, provider, synced };
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Polls until `check` returns a value (not undefined/false), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 2000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export const ARTIFACTS = join(ROOT, 'test-results');

/** An invitation as the server answers it: the token, and the live view's link. */
export interface Invitation {
  token: string;
  link: string;
}

/** What a test file shares: the server, Chromium (when asked for) and an admin token; ready inside its tests. */
export interface E2E {
  readonly server: RunningServer;
  readonly browser: Browser;
  readonly admin: string;
  /** Invites a person to the file's convention. */
  invite(party: string, access: 'edit' | 'comment' | 'view', name: string): Promise<Invitation>;
  /** After a test stopped the server and started it again: the one to use, and to stop at the end. */
  replaceServer(next: RunningServer): void;
}

/**
 * Registers the file's setup: a `ctg serve`, an admin token, the convention `convention.id` created from
 * `convention.file`, and Chromium unless `browser: false`; all stopped after the file's tests.
 */
export function useE2E(options: { convention?: { id: string; file: unknown }; browser?: boolean } = {}): E2E {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let admin: string | undefined;
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not ready: use it inside a test`);
    return value;
  };
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startServer();
    admin = await ctgToken(server, ['--admin']);
    if (options.convention) await api(server, admin, 'POST', '/api/conventions', { id: options.convention.id, file: options.convention.file });
    if (options.browser !== false) browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      return ready(server, 'the server');
    },
    get browser() {
      return ready(browser, 'Chromium');
    },
    get admin() {
      return ready(admin, 'the admin token');
    },
    replaceServer(next) {
      server = next;
    },
    invite(party, access, name) {
      const id = ready(options.convention, 'the convention').id;
      return api<Invitation>(ready(server, 'the server'), ready(admin, 'the admin token'), 'POST', `/api/conventions/${id}/invitations`, { party, access, name });
    },
  };
}
