// Test helpers for the sync layer: an in-memory participant that speaks the protocol like the stock client, a
// Documents wired to memory adapters, and a bus that loses messages on purpose.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { createMemoryBus } from '../bus/memory.ts';
import type { Bus, BusMessage } from '../bus/port.ts';
import { silentLogger } from '../log.ts';
import { sharedModel } from '../model/port.ts';
import type { CloseCode } from '../protocol/close-codes.ts';
import { encodeSyncStep1, encodeUpdate, MESSAGE } from '../protocol/messages.ts';
import type { Access } from '../protocol/session.ts';
import { createMemoryStorage } from '../storage/memory.ts';
import type { Author, Storage } from '../storage/port.ts';
import { Documents, type DocumentsOptions } from './documents.ts';
import { SyncMetrics } from './metrics.ts';
import type { Participant, Room } from './room.ts';
import { WriteQueue } from './write-queue.ts';

export class FakeParticipant implements Participant {
  readonly doc = new Y.Doc();
  readonly origin = this;
  readonly held: Uint8Array[] = [];
  readonly heldWaitsOn = new Map<number, number>();
  readonly awarenessClients = new Set<number>();
  readonly commentRoots = sharedModel.commentRoots;
  readonly received: Uint8Array[] = [];
  readonly denied: string[] = [];
  closed: CloseCode | null = null;
  synced = false;
  room: Room | null = null;

  constructor(
    readonly author: Author,
    readonly access: Access = 'edit',
  ) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this && this.room) this.room.receive(this, encodeUpdate(update));
    });
  }

  connect(room: Room): void {
    this.room = room;
    room.join(this);
    room.receive(this, encodeSyncStep1(Y.encodeStateVector(this.doc)));
  }

  send(frame: Uint8Array): void {
    this.received.push(frame);
    const decoder = decoding.createDecoder(frame);
    const encoder = encoding.createEncoder();
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE.sync) {
      encoding.writeVarUint(encoder, MESSAGE.sync);
      const step = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
      if (step === syncProtocol.messageYjsSyncStep2) this.synced = true;
      if (encoding.length(encoder) > 1) queueMicrotask(() => this.room?.receive(this, encoding.toUint8Array(encoder)));
    } else if (type === MESSAGE.auth) {
      authProtocol.readAuthMessage(decoder, this.doc, (_doc, reason) => this.denied.push(reason));
    }
  }

  close(close: CloseCode): void {
    this.closed = close;
    this.room?.leave(this);
    this.room = null;
  }
}

export interface Harness {
  readonly documents: Documents;
  readonly storage: Storage;
  readonly writer: WriteQueue;
  readonly metrics: SyncMetrics;
}

export function harness(
  overrides: Partial<DocumentsOptions> & { storage?: Storage; bus?: Bus; instanceId?: string } = {},
): Harness {
  const storage = overrides.storage ?? createMemoryStorage();
  const metrics = new SyncMetrics();
  let documents: Documents | null = null;
  const writer = new WriteQueue(storage, {
    onFailure: (_error, ids) => documents?.fail(ids),
    onCommitted: (entries) => documents?.noteCommitted(entries),
    onCallbackError: (error) => {
      throw error;
    },
  });
  documents = new Documents({
    storage,
    writer,
    bus: overrides.bus ?? createMemoryBus(),
    model: sharedModel,
    instanceId: overrides.instanceId ?? 'test',
    now: Date.now,
    metrics,
    log: silentLogger,
    ...overrides,
  });
  return { documents, storage, writer, metrics };
}

export const until = async (check: () => boolean, timeoutMs = 2000): Promise<void> => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('délai dépassé');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
};

/** `storage` as an adapter that can only write asynchronously (Postgres): every update goes through the write queue. */
export function asynchronousOnly(storage: Storage): Storage {
  const { appendNow: _synchronous, ...asynchronous } = storage;
  return asynchronous;
}

/** A bus that loses what `drop` says, as Redis pub/sub does with a slow or reconnecting subscriber. */
export function droppingBus(inner: Bus, drop: (message: BusMessage, from: string) => boolean): Bus & { dropped: number } {
  const wrapper = {
    dropped: 0,
    publish(conventionId: string, message: BusMessage, from: string) {
      if (drop(message, from)) wrapper.dropped++;
      else inner.publish(conventionId, message, from);
    },
    subscribe: inner.subscribe.bind(inner),
    close: () => inner.close(),
  };
  return wrapper;
}
