import * as encoding from 'lib0/encoding';
import * as prng from 'lib0/prng';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  decodeClientMessage,
  encodeAwareness,
  encodePermissionDenied,
  encodeQueryAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  KEEPALIVE_FRAME,
  ProtocolError,
} from './messages.ts';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('decodeClientMessage', () => {
  it('reads each client message the stock client sends', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'bonjour');
    const sv = Y.encodeStateVector(doc);
    const update = Y.encodeStateAsUpdate(doc);
    expect(decodeClientMessage(encodeSyncStep1(sv))).toEqual({ kind: 'sync-step1', stateVector: sv });
    expect(decodeClientMessage(encodeSyncStep2(update))).toEqual({ kind: 'sync-step2', update });
    expect(decodeClientMessage(encodeUpdate(update))).toEqual({ kind: 'update', update });
    expect(decodeClientMessage(encodeAwareness(bytes(0)))).toEqual({ kind: 'awareness', update: bytes(0) });
    expect(decodeClientMessage(encodeQueryAwareness())).toEqual({ kind: 'query-awareness' });
  });

  it('matches the byte layout documented in PROTOCOL.md', () => {
    expect([...encodeSyncStep1(Y.encodeStateVector(new Y.Doc()))]).toEqual([0, 0, 1, 0]);
    expect([...KEEPALIVE_FRAME]).toEqual([1, 1, 0]);
    expect([...encodePermissionDenied('non')]).toEqual([2, 0, 3, 0x6e, 0x6f, 0x6e]);
  });

  const malformed: Array<[string, Uint8Array, string]> = [
    ['empty frame', bytes(), 'empty'],
    ['unknown type', bytes(9), 'unknown-type'],
    ['auth from a client', bytes(2, 0, 0), 'unknown-type'],
    ['unknown sync step', bytes(0, 7, 0), 'unknown-type'],
    ['sync without step', bytes(0), 'truncated'],
    ['absurd length', bytes(0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2), 'truncated'],
    ['varint cut short', bytes(0, 2, 0x80), 'truncated'],
    ['varint above 2^53', bytes(1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f), 'truncated'],
    ['trailing bytes', bytes(3, 0), 'trailing-bytes'],
    ['two messages in one frame', bytes(...encodeQueryAwareness(), ...encodeQueryAwareness()), 'trailing-bytes'],
    ['bad state vector', bytes(0, 0, 2, 5, 1), 'bad-state-vector'],
  ];
  it.each(malformed)('refuses %s with a ProtocolError', (_name, frame, code) => {
    let caught: unknown;
    try {
      decodeClientMessage(frame);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ProtocolError);
    expect((caught as ProtocolError).code).toBe(code);
  });

  it('never throws anything but a ProtocolError on random bytes', () => {
    const gen = prng.create(42);
    for (let i = 0; i < 5000; i++) {
      const frame = prng.uint8Array(gen, prng.uint32(gen, 0, 40));
      try {
        decodeClientMessage(frame);
      } catch (error) {
        expect(error).toBeInstanceOf(ProtocolError);
      }
    }
  });

  it('reads a message whose payload length takes several bytes', () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint8Array(encoder, new Uint8Array(300));
    const message = decodeClientMessage(encoding.toUint8Array(encoder));
    expect(message.kind).toBe('awareness');
  });
});
