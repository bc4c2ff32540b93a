// The y-websocket wire messages (see ../PROTOCOL.md): strict decoding of one client frame, encoders for server frames.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

export const MESSAGE = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;
export const SYNC = { step1: 0, step2: 1, update: 2 } as const;
export const AUTH = { permissionDenied: 0 } as const;

export type ClientMessage =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-step2'; update: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' };

export type ProtocolErrorCode = 'empty' | 'truncated' | 'unknown-type' | 'trailing-bytes' | 'bad-state-vector';

/** A frame that is not exactly one well-formed client message. */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
  constructor(
    readonly code: ProtocolErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Decodes one frame into one message; throws ProtocolError for anything else (never a RangeError). */
export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  if (frame.length === 0) throw new ProtocolError('empty', 'trame vide');
  const decoder = decoding.createDecoder(frame);
  const message = readMessage(decoder);
  if (decoding.hasContent(decoder)) {
    throw new ProtocolError('trailing-bytes', `${frame.length - decoder.pos} octets en trop après le message`);
  }
  return message;
}

function readMessage(decoder: decoding.Decoder): ClientMessage {
  const type = readUint(decoder);
  switch (type) {
    case MESSAGE.sync: {
      const step = readUint(decoder);
      const payload = readBytes(decoder);
      if (step === SYNC.step1) {
        checkStateVector(payload);
        return { kind: 'sync-step1', stateVector: payload };
      }
      if (step === SYNC.step2) return { kind: 'sync-step2', update: payload };
      if (step === SYNC.update) return { kind: 'update', update: payload };
      throw new ProtocolError('unknown-type', `type de message sync inconnu : ${step}`);
    }
    case MESSAGE.awareness:
      return { kind: 'awareness', update: readBytes(decoder) };
    case MESSAGE.queryAwareness:
      return { kind: 'query-awareness' };
    default:
      // MESSAGE.auth is server → client only.
      throw new ProtocolError('unknown-type', `type de message inconnu : ${type}`);
  }
}

function readUint(decoder: decoding.Decoder): number {
  if (!decoding.hasContent(decoder)) throw new ProtocolError('truncated', 'message tronqué');
  try {
    return decoding.readVarUint(decoder);
  } catch {
    // lib0 throws plain errors for a varint cut short or above 2^53.
    throw new ProtocolError('truncated', 'entier mal formé');
  }
}

function readBytes(decoder: decoding.Decoder): Uint8Array {
  const length = readUint(decoder);
  const remaining = decoder.arr.length - decoder.pos;
  if (length > remaining) {
    throw new ProtocolError('truncated', `longueur annoncée ${length} octets, ${remaining} disponibles`);
  }
  return decoding.readUint8Array(decoder, length);
}

function checkStateVector(stateVector: Uint8Array): void {
  try {
    const decoder = decoding.createDecoder(stateVector);
    const entries = readUint(decoder);
    for (let i = 0; i < entries; i++) {
      readUint(decoder);
      readUint(decoder);
    }
    if (decoding.hasContent(decoder)) throw new ProtocolError('bad-state-vector', 'vecteur d’état mal formé');
  } catch (error) {
    if (error instanceof ProtocolError) throw new ProtocolError('bad-state-vector', 'vecteur d’état mal formé');
    throw error;
  }
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export const encodeSyncStep1 = (stateVector: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.sync);
    encoding.writeVarUint(e, SYNC.step1);
    encoding.writeVarUint8Array(e, stateVector);
  });

export const encodeSyncStep2 = (update: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.sync);
    encoding.writeVarUint(e, SYNC.step2);
    encoding.writeVarUint8Array(e, update);
  });

export const encodeUpdate = (update: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.sync);
    encoding.writeVarUint(e, SYNC.update);
    encoding.writeVarUint8Array(e, update);
  });

export const encodeAwareness = (awarenessUpdate: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.awareness);
    encoding.writeVarUint8Array(e, awarenessUpdate);
  });

export const encodeQueryAwareness = (): Uint8Array => frame((e) => encoding.writeVarUint(e, MESSAGE.queryAwareness));

export const encodePermissionDenied = (reason: string): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.auth);
    encoding.writeVarUint(e, AUTH.permissionDenied);
    encoding.writeVarString(e, reason);
  });

/**
 * An awareness message listing zero clients: the client applies it as a no-op and sends nothing back, but it
 * counts as traffic for y-websocket's 30-second silence watchdog.
 */
export const KEEPALIVE_FRAME: Uint8Array = encodeAwareness(new Uint8Array([0]));

/** The state vector of a doc, as a sync step 1 frame. */
export const syncStep1For = (doc: Y.Doc): Uint8Array => encodeSyncStep1(Y.encodeStateVector(doc));
