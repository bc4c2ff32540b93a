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
  encodeSyncStep2,
  ProtocolError,
} from './messages.ts';
import { reachesNothing, updateReach } from './update-reach.ts';

export const ACCESS_LEVELS = ['edit', 'comment', 'view'] as const;
export type Access = (typeof ACCESS_LEVELS)[number];

/** What a session needs from an open convention. */
export interface SyncRoom {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  /** `Y.encodeStateAsUpdate(doc, stateVector)`, possibly cached. */
  encodeDiff(stateVector: Uint8Array): Uint8Array;
}

export interface SessionPeer {
  readonly access: Access;
  /** The transaction origin of this peer's updates and awareness changes. */
  readonly origin: object;
  /** Root types a `comment` peer may change. */
  readonly commentRoots: readonly string[];
  /**
   * A `comment` peer's updates that build on content the server has not received yet (typed while its own step 2
   * is in flight): kept, like Yjs keeps pending structs, and checked again after its next accepted update.
   */
  readonly held: Uint8Array[];
}

/** Above this many held bytes, a comment peer's untraceable updates are refused instead of kept. */
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
      return [{ kind: 'send', frame: encodeSyncStep2(room.encodeDiff(message.stateVector)), durable: true }];
    case 'sync-step2':
    case 'update':
      return receiveUpdate(room, peer, message.update);
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

function receiveUpdate(room: SyncRoom, peer: SessionPeer, update: Uint8Array): Effect[] {
  switch (peer.access) {
    case 'edit':
      return apply(room, peer, update);
    case 'view':
      return viewUpdate(room, update);
    case 'comment':
      return commentUpdate(room, peer, update);
    default:
      return unreachable(peer.access);
  }
}

const denied = (access: Exclude<Access, 'edit'>): Effect => ({
  kind: 'send',
  frame: encodePermissionDenied(DENIED_REASON[access]),
  durable: false,
});
const unreadable: Effect = { kind: 'close', close: CLOSE.badMessage, detail: 'mise à jour illisible' };

function apply(room: SyncRoom, peer: SessionPeer, update: Uint8Array): Effect[] {
  try {
    Y.applyUpdate(room.doc, update, peer.origin);
  } catch {
    return [unreadable];
  }
  return [];
}

function viewUpdate(room: SyncRoom, update: Uint8Array): Effect[] {
  try {
    return reachesNothing(updateReach(room.doc, update)) ? [] : [denied('view')];
  } catch {
    return [unreadable];
  }
}

function commentUpdate(room: SyncRoom, peer: SessionPeer, update: Uint8Array): Effect[] {
  let verdict: Verdict;
  try {
    verdict = judgeComment(room, peer, update);
  } catch {
    return [unreadable];
  }
  if (verdict === 'denied') return [denied('comment')];
  if (verdict === 'nothing') return [];
  if (verdict === 'held') {
    peer.held.push(update);
    if (peer.held.reduce((sum, u) => sum + u.length, 0) <= MAX_HELD_BYTES) return [];
    peer.held.length = 0;
    return [denied('comment')];
  }
  const effects = apply(room, peer, update);
  if (effects.length > 0 || peer.held.length === 0) return effects;
  // What was held may now be traceable.
  const merged = Y.mergeUpdates(peer.held.splice(0));
  return commentUpdate(room, peer, merged);
}

type Verdict = 'nothing' | 'denied' | 'held' | 'allowed';

function judgeComment(room: SyncRoom, peer: SessionPeer, update: Uint8Array): Verdict {
  const reach = updateReach(room.doc, update);
  if (reachesNothing(reach)) return 'nothing';
  if ([...reach.roots].some((root) => !peer.commentRoots.includes(root))) return 'denied';
  return reach.untraceable ? 'held' : 'allowed';
}

function unreachable(value: never): never {
  throw new Error(`cas non prévu : ${JSON.stringify(value)}`);
}
