// The pure session between in-memory peers: random delivery order, random disconnects, then every peer converges
// (the yjs TestConnector habit), plus the access rules and hostile frames.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as prng from 'lib0/prng';
import * as authProtocol from 'y-protocols/auth';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE } from './close-codes.ts';
import { LockCache } from './lock-cache.ts';
import { encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate, MESSAGE } from './messages.ts';
import { type Access, DENIED_REASON, type Effect, handleFrame, openingEffects, retryHeld, type SessionPeer, type SyncRoom } from './session.ts';

const COMMENT_ROOTS = ['threads', 'comments'];

/** The server's side as the sync room runs it: relaying (when on) sends a change on before this copy applies it. */
class Server implements SyncRoom {
  private readonly ydoc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.ydoc);
  private readonly lockCache = new LockCache(this.ydoc);
  readonly peers = new Set<Peer>();
  relaying = false;
  /** Changes accepted (applied or relayed): held updates are checked again after one, as the room does. */
  changes = 0;
  private readonly relayed: Array<{ update: Uint8Array; origin: object }> = [];
  private catchingUp = false;
  constructor() {
    this.awareness.setLocalState(null);
    this.ydoc.on('update', (update: Uint8Array, origin: unknown) => {
      if (this.catchingUp) return;
      this.changes++;
      for (const peer of this.peers) if (peer !== origin) peer.inbox.push(encodeUpdate(update));
    });
  }
  get doc() {
    this.catchUp();
    return this.ydoc;
  }
  get locks() {
    this.catchUp();
    return this.lockCache;
  }
  syncStep2(stateVector: Uint8Array) {
    return encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector));
  }
  relay(peer: SessionPeer, update: Uint8Array) {
    if (!this.relaying) return false;
    try {
      Y.decodeUpdate(update);
    } catch {
      return false;
    }
    for (const other of this.peers) if (other !== peer.origin) other.inbox.push(encodeUpdate(update));
    this.relayed.push({ update, origin: peer.origin });
    this.changes++;
    return true;
  }
  private catchUp() {
    this.catchingUp = true;
    try {
      for (const { update, origin } of this.relayed.splice(0)) Y.applyUpdate(this.ydoc, update, origin);
    } finally {
      this.catchingUp = false;
    }
  }
  destroy() {
    this.awareness.destroy();
  }
}

/** A client that behaves like the stock WebsocketProvider, over queues instead of a socket. */
class Peer {
  readonly doc = new Y.Doc();
  readonly commentRoots = COMMENT_ROOTS;
  readonly origin = this;
  readonly held: Uint8Array[] = [];
  readonly heldWaitsOn = new Map<number, number>();
  readonly author = { name: 'Test', party: 'caf' };
  inbox: Uint8Array[] = [];
  outbox: Uint8Array[] = [];
  denied: string[] = [];
  closed: string | null = null;
  constructor(
    readonly server: Server,
    readonly access: Access,
    clientID?: number,
  ) {
    if (clientID !== undefined) this.doc.clientID = clientID;
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.outbox.push(encodeUpdate(update));
    });
  }
  connect() {
    this.inbox = [];
    this.outbox = [];
    this.closed = null;
    this.server.peers.add(this);
    this.apply(openingEffects(this.server));
    this.outbox.push(encodeSyncStep1(Y.encodeStateVector(this.doc)));
  }
  disconnect() {
    this.server.peers.delete(this);
    this.inbox = [];
    this.outbox = [];
  }
  /** Delivers one frame from this client to the server. */
  sendOne() {
    const frame = this.outbox.shift();
    if (!frame) return;
    const before = this.server.changes;
    this.apply(handleFrame(this.server, this, frame));
    if (this.server.changes === before) return;
    for (const peer of this.server.peers) if (peer.held.length > 0) peer.apply(retryHeld(this.server, peer));
  }
  apply(effects: Effect[]) {
    for (const effect of effects) {
      if (effect.kind === 'send') this.inbox.push(effect.frame);
      else {
        this.closed = effect.close.reason;
        this.disconnect();
      }
    }
  }
  /** Delivers one frame from the server to this client, as y-websocket's readMessage does. */
  receiveOne() {
    const frame = this.inbox.shift();
    if (!frame) return;
    const decoder = decoding.createDecoder(frame);
    const encoder = encoding.createEncoder();
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE.sync) {
      encoding.writeVarUint(encoder, MESSAGE.sync);
      syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
      if (encoding.length(encoder) > 1) this.outbox.push(encoding.toUint8Array(encoder));
    } else if (type === MESSAGE.auth) {
      authProtocol.readAuthMessage(decoder, this.doc, (_doc, reason) => this.denied.push(reason));
    }
  }
  get busy() {
    return this.inbox.length > 0 || this.outbox.length > 0;
  }
}

const contents = (doc: Y.Doc) => ({
  articles: doc.getMap('articles').toJSON(),
  actions: doc.getMap('actions').toJSON(),
  threads: doc.getMap('threads').toJSON(),
});

function settle(peers: Peer[]) {
  while (peers.some((p) => p.busy)) {
    for (const p of peers) {
      p.sendOne();
      p.receiveOne();
    }
  }
}

function randomEdit(gen: prng.PRNG, peer: Peer) {
  const root = peer.access === 'edit' ? prng.oneOf(gen, ['articles', 'actions', 'threads']) : 'threads';
  const map = peer.doc.getMap<Y.Text>(root);
  const key = `k${prng.uint32(gen, 0, 5)}`;
  let text = map.get(key);
  if (!text || prng.bool(gen)) {
    text = new Y.Text();
    map.set(key, text);
  }
  if (text.length > 0 && prng.bool(gen)) text.delete(prng.uint32(gen, 0, text.length - 1), 1);
  else text.insert(prng.uint32(gen, 0, text.length), prng.word(gen, 1, 4));
}

describe('session convergence', () => {
  it.each(Array.from({ length: Number(process.env.SEEDS ?? 64) }, (_, i) => i + 1))('converges with random order and disconnects (seed %i)', (seed) => {
    const gen = prng.create(seed);
    const server = new Server();
    const accesses = ['edit', 'edit', 'edit', 'comment', 'view'] as const;
    const peers = accesses.map((access, i) => new Peer(server, access, seed * 100 + i));
    for (const p of peers) p.connect();
    for (let step = 0; step < 600; step++) {
      // Changes are relayed or applied at once as the room would (a burst's later updates, a store that cannot).
      server.relaying = prng.bool(gen);
      const peer = prng.oneOf(gen, peers);
      const roll = prng.uint32(gen, 0, 99);
      const online = server.peers.has(peer);
      if (roll < 30) peer.sendOne();
      else if (roll < 60) peer.receiveOne();
      else if (roll < 85 && peer.access !== 'view') randomEdit(gen, peer);
      else if (roll < 92 && online) peer.disconnect();
      else if (!online) peer.connect();
    }
    // Every client reconnects once more (a refused update stays local until then, as with y-websocket).
    for (const p of peers) {
      p.disconnect();
      p.denied = [];
      p.connect();
    }
    settle(peers);
    const expected = contents(server.doc);
    expect(Object.keys(expected.articles).length).toBeGreaterThan(0);
    for (const p of peers) {
      expect(p.closed).toBeNull();
      expect({ access: p.access, ...contents(p.doc) }).toEqual({ access: p.access, ...expected });
    }
    // The comment peer only ever wrote in threads; the editors' articles arrived there through the server.
    expect(peers[3]!.denied).toEqual([]);
    expect(peers[4]!.denied).toEqual([]);
    server.destroy();
  });
});

describe('access rules', () => {
  it('drops a view client’s update and tells it so', () => {
    const server = new Server();
    const viewer = new Peer(server, 'view');
    viewer.connect();
    settle([viewer]);
    viewer.doc.getMap('articles').set('a', 'x');
    settle([viewer]);
    expect(server.doc.getMap('articles').size).toBe(0);
    expect(viewer.denied).toEqual([DENIED_REASON.view]);
  });

  it('lets a comment client write threads and comments only', () => {
    const server = new Server();
    const editor = new Peer(server, 'edit');
    const commenter = new Peer(server, 'comment');
    editor.connect();
    commenter.connect();
    editor.doc.getMap('articles').set('a1', new Y.Text('Objet'));
    settle([editor, commenter]);
    commenter.doc.getMap('threads').set('t1', new Y.Map([['resolved', false]]));
    // A message signed with the commenter's own name and party (the server checks both).
    commenter.doc.getMap('comments').set('c1', new Y.Map<unknown>([['author', 'Test'], ['party', 'caf'], ['text', new Y.Text('Je propose')]]));
    settle([editor, commenter]);
    expect((editor.doc.getMap('comments').get('c1') as Y.Map<Y.Text> | undefined)?.get('text')?.toString()).toBe('Je propose');
    expect(commenter.denied).toEqual([]);
    (commenter.doc.getMap('articles').get('a1') as Y.Text).insert(0, 'Nouvel ');
    settle([editor, commenter]);
    expect((server.doc.getMap('articles').get('a1') as Y.Text).toString()).toBe('Objet');
    expect(commenter.denied).toEqual([DENIED_REASON.comment]);
    // A mixed update is refused whole.
    commenter.doc.transact(() => {
      commenter.doc.getMap('comments').set('c2', 'ok');
      commenter.doc.getMap('articles').delete('a1');
    });
    settle([editor, commenter]);
    expect(server.doc.getMap('comments').has('c2')).toBe(false);
    expect(server.doc.getMap('articles').has('a1')).toBe(true);
  });
});

describe('hostile frames', () => {
  it('closes only the sender on malformed messages and unreadable updates', () => {
    const server = new Server();
    const peer = new Peer(server, 'edit');
    const frames = [
      new Uint8Array([0, 2, 0xff, 0xff, 0xff, 0x7f]),
      new Uint8Array([42]),
      encodeUpdate(new Uint8Array([5, 200, 1, 2, 3])),
      encodeAwareness(new Uint8Array([1, 5, 1, 3, 0x7b, 0x7b, 0x7b])),
    ];
    for (const frame of frames) {
      const effects = handleFrame(server, peer, frame);
      expect(effects).toEqual([expect.objectContaining({ kind: 'close', close: CLOSE.badMessage })]);
    }
  });

  it('never throws on random frames, whatever the access', () => {
    const gen = prng.create(7);
    const server = new Server();
    server.doc.getMap('articles').set('a', new Y.Text('x'));
    for (const access of ['edit', 'comment', 'view'] as const) {
      const peer = new Peer(server, access);
      for (let i = 0; i < 800; i++) {
        const head = prng.oneOf(gen, [[0, 0], [0, 1], [0, 2], [1], [3]]);
        const body = prng.uint8Array(gen, prng.uint32(gen, 0, 30));
        const frame = new Uint8Array([...head, body.length, ...body]);
        expect(() => handleFrame(server, peer, frame)).not.toThrow();
      }
    }
  });
});
