// In-memory peers for convergence tests, in the style of yjs' TestConnector: every update a peer makes is queued
// to each connected peer and delivered one message at a time in random order; peers disconnect and reconnect at
// random, and catch up through a state-vector sync when they come back.
import * as Y from 'yjs';
import type { Random } from './random.ts';

interface Message {
  to: number;
  update: Uint8Array;
}

export class TestNetwork {
  readonly docs: Y.Doc[];
  private readonly online: boolean[];
  private queue: Message[] = [];

  constructor(
    peers: number,
    private readonly random: Random,
  ) {
    this.docs = Array.from({ length: peers }, (_, i) => {
      const doc = new Y.Doc();
      doc.clientID = i + 1;
      return doc;
    });
    this.online = this.docs.map(() => true);
    this.docs.forEach((doc, from) => {
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === this || !this.online[from]) return;
        this.docs.forEach((_, to) => {
          if (to !== from && this.online[to]) this.queue.push({ to, update });
        });
      });
    });
  }

  /** Delivers one queued message, chosen at random (so updates arrive out of order). */
  deliverOne(): boolean {
    if (this.queue.length === 0) return false;
    const [message] = this.queue.splice(this.random.int(this.queue.length), 1);
    if (message && this.online[message.to]) Y.applyUpdate(this.docs[message.to] as Y.Doc, message.update, this);
    return true;
  }

  deliverSome(): void {
    const n = this.random.int(this.queue.length + 1);
    for (let i = 0; i < n; i++) this.deliverOne();
  }

  disconnect(peer: number): void {
    this.online[peer] = false;
    this.queue = this.queue.filter((m) => m.to !== peer);
  }

  /** Reconnects a peer: it exchanges what is missing with every online peer (sync step 1 and 2). */
  reconnect(peer: number): void {
    if (this.online[peer]) return;
    this.online[peer] = true;
    this.docs.forEach((other, i) => {
      if (i !== peer && this.online[i]) this.syncPair(this.docs[peer] as Y.Doc, other);
    });
  }

  isOnline(peer: number): boolean {
    return this.online[peer] === true;
  }

  /** Brings every peer online and delivers everything: afterwards all documents must be equal. */
  flushAll(): void {
    for (let i = 0; i < this.docs.length; i++) this.reconnect(i);
    while (this.deliverOne()) {}
    for (const a of this.docs) for (const b of this.docs) if (a !== b) this.syncPair(a, b);
  }

  private syncPair(a: Y.Doc, b: Y.Doc): void {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), this);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), this);
  }
}
