// One connection's side of the y-websocket protocol, pure: a frame in, the access rules applied to the room's doc
// and awareness, the frames to send (or the close to perform) out. No sockets, no clocks, no globals.
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CLOSE, type CloseCode } from './close-codes.ts';
import {
  type ClientMessage,
  decodeClientMessage,
  encodeAwareness,
  encodePermissionDenied,
  encodeSyncStep1,
  ProtocolError,
} from './messages.ts';
import { REVIEW_ROOT } from '../../shared/index.ts';
import type { LockCache } from './lock-cache.ts';
import { commentWriteRefusal } from './comment-writes.ts';
import { reviewWriteRefusal } from './review-writes.ts';
import { reachesNothing, updateReach } from './update-reach.ts';
import { cannotMoveLocks, targetsOf } from './update-targets.ts';

export const ACCESS_LEVELS = ['edit', 'comment', 'view'] as const;
export type Access = (typeof ACCESS_LEVELS)[number];

/** What a session needs from an open convention. */
export interface SyncRoom {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  /**
   * The sync step 2 frame answering `stateVector`: `encodeSyncStep2(Y.encodeStateAsUpdate(doc, stateVector))`,
   * possibly cached (a join storm's joiners, all with an empty document, can be sent the same bytes).
   */
  syncStep2(stateVector: Uint8Array): Uint8Array;
  /** The convention's lock policy, cached (one per room). */
  readonly locks: LockCache;
  /**
   * Takes an editor's update that needs no check (nothing locked, no review log or discussion to guard): stores it and
   * sends it to the others before its own copy applies it. False when it cannot (the session then applies it like any
   * other); an update it cannot read is never taken.
   */
  relay(peer: SessionPeer, update: Uint8Array): boolean;
}

export interface SessionPeer {
  readonly access: Access;
  /** The transaction origin of this peer's updates and awareness changes. */
  readonly origin: object;
  /** Who the token names: the person and party a review event it writes must carry. */
  readonly author: { readonly name: string; readonly party: string };
  /** Root types a `comment` peer may change. */
  readonly commentRoots: readonly string[];
  /**
   * A checked peer's updates that build on content the server has not received yet (typed while its own step 2
   * is in flight, or on another peer's content the server holds back): kept, like Yjs keeps pending structs, and
   * checked again once the document changed (`retryHeld`).
   */
  readonly held: Uint8Array[];
  /**
   * The clients the held updates refer to, with the document's clock for each when they were held: they can become
   * traceable only once one of these clocks moves.
   */
  readonly heldWaitsOn: Map<number, number>;
}

/** Above this many held bytes, a peer's untraceable updates are refused instead of kept. */
export const MAX_HELD_BYTES = 1 << 20;

/**
 * `send` frames marked `durable` carry document state: the caller must hold them back until every update applied so
 * far is stored (a client never sees state that a crash could lose).
 */
export type Effect =
  | { readonly kind: 'send'; readonly frame: Uint8Array; readonly durable: boolean }
  | { readonly kind: 'close'; readonly close: CloseCode; readonly detail: string };

export const DENIED_REASON: Record<Exclude<Access, 'edit'>, string> = {
  view: 'Accès en lecture seule : vos modifications ne sont pas enregistrées.',
  comment: 'Accès commentaire : seules les discussions peuvent être modifiées ; le reste de vos modifications est refusé.',
};

/** Refusal of an editor's held updates past MAX_HELD_BYTES. */
export const HELD_REASON =
  'Modifications refusées : elles s’appuient sur un contenu que le serveur n’a pas reçu. Rechargez la convention puis recommencez.';

/** What the server says first: its state vector (so the client sends what it has) and who is present. */
export function openingEffects(room: SyncRoom): Effect[] {
  const effects: Effect[] = [{ kind: 'send', frame: encodeSyncStep1(Y.encodeStateVector(room.doc)), durable: false }];
  const states = room.awareness.getStates();
  if (states.size > 0) {
    const update = awarenessProtocol.encodeAwarenessUpdate(room.awareness, [...states.keys()]);
    effects.push({ kind: 'send', frame: encodeAwareness(update), durable: false });
  }
  return effects;
}

export function handleFrame(room: SyncRoom, peer: SessionPeer, frame: Uint8Array): Effect[] {
  let message: ClientMessage;
  try {
    message = decodeClientMessage(frame);
  } catch (error) {
    if (error instanceof ProtocolError) return [{ kind: 'close', close: CLOSE.badMessage, detail: error.message }];
    throw error;
  }
  return handleMessage(room, peer, message);
}

export function handleMessage(room: SyncRoom, peer: SessionPeer, message: ClientMessage): Effect[] {
  switch (message.kind) {
    case 'sync-step1':
      return [{ kind: 'send', frame: room.syncStep2(message.stateVector), durable: true }];
    case 'sync-step2':
      return receiveUpdate(room, peer, message.update);
    case 'update':
      return receiveUpdate(room, peer, message.update, true);
    case 'awareness':
      try {
        awarenessProtocol.applyAwarenessUpdate(room.awareness, message.update, peer.origin);
      } catch {
        return [{ kind: 'close', close: CLOSE.badMessage, detail: 'présence illisible' }];
      }
      return [];
    case 'query-awareness': {
      const clients = [...room.awareness.getStates().keys()];
      return [
        {
          kind: 'send',
          frame: encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(room.awareness, clients)),
          durable: false,
        },
      ];
    }
    default:
      return unreachable(message);
  }
}

/** `incremental`: an `update` message (one change as it was made), not the answer to a state vector. */
function receiveUpdate(room: SyncRoom, peer: SessionPeer, update: Uint8Array, incremental = false): Effect[] {
  switch (peer.access) {
    case 'edit':
      if (!room.locks.skipsChecks(update)) return checkedUpdate(room, peer, update);
      // The common case: nothing locked, no review log to guard. A change as it was made is relayed; the rest (a step 2
      // may repeat much of what the others have) is applied untraced, and the others get what it added.
      if (incremental && peer.held.length === 0 && room.relay(peer, update)) return [];
      return accept(room, peer, update, false);
    case 'view':
      return viewUpdate(room, update);
    case 'comment':
      return checkedUpdate(room, peer, update);
    default:
      return unreachable(peer.access);
  }
}

const denied = (reason: string): Effect => ({ kind: 'send', frame: encodePermissionDenied(reason), durable: false });
const unreadable: Effect = { kind: 'close', close: CLOSE.badMessage, detail: 'mise à jour illisible' };

/** Applies an update judged acceptable, then what the peer had held back, which may now be traceable. */
function accept(room: SyncRoom, peer: SessionPeer, update: Uint8Array, textOnly: boolean): Effect[] {
  const mark = room.locks.mark();
  try {
    Y.applyUpdate(room.doc, update, peer.origin);
  } catch {
    return [unreadable];
  }
  if (textOnly) room.locks.carry(mark);
  return retryHeld(room, peer);
}

/**
 * Checks a peer's held updates again: call it once the document changed, whoever changed it — what they lacked may
 * have arrived since, from this peer or from another. Cheap when nothing they wait on moved.
 */
export function retryHeld(room: SyncRoom, peer: SessionPeer): Effect[] {
  if (peer.held.length === 0) return [];
  const { store } = room.doc;
  let moved = false;
  for (const [client, clock] of peer.heldWaitsOn) moved ||= Y.getState(store, client) !== clock;
  if (!moved) return [];
  peer.heldWaitsOn.clear();
  return checkedUpdate(room, peer, Y.mergeUpdates(peer.held.splice(0)));
}

/** Notes the clients a held update refers to (its own structs, their neighbours and parents, what it deletes). */
function noteWaits(doc: Y.Doc, peer: SessionPeer, update: Uint8Array): void {
  const { structs, ds } = Y.decodeUpdate(update);
  const note = (id: Y.ID | null | undefined) => {
    if (id && !peer.heldWaitsOn.has(id.client)) peer.heldWaitsOn.set(id.client, Y.getState(doc.store, id.client));
  };
  for (const struct of structs) {
    note(struct.id);
    if (struct instanceof Y.Item) {
      note(struct.origin);
      note(struct.rightOrigin);
      if (struct.parent instanceof Y.ID) note(struct.parent);
    }
  }
  for (const client of ds.clients.keys()) note(Y.createID(client, 0));
}

function viewUpdate(room: SyncRoom, update: Uint8Array): Effect[] {
  try {
    return reachesNothing(updateReach(room.doc, update)) ? [] : [denied(DENIED_REASON.view)];
  } catch {
    return [unreadable];
  }
}

/** A `comment` peer's update, or an `edit` peer's while something is locked or the review log is written. */
function checkedUpdate(room: SyncRoom, peer: SessionPeer, update: Uint8Array): Effect[] {
  let verdict: Verdict;
  try {
    verdict = judge(room, peer, update);
  } catch {
    return [unreadable];
  }
  switch (verdict.kind) {
    case 'nothing':
      return [];
    case 'denied':
      return [denied(verdict.reason)];
    case 'held':
      peer.held.push(update);
      if (peer.held.reduce((sum, u) => sum + u.length, 0) <= MAX_HELD_BYTES) {
        noteWaits(room.doc, peer, update);
        return [];
      }
      peer.held.length = 0;
      peer.heldWaitsOn.clear();
      return [denied(peer.access === 'comment' ? DENIED_REASON.comment : HELD_REASON)];
    case 'allowed':
      return accept(room, peer, update, verdict.textOnly);
    default:
      return unreachable(verdict);
  }
}

type Verdict =
  | { readonly kind: 'nothing' | 'held' }
  | { readonly kind: 'denied'; readonly reason: string }
  | { readonly kind: 'allowed'; readonly textOnly: boolean };

/** Access roots, then the review log's and the discussions' rules, then the locks; accepted or refused whole. */
function judge(room: SyncRoom, peer: SessionPeer, update: Uint8Array): Verdict {
  const reach = updateReach(room.doc, update);
  if (reachesNothing(reach)) return { kind: 'nothing' };
  if (peer.access === 'comment' && [...reach.roots].some((root) => !peer.commentRoots.includes(root))) {
    return { kind: 'denied', reason: DENIED_REASON.comment };
  }
  const refusal = reviewWriteRefusal(room.doc, reach.touches, peer) ?? commentWriteRefusal(room.doc, reach.touches, peer);
  if (refusal) return { kind: 'denied', reason: refusal };
  const targets = targetsOf(reach.touches);
  const policy = room.locks.current();
  if (policy) {
    for (const target of targets) {
      const lock = policy.lockOf(target);
      if (lock) return { kind: 'denied', reason: lock.message.fr };
    }
  }
  if (reach.untraceable) return { kind: 'held' };
  return { kind: 'allowed', textOnly: !reach.roots.has(REVIEW_ROOT) && cannotMoveLocks(targets) };
}

function unreachable(value: never): never {
  throw new Error(`cas non prévu : ${JSON.stringify(value)}`);
}
