// Named WebSocket close codes the sync server uses, and whether the stock y-websocket client reconnects after each.
//
// y-websocket 3.x stops reconnecting after a close code in 4400–4499 (a deliberate refusal that retrying cannot
// fix) and reconnects, with exponential backoff, after every other code.

export interface CloseCode {
  readonly code: number;
  /** Short reason sent in the close frame (at most 123 bytes of UTF-8). */
  readonly reason: string;
}

export const CLOSE = {
  /** SIGTERM or planned restart: the client reconnects to the next instance. */
  serviceRestart: { code: 1012, reason: 'Redémarrage du serveur' },
  /** A text frame: this protocol is binary only. */
  unsupportedData: { code: 1003, reason: 'Trame texte refusée' },
  /** A frame above the size limit (also sent by `ws` itself when `maxPayload` is exceeded). */
  messageTooBig: { code: 1009, reason: 'Trame trop grande' },
  /** The client reads too slowly: too many bytes wait in its send buffer. Transient. */
  slowConsumer: { code: 1013, reason: 'Client trop lent' },
  /** A frame that does not decode as one y-websocket message, or an update Yjs cannot read. */
  badMessage: { code: 4400, reason: 'Message illisible' },
  /** The token expired while connected: the client needs a new one. */
  tokenExpired: { code: 4401, reason: 'Jeton expiré' },
  /** The client missed its pongs: the connection is dead. */
  timeout: { code: 4408, reason: 'Connexion inactive' },
  /** Too many messages per second; transient, the client backs off and reconnects. */
  rateLimited: { code: 4529, reason: 'Trop de messages' },
  /** The convention is being unloaded or failed; transient. */
  unavailable: { code: 4503, reason: 'Convention indisponible' },
} as const satisfies Record<string, CloseCode>;

export type CloseName = keyof typeof CLOSE;

/** True when the stock y-websocket client will try again after this close code. */
export function clientReconnectsAfter(code: number): boolean {
  return !(code >= 4400 && code < 4500);
}
