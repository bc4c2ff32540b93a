// Socket-level test helpers: a server on port 0, stock y-websocket providers, raw `ws` sockets and waiting.
import * as decoding from 'lib0/decoding';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type RunningServer, type ServerOptions, startServer } from '../server.ts';
import { createMemoryStorage } from '../storage/memory.ts';

export const TEST_SECRET = new TextEncoder().encode('secret des tests de synchronisation');

export async function testServer(options: ServerOptions = {}): Promise<RunningServer> {
  return startServer({ port: 0, storage: createMemoryStorage(), secret: TEST_SECRET, ...options });
}

export interface Client {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly denied: string[];
  readonly closes: number[];
}

/** A stock y-websocket provider, as the add-ins use it (Node needs the `ws` polyfill). */
export function client(server: { url: string }, conventionId: string, token: string, doc = new Y.Doc()): Client {
  const provider = new WebsocketProvider(`${server.url.replace(/^http/, 'ws')}/sync`, conventionId, doc, {
    params: { token },
    // reason: y-websocket types the polyfill as the DOM WebSocket class; `ws` implements the same surface.
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  const denied: string[] = [];
  const closes: number[] = [];
  // The stock handler only warns on the console: record the reason instead.
  provider.messageHandlers[2] = (_encoder, decoder) => {
    decoding.readVarUint(decoder);
    denied.push(decoding.readVarString(decoder));
  };
  provider.on('connection-close', (event) => {
    if (event) closes.push(event.code);
  });
  return { doc, provider, denied, closes };
}

export const synced = (c: Client) => until(() => c.provider.synced);

export async function until(check: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`délai dépassé : ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export interface RawSocket {
  readonly ws: WebSocket;
  readonly frames: Uint8Array[];
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly opened: Promise<void>;
}

/** A raw `ws` socket (for hostile frames). */
export function raw(server: { url: string }, conventionId: string, token: string): RawSocket {
  const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/sync/${conventionId}?token=${token}`);
  const frames: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => frames.push(new Uint8Array(data)));
  ws.on('error', () => {});
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', () => reject(new Error('refusé')));
  });
  return { ws, frames, closed, opened };
}

/** Tries to connect and returns the refusal: HTTP status and JSON body. */
export function refusal(url: string): Promise<{ status: number; body: { error: { code: string; message: string } } }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('open', () => reject(new Error('connexion acceptée')));
    ws.on('error', () => {});
    ws.on('unexpected-response', (_req, res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
  });
}
