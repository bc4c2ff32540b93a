// One open convention: its Y.Doc and presence, the participants connected to it, and the rule that an update is
// stored before anyone else sees it. Transport-free: participants are anything that can send a frame and close.
// Other instances holding the convention are reached through the bus; lost bus messages are repaired by the state
// exchange of resync.ts.
//
// Two write paths. Relayed: an editor's change that needs no check, with a synchronous store, is read whole (new
// content only), stored, sent to the others and published, all before the room's own copy applies it; the copy
// catches up before anything reads it (the next frame, a join, an HTTP read) or a moment later. Otherwise: applied at
// once, stored with the rest of the turn (write-queue.ts), and what it changed is sent once stored.
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Bus, BusMessage } from '../bus/port.ts';
import { CtgError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { CloseCode } from '../protocol/close-codes.ts';
import { LockCache } from '../protocol/lock-cache.ts';
import { encodeAwareness, encodeSyncStep2, encodeUpdate, MESSAGE } from '../protocol/messages.ts';
import { type Effect, handleFrame, openingEffects, retryHeld, type SessionPeer, type SyncRoom } from '../protocol/session.ts';
import type { Author } from '../storage/port.ts';
import type { SyncMetrics } from './metrics.ts';
import { compareHoldings, type Holding, holdingOf } from './resync.ts';
import type { WriteQueue } from './write-queue.ts';

/** A connection as the room sees it. Its `origin` must be itself. */
export interface Participant extends SessionPeer {
  readonly author: Author;
  /** Awareness client ids this participant announced; removed from presence when it leaves. */
  readonly awarenessClients: Set<number>;
  send(frame: Uint8Array): void;
  close(close: CloseCode, detail: string): void;
}

/** Transaction origins of changes that must not be stored again. */
export const LOADING = Symbol('loading');
const REMOTE = Symbol('remote');

export const SERVER_AUTHOR: Author = { name: 'Serveur', party: 'serveur' };

export interface RoomDeps {
  readonly writer: WriteQueue;
  readonly bus: Bus;
  readonly instanceId: string;
  readonly now: () => number;
  readonly metrics: SyncMetrics;
  readonly log: Logger;
  /** Mean period of the state exchange with other instances (default 10 s; 0 = only on (re)subscription). */
  readonly resyncMs?: number;
  /** The room's copy could not take an update it had stored and relayed: it must be dropped and loaded again. */
  readonly onBroken?: (room: Room, error: unknown) => void;
}

const EMPTY_STATE_VECTOR = 0;
const FULL_STATE_TTL_MS = 2000;
export const DEFAULT_RESYNC_MS = 10_000;
/**
 * How long the room's copy may lag behind what it relayed when nothing reads it. Not at once, by measure: on the
 * bench's 2-core machine, where the receiving clients share the server's cores, applying right after the sends delayed
 * them (fan-out p50 1.15–1.21× the reference over 4 runs, against 1.06–1.11× with this delay; server/README.md).
 */
const CATCH_UP_MS = 2;

export class Room implements SyncRoom {
  readonly awareness: awarenessProtocol.Awareness;
  readonly participants = new Set<Participant>();
  /** The review locks the sessions enforce, computed again only after a change that may move one. */
  private readonly lockCache: LockCache;
  /** Updates stored and sent on that the copy has not applied yet, in order, with their participant. */
  private readonly relayed: Array<{ readonly update: Uint8Array; readonly origin: object }> = [];
  private catchUpTimer: NodeJS.Timeout | null = null;
  /** True while the copy applies relayed updates: they are stored and sent already. */
  private catchingUp = false;
  /** The copy could not take what it had relayed: the room is being dropped, its document is not to be read. */
  private broken = false;
  /** Changes accepted so far (applied or relayed): held updates are checked again after one. */
  private changes = 0;
  /**
   * The whole state as one sync step 2 frame, kept until the next change or for a moment: a join storm encodes it
   * once and every joiner is sent the same bytes.
   */
  private fullStep2: Uint8Array | null = null;
  private fullStateTimer: NodeJS.Timeout | null = null;
  /** What this instance holds, computed again only after the document changed. */
  private holding: Holding | null = null;
  private readonly resyncTimer: NodeJS.Timeout | null = null;
  private readonly unsubscribe: () => void;
  private destroyed = false;
  /** This room's updates queued for storage and not stored yet, and what waits for none to be left. */
  private unstored = 0;
  private readonly whenNoneUnstored: Array<() => void> = [];

  constructor(
    readonly id: string,
    private readonly ydoc: Y.Doc,
    private readonly deps: RoomDeps,
  ) {
    this.awareness = new awarenessProtocol.Awareness(ydoc);
    this.lockCache = new LockCache(ydoc);
    this.awareness.setLocalState(null);
    ydoc.on('update', this.onUpdate);
    this.awareness.on('update', this.onAwareness);
    this.unsubscribe = deps.bus.subscribe(id, deps.instanceId, this.onBus, () => this.announce(false));
    const period = deps.resyncMs ?? DEFAULT_RESYNC_MS;
    if (period > 0) {
      // Jittered so that instances do not all announce at once.
      this.resyncTimer = setInterval(() => this.announce(false), Math.round(period * (0.8 + 0.4 * Math.random())));
      this.resyncTimer.unref();
    }
  }

  get isDestroyed(): boolean {
    return this.destroyed;
  }

  /** The convention's document, holding every update stored so far (relayed ones included). */
  get doc(): Y.Doc {
    this.catchUp();
    this.refuseIfBroken();
    return this.ydoc;
  }

  get locks(): LockCache {
    this.catchUp();
    this.refuseIfBroken();
    return this.lockCache;
  }



  syncStep2(stateVector: Uint8Array): Uint8Array {
    this.catchUp();
    if (stateVector.length === 1 && stateVector[0] === EMPTY_STATE_VECTOR) {
      if (!this.fullStep2) {
        this.fullStep2 = encodeSyncStep2(Y.encodeStateAsUpdate(this.doc));
        // Joiners of a storm arrive within a moment; past that, the copy is not worth its memory.
        this.fullStateTimer = setTimeout(() => this.dropFullState(), FULL_STATE_TTL_MS);
        this.fullStateTimer.unref();
      }
      return this.fullStep2;
    }
    return encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector));
  }

  join(participant: Participant): void {
    this.participants.add(participant);
    this.run(participant, openingEffects(this));
  }

  receive(participant: Participant, frame: Uint8Array): void {
    if (!this.participants.has(participant) || this.destroyed) return;
    // Whatever the frame is, it is judged against a copy that holds everything accepted before it.
    this.catchUp();
    if (this.destroyed) return;
    this.deps.metrics.messages++;
    this.deps.metrics.messageBytes += frame.length;
    const before = this.changes;
    this.run(participant, handleFrame(this, participant, frame));
    if (this.changes !== before) this.retryHeld();
  }

  leave(participant: Participant): void {
    if (!this.participants.delete(participant)) return;
    if (participant.awarenessClients.size > 0 && !this.destroyed) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...participant.awarenessClients], null);
    }
  }

  /** Closes every participant (they reconnect or not, depending on the code). */
  closeAll(close: CloseCode, detail: string): void {
    for (const participant of [...this.participants]) {
      this.participants.delete(participant);
      participant.close(close, detail);
    }
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.resyncTimer) clearInterval(this.resyncTimer);
    this.unsubscribe();
    // Relayed updates are stored: the next load has them.
    this.relayed.length = 0;
    if (this.catchUpTimer) clearTimeout(this.catchUpTimer);
    this.ydoc.off('update', this.onUpdate);
    this.lockCache.destroy();
    this.awareness.off('update', this.onAwareness);
    this.awareness.destroy();
    this.ydoc.destroy();
    this.dropFullState();
  }

  relay(peer: SessionPeer, update: Uint8Array): boolean {
    const sender = this.participantOf(peer.origin);
    if (!sender || this.destroyed || !newAndWhole(this.ydoc, update)) return false;
    const { writer, metrics, bus, instanceId, now } = this.deps;
    const outcome = writer.writeNow({ conventionId: this.id, update, author: sender.author, at: now() });
    if (outcome === 'queue') return false;
    // Failed: nothing was stored or sent, and the room is being reset (its participants reconnect and send again).
    if (outcome === 'failed') return true;
    metrics.updates++;
    metrics.updateBytes += update.length;
    this.broadcast(encodeUpdate(update), sender);
    bus.publish(this.id, { kind: 'update', update }, instanceId);
    // What is cached of the copy no longer holds everything.
    this.dropFullState();
    this.holding = null;
    this.changes++;
    this.relayed.push({ update, origin: sender });
    if (!this.catchUpTimer) {
      this.catchUpTimer = setTimeout(() => this.catchUp(), CATCH_UP_MS);
      this.catchUpTimer.unref();
    }
    return true;
  }

  /**
   * Checks again the updates participants had held back, which the change just accepted may have made traceable; again
   * while that accepts more.
   */
  private retryHeld(): void {
    for (let passes = 0; passes < this.participants.size; passes++) {
      const before = this.changes;
      for (const participant of [...this.participants]) {
        if (participant.held.length > 0 && this.participants.has(participant)) this.run(participant, retryHeld(this, participant));
      }
      if (this.changes === before) return;
    }
  }

  /** Applies to the copy what was relayed and not applied yet. */
  private catchUp(): void {
    if (this.catchUpTimer) clearTimeout(this.catchUpTimer);
    this.catchUpTimer = null;
    if (this.relayed.length === 0 || this.destroyed) return;
    this.catchingUp = true;
    try {
      for (const { update, origin } of this.relayed.splice(0)) Y.applyUpdate(this.ydoc, update, origin);
    } catch (error) {
      // It was read whole before it was stored; should the copy still refuse it, the stored log is the truth.
      this.broken = true;
      this.deps.log.error('copie de la convention en échec : rechargement', { conventionId: this.id, error });
      this.deps.onBroken?.(this, error);
    } finally {
      this.catchingUp = false;
    }
  }

  private refuseIfBroken(): void {
    if (this.broken) throw new CtgError('convention_reloading');
  }

  private dropFullState(): void {
    this.fullStep2 = null;
    if (this.fullStateTimer) clearTimeout(this.fullStateTimer);
    this.fullStateTimer = null;
  }

  private run(participant: Participant, effects: Effect[]): void {
    for (const effect of effects) {
      if (effect.kind === 'close') {
        this.leave(participant);
        participant.close(effect.close, effect.detail);
        return;
      }
      const { frame } = effect;
      if (effect.durable) this.deps.writer.afterDurable(() => participant.send(frame));
      else participant.send(frame);
      if (frame[0] === MESSAGE.auth) this.deps.metrics.permissionDenied++;
    }
  }

  private broadcast(frame: Uint8Array, except: unknown): void {
    for (const participant of this.participants) if (participant !== except) participant.send(frame);
  }

  private participantOf(origin: unknown): Participant | null {
    // reason: Set#has accepts any value at run time; the cast only widens the lookup key.
    return this.participants.has(origin as Participant) ? (origin as Participant) : null;
  }

  /** Changes made on the server itself (a test, a future admin tool) are recorded as the server's. */
  private authorOf(origin: unknown): Author {
    return this.participantOf(origin)?.author ?? SERVER_AUTHOR;
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (this.fullStep2) this.dropFullState();
    this.holding = null;
    if (!this.catchingUp) this.changes++;
    if (origin === LOADING || this.catchingUp || this.destroyed) return;
    const frame = encodeUpdate(update);
    if (origin === REMOTE) {
      // Stored by the instance that accepted it.
      this.broadcast(frame, null);
      return;
    }
    const { metrics, writer, bus, instanceId, now } = this.deps;
    metrics.updates++;
    metrics.updateBytes += update.length;
    writer.enqueue({ conventionId: this.id, update, author: this.authorOf(origin), at: now() });
    this.unstored++;
    writer.afterDurable(() => {
      this.noteStored();
      if (this.destroyed) return;
      this.broadcast(frame, origin);
      bus.publish(this.id, { kind: 'update', update }, instanceId);
    });
  };

  private readonly onAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const sender = this.participantOf(origin);
    if (sender) {
      for (const id of added) sender.awarenessClients.add(id);
      for (const id of removed) sender.awarenessClients.delete(id);
    }
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed]);
    this.broadcast(encodeAwareness(update), sender);
    if (origin !== REMOTE) this.deps.bus.publish(this.id, { kind: 'awareness', update }, this.deps.instanceId);
  };

  private readonly onBus = (message: BusMessage, from: string): void => {
    if (this.destroyed) return;
    try {
      if (message.kind === 'update') {
        const before = this.changes;
        Y.applyUpdate(this.doc, message.update, REMOTE);
        if (this.changes !== before) this.retryHeld();
      }
      else if (message.kind === 'awareness') awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, REMOTE);
      else this.answer(message, from);
    } catch (error) {
      // Another instance accepted and stored it; a copy this one cannot read changes nothing of what is stored.
      this.deps.log.warn('message du bus illisible', { conventionId: this.id, kind: message.kind, error });
    }
  };

  /** Tells the other instances what this one holds (see resync.ts). */
  private announce(reply: boolean): void {
    if (this.destroyed) return;
    this.holding ??= holdingOf(this.doc);
    this.deps.bus.publish(this.id, { kind: 'state', ...this.holding, reply }, this.deps.instanceId);
  }

  private answer(theirs: Holding & { readonly reply: boolean }, from: string): void {
    this.holding ??= holdingOf(this.doc);
    const { send, lack } = compareHoldings(this.holding, theirs);
    const { bus, instanceId, log } = this.deps;
    if (send) {
      // The diff may only carry what is stored: wait until nothing of this instance is still being written.
      this.whenStored(() => {
        const update = Y.encodeStateAsUpdate(this.doc, theirs.stateVector);
        bus.publish(this.id, { kind: 'update', update }, instanceId);
        log.info('réparation entre instances', { conventionId: this.id, to: from, bytes: update.length });
      });
    }
    if (theirs.reply) return;
    if (lack) this.announce(true);
    // A first announcement is also when the other learns who is present here.
    const present = [...this.participants].flatMap((p) => [...p.awarenessClients]);
    if (present.length > 0) {
      const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, present);
      bus.publish(this.id, { kind: 'awareness', update }, instanceId);
    }
  }

  /**
   * Runs `fn` once none of this room's updates waits to be stored: the document then holds nothing that is not
   * stored. Counted per room, so traffic on other conventions never postpones it.
   */
  private whenStored(fn: () => void): void {
    if (this.destroyed) return;
    if (this.unstored === 0) fn();
    else this.whenNoneUnstored.push(fn);
  }

  private noteStored(): void {
    this.unstored--;
    if (this.unstored > 0) return;
    for (const fn of this.whenNoneUnstored.splice(0)) if (!this.destroyed) fn();
  }
}

/**
 * Whether an update reads whole and brings only what `doc` lacks, in order — what a client sends as it types. Anything
 * else takes the applying path: a row that cannot be read would stop every load, and a copy the client reloaded from
 * its device (y-indexeddb sends it back whole) would be stored and sent again for nothing.
 */
function newAndWhole(doc: Y.Doc, update: Uint8Array): boolean {
  let structs: Array<Y.Item | Y.GC | Y.Skip>;
  try {
    structs = Y.decodeUpdate(update).structs;
  } catch {
    return false;
  }
  const next = new Map<number, number>();
  for (const struct of structs) {
    const { client, clock } = struct.id;
    const expected = next.get(client) ?? Y.getState(doc.store, client);
    if (struct instanceof Y.Skip || clock !== expected) return false;
    next.set(client, clock + struct.length);
  }
  return structs.length > 0;
}
