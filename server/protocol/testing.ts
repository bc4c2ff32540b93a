// Test rig for the pure sessions: the sample convention in negotiation as the server's room, and clients of any
// party and access that make a change on their own copy and send what it emitted, as the stock client does.
import * as decoding from 'lib0/decoding';
import { expect } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { COMMENT_ROOTS, ConventionDoc, readSnapshot } from '../../shared/index.ts';
import { negotiatingSample } from '../../shared/review/testing.ts';
import { LockCache } from './lock-cache.ts';
import { encodeSyncStep2, encodeUpdate, MESSAGE } from './messages.ts';
import { type Access, type Effect, handleFrame, type SessionPeer, type SyncRoom } from './session.ts';

export function setup() {
  const server = negotiatingSample();
  const doc = server.ydoc;
  const room: SyncRoom = {
    doc,
    awareness: new awarenessProtocol.Awareness(doc),
    syncStep2: (sv) => encodeSyncStep2(Y.encodeStateAsUpdate(doc, sv)),
    locks: new LockCache(doc),
    relay: () => false,
  };
  /** A connected client of `party` with `access`, up to date with the server. */
  const connect = (party: string, access: Access = 'edit') => {
    const peer: SessionPeer = { access, origin: {}, author: { name: `Agent ${party}`, party }, commentRoots: COMMENT_ROOTS, held: [], heldWaitsOn: new Map() };
    const model = new ConventionDoc(new Y.Doc());
    Y.applyUpdate(model.ydoc, Y.encodeStateAsUpdate(doc));
    /**
     * Makes a change on the client and sends what it emitted, as the stock client does (a refused change stays on the
     * client); returns the refusal, or null when the server took it.
     */
    const send = (change: (model: ConventionDoc) => void): string | null => {
      Y.applyUpdate(model.ydoc, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(model.ydoc)), 'server');
      const emitted: Uint8Array[] = [];
      const collect = (update: Uint8Array) => emitted.push(update);
      model.ydoc.on('update', collect);
      change(model);
      model.ydoc.off('update', collect);
      return refusalOf(handleFrame(room, peer, encodeUpdate(Y.mergeUpdates(emitted))));
    };
    return { peer, model, send };
  };
  const snapshot = () => readSnapshot(doc);
  return { server, doc, room, connect, snapshot };
}

export function refusalOf(effects: Effect[]): string | null {
  expect(effects.every((e) => e.kind === 'send')).toBe(true);
  const frame = effects.find((e) => e.kind === 'send')?.frame;
  if (!frame) return null;
  const decoder = decoding.createDecoder(frame);
  expect(decoding.readVarUint(decoder)).toBe(MESSAGE.auth);
  decoding.readVarUint(decoder);
  return decoding.readVarString(decoder);
}

