// The bytes of one bus message on a Redis channel (`<prefix><conventionId>`): pure encoder and strict decoder.
//
//   varUint kind         1 update, 2 awareness, 3 state
//   varString from       the publishing instance's id
//   update, awareness:   varBytes payload (a Yjs update v1 / an awareness update)
//   state:               varUint reply (0 or 1), varBytes stateVector, varBytes deleteDigest
//
// Anything else (unknown kind, truncated field, trailing bytes) is malformed: `decodeBusFrame` returns null.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { BusMessage } from './port.ts';

export const FRAME_KIND = { update: 1, awareness: 2, state: 3 } as const;

export function encodeBusFrame(message: BusMessage, from: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, FRAME_KIND[message.kind]);
  encoding.writeVarString(encoder, from);
  switch (message.kind) {
    case 'update':
    case 'awareness':
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case 'state':
      encoding.writeVarUint(encoder, message.reply ? 1 : 0);
      encoding.writeVarUint8Array(encoder, message.stateVector);
      encoding.writeVarUint8Array(encoder, message.deleteDigest);
      break;
    default: {
      const unknown: never = message;
      throw new Error(`message de bus inconnu : ${JSON.stringify(unknown)}`);
    }
  }
  return encoding.toUint8Array(encoder);
}

export function decodeBusFrame(frame: Uint8Array): { message: BusMessage; from: string } | null {
  try {
    const decoder = decoding.createDecoder(frame);
    const kind = decoding.readVarUint(decoder);
    const from = decoding.readVarString(decoder);
    let message: BusMessage;
    if (kind === FRAME_KIND.update || kind === FRAME_KIND.awareness) {
      message = { kind: kind === FRAME_KIND.update ? 'update' : 'awareness', update: decoding.readVarUint8Array(decoder) };
    } else if (kind === FRAME_KIND.state) {
      const reply = decoding.readVarUint(decoder);
      if (reply > 1) return null;
      const stateVector = decoding.readVarUint8Array(decoder);
      message = { kind: 'state', reply: reply === 1, stateVector, deleteDigest: decoding.readVarUint8Array(decoder) };
    } else {
      return null;
    }
    return decoding.hasContent(decoder) ? null : { message, from };
  } catch {
    // lib0 throws on a truncated field: malformed, as documented above.
    return null;
  }
}
