// One WebSocket connection as a room participant: sends frames (one message per frame), closes with named codes,
// notes whether it sent anything (for keepalive), and closes itself when its token expires.
import type { WebSocket } from 'ws';
import type { Logger } from '../log.ts';
import { CLOSE, type CloseCode } from '../protocol/close-codes.ts';
import type { Access } from '../protocol/session.ts';
import type { Author } from '../storage/port.ts';
import type { SyncMetrics } from '../sync/metrics.ts';
import type { Participant } from '../sync/room.ts';

export interface WsParticipantOptions {
  readonly access: Access;
  readonly author: Author;
  readonly commentRoots: readonly string[];
  /** Epoch seconds after which the connection is closed with 4401. */
  readonly expiresAt: number;
  readonly maxBufferedBytes: number;
  readonly now: () => number;
  readonly metrics: SyncMetrics;
  readonly log: Logger;
}

/** setTimeout takes at most 2^31 − 1 ms; longer waits are re-armed. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** A peer that does not finish the closing handshake is cut after this. */
const CLOSE_GRACE_MS = 5000;

export class WsParticipant implements Participant {
  readonly origin = this;
  readonly held: Uint8Array[] = [];
  readonly heldWaitsOn = new Map<number, number>();
  readonly awarenessClients = new Set<number>();
  readonly access: Access;
  readonly author: Author;
  readonly commentRoots: readonly string[];
  /** Whether a frame went out since the last keepalive check, and whether a pong answered the last ping. */
  sentSinceCheck = false;
  alive = true;
  private expiryTimer: NodeJS.Timeout | null = null;
  private closing = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly options: WsParticipantOptions,
  ) {
    this.access = options.access;
    this.author = options.author;
    this.commentRoots = options.commentRoots;
    this.armExpiry();
  }

  send(frame: Uint8Array): void {
    if (this.closing || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > this.options.maxBufferedBytes) {
      this.close(CLOSE.slowConsumer, `${this.ws.bufferedAmount} octets en attente`);
      return;
    }
    this.ws.send(frame);
    this.sentSinceCheck = true;
  }

  close(close: CloseCode, detail: string): void {
    if (this.closing) return;
    this.closing = true;
    this.dispose();
    this.options.metrics.count(this.options.metrics.closed, close.code);
    if (close.code !== CLOSE.serviceRestart.code) {
      this.options.log.info('connexion fermée par le serveur', { code: close.code, detail, author: this.author });
    }
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) {
      this.ws.close(close.code, close.reason);
      setTimeout(() => this.ws.terminate(), CLOSE_GRACE_MS).unref();
    }
  }

  /** Cuts a peer that stopped answering pings (no closing handshake possible). */
  terminate(): void {
    this.closing = true;
    this.dispose();
    this.options.metrics.count(this.options.metrics.closed, CLOSE.timeout.code);
    this.ws.terminate();
  }

  ping(): void {
    this.alive = false;
    if (this.ws.readyState === this.ws.OPEN) this.ws.ping();
  }

  dispose(): void {
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.expiryTimer = null;
  }

  private armExpiry(): void {
    const wait = this.options.expiresAt * 1000 - this.options.now();
    if (wait <= 0) {
      this.close(CLOSE.tokenExpired, 'jeton expiré');
      return;
    }
    this.expiryTimer = setTimeout(
      () => (wait > MAX_TIMER_MS ? this.armExpiry() : this.close(CLOSE.tokenExpired, 'jeton expiré')),
      Math.min(wait, MAX_TIMER_MS),
    );
    this.expiryTimer.unref();
  }
}
