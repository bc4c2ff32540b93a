// The benchmark's clients, the same in the bench's own event loop and in the storm workers: the stock y-websocket
// client (ours and @y/websocket-server) and the hocuspocus provider, each reporting its time to synced from `start`.
import { performance } from 'node:perf_hooks';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';

export interface BenchClient {
  readonly doc: Y.Doc;
  /** Milliseconds from `start` to the first sync. */
  readonly synced: Promise<number>;
  destroy(): void;
}

const wsPolyfill = WebSocket as unknown as typeof globalThis.WebSocket; // reason: `ws` has the DOM WebSocket surface

/** `url` without the room (`ws://host:port/sync` for ours). */
export function yWebsocketClient(url: string, room: string, doc: Y.Doc, params: Record<string, string>, start = performance.now()): BenchClient {
  const provider = new WebsocketProvider(url, room, doc, { params, WebSocketPolyfill: wsPolyfill, disableBc: true });
  const synced = new Promise<number>((done) => {
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return;
      provider.off('sync', onSync);
      done(performance.now() - start);
    };
    provider.on('sync', onSync);
  });
  return { doc, synced, destroy: () => provider.destroy() };
}

export function hocuspocusClient(url: string, room: string, doc: Y.Doc, start = performance.now()): BenchClient {
  let done: (ms: number) => void = () => {};
  const synced = new Promise<number>((resolve) => {
    done = resolve;
  });
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: room, document: doc, onSynced: () => done(performance.now() - start) });
  provider.attach();
  return {
    doc,
    synced,
    destroy: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}
