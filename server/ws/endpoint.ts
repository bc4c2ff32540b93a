// The sync endpoint: `ws://HOST:PORT/sync/<conventionId>?token=…` on the HTTP server's upgrade event. Refuses bad
// tokens, other conventions and full conventions before the handshake (JSON reason in the HTTP body), loads the
// convention before the first frame, then binds the socket to its room with limits, keepalive and pings.
import { STATUS_CODES, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { accessTo, type Auth, type Claims } from '../auth/tokens.ts';
import { CtgError } from '../errors.ts';
import { bearerToken } from '../http/auth.ts';
import { CONVENTION_ID } from '../http/input.ts';
import { toCtgError } from '../http/to-error.ts';
import type { Logger } from '../log.ts';
import { CLOSE } from '../protocol/close-codes.ts';
import { KEEPALIVE_FRAME } from '../protocol/messages.ts';
import type { Access } from '../protocol/session.ts';
import type { Documents } from '../sync/documents.ts';
import type { SyncMetrics } from '../sync/metrics.ts';
import type { Room } from '../sync/room.ts';
import { WsParticipant } from './participant.ts';
import { type RateLimit, TokenBucket } from './rate-limit.ts';

export interface SyncLimits {
  /** Largest frame accepted (default 16 MiB); larger ones close the connection with 1009. */
  readonly maxFrameBytes: number;
  readonly maxConnectionsPerConvention: number;
  readonly rate: RateLimit;
  /** Checked every this often: a connection sent nothing since the last check gets a keepalive frame (default
   * 10 s, so a client never waits more than 20 s; y-websocket gives up after 30 s). */
  readonly keepaliveMs: number;
  /** WebSocket ping period; a peer silent for two periods is cut (default 30 s). */
  readonly pingMs: number;
  readonly maxBufferedBytes: number;
}

export const DEFAULT_LIMITS: SyncLimits = {
  maxFrameBytes: 16 * 1024 * 1024,
  maxConnectionsPerConvention: 200,
  rate: { perSecond: 300, burst: 3000 },
  keepaliveMs: 10_000,
  pingMs: 30_000,
  maxBufferedBytes: 64 * 1024 * 1024,
};

export interface SyncEndpointDeps {
  readonly documents: Documents;
  readonly auth: Auth;
  readonly commentRoots: readonly string[];
  readonly metrics: SyncMetrics;
  readonly log: Logger;
  readonly now: () => number;
  readonly limits?: Partial<SyncLimits>;
}

const SYNC_PATH = /^\/sync\/([^/]+)\/?$/;

export class SyncEndpoint {
  readonly limits: SyncLimits;
  private readonly wss: WebSocketServer;
  private readonly participants = new Set<WsParticipant>();
  /** Connections per convention, counting upgrades in progress. */
  private readonly slots = new Map<string, number>();
  private readonly timers: NodeJS.Timeout[] = [];
  private accepting = true;

  constructor(private readonly deps: SyncEndpointDeps) {
    this.limits = { ...DEFAULT_LIMITS, ...deps.limits };
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: this.limits.maxFrameBytes,
      perMessageDeflate: false,
      clientTracking: false,
    });
    const keepalive = setInterval(() => this.keepalive(), this.limits.keepaliveMs);
    const ping = setInterval(() => this.ping(), this.limits.pingMs);
    keepalive.unref();
    ping.unref();
    this.timers.push(keepalive, ping);
  }

  get connectionCount(): number {
    return this.participants.size;
  }

  attach(server: Server): void {
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      void this.upgrade(request, socket, head);
    });
  }

  /** New upgrades are refused with 503 from now on. */
  stopAccepting(): void {
    this.accepting = false;
  }

  /**
   * Stops the timers, waits up to `graceMs` for the sockets Documents.shutdown closed to finish their closing
   * handshake (so clients get the 1012 frame), then cuts whatever is left.
   */
  async close(graceMs = 1000): Promise<void> {
    this.accepting = false;
    for (const timer of this.timers) clearInterval(timer);
    const deadline = Date.now() + graceMs;
    while (this.participants.size > 0 && Date.now() < deadline) await new Promise((done) => setTimeout(done, 10));
    for (const participant of this.participants) participant.terminate();
    this.participants.clear();
    this.wss.close();
  }

  private async upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on('error', (error) => this.deps.log.warn('erreur de socket pendant la mise à niveau', { error }));
    let conventionId: string | null = null;
    let room: Room | null = null;
    try {
      if (!this.accepting) throw new CtgError('shutting_down');
      const url = new URL(request.url ?? '/', 'http://localhost');
      const match = SYNC_PATH.exec(url.pathname);
      if (!match) throw new CtgError('not_found', 'Adresse inconnue : utilisez /sync/<convention>?token=….');
      const id = decodeURIComponent(match[1]!);
      if (!CONVENTION_ID.test(id)) throw new CtgError('bad_request', 'Identifiant de convention invalide.');
      const token = url.searchParams.get('token') ?? bearerToken(request.headers.authorization);
      if (!token) throw new CtgError('token_missing');
      const claims = await this.deps.auth.verify(token);
      const access = accessTo(claims, id);
      const used = this.slots.get(id) ?? 0;
      if (used >= this.limits.maxConnectionsPerConvention) throw new CtgError('too_many_connections');
      this.slots.set(id, used + 1);
      conventionId = id;
      const author = authorOf(claims);
      room = await this.deps.documents.acquire(id, access === 'edit' ? author : undefined);
      if (socket.destroyed || !this.accepting) throw new CtgError('shutting_down');
      const acquired = room;
      let accepted = false;
      // `ws` answers a malformed handshake itself (400) and never calls back: give the hold and the slot back then.
      socket.once('close', () => {
        if (accepted) return;
        this.deps.documents.release(acquired);
        this.freeSlot(id);
      });
      this.wss.handleUpgrade(request, socket, head, (ws) => {
        accepted = true;
        this.accept(ws, acquired, claims, access);
      });
    } catch (error) {
      if (room) this.deps.documents.release(room);
      if (conventionId) this.freeSlot(conventionId);
      const refusal = toCtgError(error);
      if (refusal.status >= 500 && refusal.code !== 'shutting_down' && refusal.code !== 'too_many_connections') {
        this.deps.log.error('mise à niveau refusée', { error });
      }
      this.deps.metrics.count(this.deps.metrics.refused, refusal.code);
      refuse(socket, refusal);
    }
  }

  private accept(ws: WebSocket, room: Room, claims: Claims, access: Access): void {
    const { now, metrics, log, commentRoots, documents } = this.deps;
    const participant = new WsParticipant(ws, {
      access,
      author: authorOf(claims),
      commentRoots,
      expiresAt: claims.expiresAt,
      maxBufferedBytes: this.limits.maxBufferedBytes,
      now,
      metrics,
      log,
    });
    const bucket = new TokenBucket(this.limits.rate, now());
    this.participants.add(participant);
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (!isBinary) return participant.close(CLOSE.unsupportedData, 'trame texte');
      if (!bucket.take(now())) return participant.close(CLOSE.rateLimited, 'débit dépassé');
      room.receive(participant, toBytes(data));
    });
    ws.on('pong', () => {
      participant.alive = true;
    });
    ws.on('error', (error) => {
      // `ws` closes the socket itself (1009 for a frame above maxPayload, 1002 for protocol errors).
      log.info('erreur de connexion', { error, author: participant.author });
    });
    ws.once('close', () => {
      participant.dispose();
      this.participants.delete(participant);
      room.leave(participant);
      documents.release(room);
      this.freeSlot(room.id);
    });
    room.join(participant);
  }

  private freeSlot(id: string): void {
    const used = (this.slots.get(id) ?? 1) - 1;
    if (used <= 0) this.slots.delete(id);
    else this.slots.set(id, used);
  }

  private keepalive(): void {
    for (const participant of this.participants) {
      if (!participant.sentSinceCheck) participant.send(KEEPALIVE_FRAME);
      participant.sentSinceCheck = false;
    }
  }

  private ping(): void {
    for (const participant of this.participants) {
      if (!participant.alive) participant.terminate();
      else participant.ping();
    }
  }
}

function authorOf(claims: Claims) {
  return { name: claims.name, party: claims.kind === 'admin' ? 'admin' : claims.party };
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}

/** Answers the upgrade request with a plain HTTP error and a JSON body saying why, then closes. */
function refuse(socket: Duplex, error: CtgError): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify(error.toBody());
  const headers = [
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? ''}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    ...(error.status === 503 ? ['Retry-After: 2'] : []),
  ];
  socket.end(`${headers.join('\r\n')}\r\n\r\n${body}`);
}
