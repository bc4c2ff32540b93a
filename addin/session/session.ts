// A live convention session: the Y.Doc kept in sync with the server over y-websocket, cached in the browser
// (IndexedDB) so edits made offline survive a reload and merge when the connection returns, plus presence.
import * as decoding from 'lib0/decoding';
import { IndexeddbPersistence } from 'y-indexeddb';
import type { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { ConventionDoc } from '../../shared/index.ts';
import { offlineCopyName } from './offline-copy.ts';
import { type Access, readTokenClaims } from './token.ts';

export type ConnectionStatus = 'connecting' | 'syncing' | 'connected' | 'offline' | 'refused';

export interface ConnectionState {
  status: ConnectionStatus;
  /** Local changes made since the server last confirmed it holds everything (offline edits). */
  pending: number;
  /** Why the server refused or closed the connection, in French and English. */
  problem?: { fr: string; en: string };
  /**
   * The server refused a change this copy holds (a part locked meanwhile, an access that does not allow it): until
   * the copy is taken again from the server (`discardLocalCopy`), it shows something the others do not have.
   */
  writeRefused?: boolean;
}

export interface Presence {
  clientId: number;
  name: string;
  party: string;
  /** The section or entity this person is in, e.g. `article:art_x`. */
  where: string | null;
  /** This person presents (during a Copil): those who follow them see their pane and view move with them. */
  presenting: boolean;
  color: string;
  self: boolean;
}

export interface SessionOptions {
  server: string;
  conventionId: string;
  token: string;
  /** Keep an offline copy in IndexedDB (default: when the browser has it). */
  offline?: boolean;
  /** The WebSocket implementation (Node tests pass `ws`). */
  WebSocketPolyfill?: typeof WebSocket;
}

/** Where y-indexeddb keeps a document's updates (its state is replayed from them). */
const OFFLINE_UPDATES_STORE = 'updates';
/** y-websocket message type of an auth message (the server's permission-denied answer). */
const MESSAGE_AUTH = 2;
const COLORS = ['#1f6feb', '#b35900', '#2e7d32', '#8e24aa', '#c62828', '#00838f', '#5d4037'];

export class ConventionSession {
  readonly ydoc = new Y.Doc();
  readonly model = new ConventionDoc(this.ydoc);
  readonly provider: WebsocketProvider;
  readonly identity: { name: string; party: string; access: Access };
  private readonly persistence: IndexeddbPersistence | null;
  private state: ConnectionState = { status: 'connecting', pending: 0 };
  private readonly listeners = new Set<(state: ConnectionState) => void>();
  private disposed = false;

  constructor(readonly options: SessionOptions) {
    const claims = readTokenClaims(options.token);
    this.identity = { name: claims?.name ?? 'Anonyme', party: claims?.party ?? '?', access: claims?.access ?? 'view' };
    const useIndexedDb = (options.offline ?? true) && typeof indexedDB !== 'undefined';
    this.persistence = useIndexedDb
      ? new IndexeddbPersistence(offlineCopyName(options.server, options.conventionId, this.identity), this.ydoc)
      : null;
    const wsUrl = `${options.server.replace(/^http/, 'ws')}/sync`;
    this.provider = new WebsocketProvider(wsUrl, options.conventionId, this.ydoc, {
      params: { token: options.token },
      // Tabs of one browser meet through the server only: it holds the convention and its access rights, and a change
      // it refused must not travel from tab to tab (y-websocket's BroadcastChannel would carry it to another tab,
      // and from there to the server under that tab's access).
      disableBc: true,
      ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
    });
    this.provider.awareness.setLocalStateField('user', {
      name: this.identity.name,
      party: this.identity.party,
      color: COLORS[this.ydoc.clientID % COLORS.length],
    });
    // The server answers a refused write with a permission-denied message: show it instead of a console line.
    this.provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) => {
      decoding.readVarUint(decoder); // permission-denied
      const reason = decoding.readVarString(decoder);
      this.setState({
        writeRefused: true,
        problem: { fr: `Modification refusée par le serveur : ${reason}`, en: `Change refused by the server: ${reason}` },
      });
    };
    this.provider.on('status', ({ status }) => {
      // A refused change is still in this copy after a reconnection: its warning stays.
      if (status === 'connected') this.setState({ status: 'syncing', ...(this.state.writeRefused ? {} : { problem: undefined }) });
      else if (status === 'connecting') this.setState({ status: this.state.status === 'refused' ? 'refused' : 'connecting' });
      else this.setState({ status: 'offline' });
    });
    this.provider.on('sync', (synced: boolean) => {
      if (synced) this.setState({ status: 'connected', pending: 0 });
    });
    this.provider.on('connection-close', (event) => {
      if (event && event.code >= 4400 && event.code < 4500)
        this.setState({ status: 'refused', problem: closeReason(event.code, event.reason) });
    });
    this.ydoc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin !== this.provider && origin !== this.persistence && this.state.status !== 'connected')
        this.setState({ pending: this.state.pending + 1 });
    });
  }

  get awareness(): Awareness {
    return this.provider.awareness;
  }

  get connection(): ConnectionState {
    return this.state;
  }

  onConnection(listener: (state: ConnectionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Says where this person is (shown to others in the presence list, followed by those who follow them). */
  setWhere(where: string | null): void {
    this.awareness.setLocalStateField('where', where);
  }

  /** Says whether this person presents: others may then follow where they go. */
  setPresenting(presenting: boolean): void {
    this.awareness.setLocalStateField('presenting', presenting);
  }

  /** Where the server's HTTP API is and the token to call it with (versions, history). */
  get endpoint(): { server: string; conventionId: string; token: string } {
    return { server: this.options.server, conventionId: this.options.conventionId, token: this.options.token };
  }

  presence(): Presence[] {
    const out: Presence[] = [];
    this.awareness.getStates().forEach((state, clientId) => {
      const user = (state as { user?: { name?: string; party?: string; color?: string } }).user;
      if (!user) return;
      out.push({
        clientId,
        name: user.name ?? '?',
        party: user.party ?? '?',
        color: user.color ?? COLORS[0] ?? '#000',
        where: ((state as { where?: string | null }).where ?? null) as string | null,
        presenting: (state as { presenting?: unknown }).presenting === true,
        self: clientId === this.ydoc.clientID,
      });
    });
    return out.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name, 'fr'));
  }

  /** Resolves once the document holds the convention: from the offline copy, or after the first sync. */
  whenLoaded(): Promise<void> {
    const filled = () => this.model.meta().conventionId !== '';
    if (filled()) return Promise.resolve();
    return new Promise((resolve) => {
      const check = () => {
        if (!filled()) return;
        this.ydoc.off('update', check);
        resolve();
      };
      this.ydoc.on('update', check);
    });
  }

  /** Resolves once the offline copy is loaded (immediately when there is none). */
  async loadedFromCache(): Promise<void> {
    if (this.persistence) await this.persistence.whenSynced;
  }

  /**
   * Forgets this device's copy of the convention (the offline copy included) so that the next session takes the
   * server's: what the server refused disappears. The offline copy is emptied, not deleted, so other tabs on the
   * convention keep working (deleting the database would close theirs). Changes the server has not taken are lost
   * with it — after a refusal, that is everything typed since. The session is disposed.
   */
  async discardLocalCopy(): Promise<void> {
    const db = this.persistence?.db ?? null;
    // The clearing is requested before anything else can write: disposing stops the network, the offline copy's
    // pending write and its listener, and the database closes once the clearing is done.
    const cleared = db ? clearStore(db, OFFLINE_UPDATES_STORE) : Promise.resolve();
    this.dispose();
    await cleared;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.provider.destroy();
    void this.persistence?.destroy();
    this.ydoc.destroy();
    this.listeners.clear();
  }

  private setState(patch: Partial<ConnectionState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener(this.state);
  }
}

/** Empties one object store of an open IndexedDB database; settles when the transaction is done. */
function clearStore(db: IDBDatabase, store: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(store, 'readwrite');
    transaction.objectStore(store).clear();
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error ?? new Error('La copie gardée sur cet appareil n’a pas pu être effacée.'));
  });
}

function closeReason(code: number, reason: string): { fr: string; en: string } {
  if (code === 4401) return { fr: `Lien d'accès invalide ou expiré : demandez un nouveau lien. ${reason}`, en: `Invalid or expired access link: ask for a new one. ${reason}` };
  if (code === 4403) return { fr: `Accès refusé à cette convention. ${reason}`, en: `Access to this convention refused. ${reason}` };
  return { fr: `Connexion refusée par le serveur (${code}). ${reason}`, en: `Connection refused by the server (${code}). ${reason}` };
}
