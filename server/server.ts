// Composition root: wires storage, bus, model, tokens, documents, the HTTP app and the sync endpoint. `createCore`
// builds everything but the network (in-process tests); `startServer` listens and returns a handle that stops
// gracefully (stop accepting, store what is pending, close sockets with 1012 so clients reconnect).
import { randomUUID } from 'node:crypto';
import { accessSync, constants, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { join } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import type { Hono } from 'hono';
import { loadSecret } from './auth/secret.ts';
import { type Auth, hs256Auth } from './auth/tokens.ts';
import { createMemoryBus } from './bus/memory.ts';
import { type Converter, libreOfficeConverter } from './export/libreoffice.ts';
import type { Bus } from './bus/port.ts';
import { openRedisBus } from './bus/redis.ts';
import { createApp } from './http/app.ts';
import type { AppEnv } from './http/context.ts';
import { type Logger, silentLogger } from './log.ts';
import { type ConventionModel, sharedModel } from './model/port.ts';
import { CLOSE } from './protocol/close-codes.ts';
import type { Storage } from './storage/port.ts';
import { openPostgresStorage } from './storage/postgres.ts';
import { openSqliteStorage } from './storage/sqlite.ts';
import { Documents } from './sync/documents.ts';
import { SyncMetrics } from './sync/metrics.ts';
import { WriteQueue } from './sync/write-queue.ts';
import { SyncEndpoint, type SyncLimits } from './ws/endpoint.ts';

export interface CoreOptions {
  /** Folder of the SQLite file and the generated secret (default `./data`). */
  readonly dataDir?: string;
  /** Injected storage (tests); otherwise SQLite at `<dataDir>/ctg.sqlite`. */
  readonly storage?: Storage;
  readonly bus?: Bus;
  readonly model?: ConventionModel;
  /** Token secret; otherwise env CTG_SECRET or `<dataDir>/secret`. */
  readonly secret?: Uint8Array;
  readonly log?: Logger;
  readonly now?: () => number;
  readonly idleMs?: number;
  readonly compactAfterRows?: number;
  readonly limits?: Partial<SyncLimits>;
  /** SQLite durability: NORMAL survives a process crash, FULL also a power cut. */
  readonly synchronous?: 'NORMAL' | 'FULL';
  /** Base URL for links (default: the listening address). */
  readonly publicUrl?: string;
  /** Mean period of the state exchange between instances over the bus (default 10 s). */
  readonly resyncMs?: number;
  /** The PDF converter (default: LibreOffice); closed with the core. */
  readonly converter?: Converter;
}

export interface Core {
  readonly app: Hono<AppEnv>;
  readonly documents: Documents;
  readonly endpoint: SyncEndpoint;
  readonly writer: WriteQueue;
  readonly storage: Storage;
  readonly auth: Auth;
  readonly metrics: SyncMetrics;
  /** Set once the server listens (links in invitations use it). */
  setPublicUrl(url: string): void;
  /** Graceful stop of everything but the HTTP listener. */
  shutdown(): Promise<void>;
}

export type StartupErrorCode =
  | 'port_in_use'
  | 'port_forbidden'
  | 'data_not_writable'
  | 'database_unreachable'
  | 'redis_unreachable'
  | 'secret_required';

/** A reason the server cannot start, in a sentence for the person who ran it. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
  constructor(
    readonly code: StartupErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function createCore(options: CoreOptions = {}): Core {
  const dataDir = options.dataDir ?? './data';
  const log = options.log ?? silentLogger;
  const now = options.now ?? Date.now;
  const model = options.model ?? sharedModel;
  const storage = options.storage ?? openSqliteStorage({ path: join(dataDir, 'ctg.sqlite'), synchronous: options.synchronous });
  const secret = options.secret ?? loadSecret(dataDir).secret;
  const auth = hs256Auth(secret, now);
  const bus = options.bus ?? createMemoryBus();
  const metrics = new SyncMetrics();
  let documents: Documents | null = null;
  const writer = new WriteQueue(storage, {
    onCommitted(entries) {
      metrics.storedUpdates += entries.length;
      for (const entry of entries) metrics.storedBytes += entry.update.length;
      documents?.noteCommitted(entries);
    },
    onFailure(error, conventionIds) {
      metrics.storageFailures++;
      log.error('échec d’écriture : conventions rechargées', { error, conventions: [...conventionIds] });
      documents?.fail(conventionIds);
    },
    onCallbackError(error) {
      log.error('erreur après écriture', { error });
    },
  });
  documents = new Documents({
    storage,
    writer,
    bus,
    model,
    instanceId: randomUUID(),
    now,
    metrics,
    log,
    ...(options.idleMs !== undefined ? { idleMs: options.idleMs } : {}),
    ...(options.compactAfterRows !== undefined ? { compactAfterRows: options.compactAfterRows } : {}),
    ...(options.resyncMs !== undefined ? { resyncMs: options.resyncMs } : {}),
  });
  const endpoint = new SyncEndpoint({
    documents,
    auth,
    commentRoots: model.commentRoots,
    metrics,
    log,
    now,
    ...(options.limits ? { limits: options.limits } : {}),
  });
  let publicUrl = options.publicUrl ?? 'http://127.0.0.1:8787';
  const startedAt = now();
  const converter = options.converter ?? libreOfficeConverter();
  const app = createApp({
    converter,
    documents,
    storage,
    writer,
    auth,
    model,
    metrics,
    log,
    now,
    publicUrl: () => publicUrl,
    connections: () => endpoint.connectionCount,
    startedAt,
  });
  const docs = documents;
  return {
    app,
    documents: docs,
    endpoint,
    writer,
    storage,
    auth,
    metrics,
    setPublicUrl(url) {
      if (!options.publicUrl) publicUrl = url;
    },
    async shutdown() {
      endpoint.stopAccepting();
      await docs.shutdown(CLOSE.serviceRestart);
      await endpoint.close();
      // Waits for the conversion under way, then removes LibreOffice's profile folder from /tmp.
      await converter.close?.();
      await bus.close();
      await storage.close();
    },
  };
}

export interface ServerOptions extends CoreOptions {
  readonly port?: number;
  readonly host?: string;
  /** PEM certificate and key: serve HTTPS/WSS (Office add-ins need HTTPS; see `npm run dev-certs`). */
  readonly tls?: { readonly cert: Buffer; readonly key: Buffer };
  /** `postgres://…`: storage in PostgreSQL, shared by several instances (instead of SQLite in `dataDir`). */
  readonly databaseUrl?: string;
  /** `redis://…`: the bus between the instances sharing the database. */
  readonly redisUrl?: string;
  /** Redis channel prefix (default `ctg:<database name>:`, so deployments sharing a Redis stay apart). */
  readonly redisPrefix?: string;
}

export interface RunningServer extends Core {
  readonly url: string;
  readonly port: number;
  readonly http: Server;
  /** Stop accepting, store what is pending, close sockets with 1012, close storage. */
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 8787;
  const dataDir = options.dataDir ?? './data';
  if (!options.storage && !options.databaseUrl) prepareDataDir(dataDir);
  const shared = await openShared(options);
  let core: Core;
  try {
    core = createCore({ ...options, ...shared });
  } catch (error) {
    await shared.bus?.close();
    await shared.storage?.close();
    throw storageOpenError(error, dataDir, options.databaseUrl);
  }
  // reason: the adapter returns a union of server types; with node:http or node:https it is an http.Server.
  const http = (options.tls
    ? createAdaptorServer({ fetch: core.app.fetch, createServer: createHttpsServer, serverOptions: { cert: options.tls.cert, key: options.tls.key } })
    : createAdaptorServer({ fetch: core.app.fetch })) as Server;
  core.endpoint.attach(http);
  try {
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(port, host, () => {
        http.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await core.shutdown();
    throw listenError(error, host, port);
  }
  const address = http.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const scheme = options.tls ? 'https' : 'http';
  const url = `${scheme}://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
  core.setPublicUrl(url);
  let closing: Promise<void> | null = null;
  return {
    ...core,
    url,
    port: actualPort,
    http,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
        await core.shutdown();
        http.closeAllConnections();
        await stopped;
      })();
      return closing;
    },
  };
}

/** Opens Postgres and Redis when asked to: several instances then share storage, bus and secret. */
async function openShared(options: ServerOptions): Promise<{ storage?: Storage; bus?: Bus }> {
  const { databaseUrl, redisUrl, log } = options;
  if (!databaseUrl || options.storage) return {};
  if (!options.secret && !process.env.CTG_SECRET) {
    throw new StartupError(
      'secret_required',
      'Avec PostgreSQL, toutes les instances doivent signer les jetons avec le même secret : définissez CTG_SECRET.',
    );
  }
  let storage: Storage;
  try {
    storage = await openPostgresStorage({ url: databaseUrl, ...(log ? { log } : {}) });
  } catch (error) {
    throw new StartupError('database_unreachable', `PostgreSQL injoignable ou refusé (${redact(databaseUrl)}) : ${causeOf(error)}.`, {
      cause: error,
    });
  }
  if (!redisUrl && !options.bus) {
    log?.warn(
      'PostgreSQL sans Redis : les instances ne se transmettent pas les modifications en direct. Avec plusieurs instances, ajoutez --redis redis://… (ou REDIS_URL).',
    );
  }
  if (!redisUrl || options.bus) return { storage };
  const database = new URL(databaseUrl).pathname.slice(1) || 'postgres';
  try {
    const bus = await openRedisBus({ url: redisUrl, prefix: options.redisPrefix ?? `ctg:${database}:`, ...(log ? { log } : {}) });
    return { storage, bus };
  } catch (error) {
    await storage.close();
    throw new StartupError('redis_unreachable', `Redis injoignable (${redact(redisUrl)}) : ${causeOf(error)}.`, { cause: error });
  }
}

/** A connection URL without its password, for messages and logs. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(adresse illisible)';
  }
}

const causeOf = (error: unknown): string => {
  const inner = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return inner instanceof Error ? inner.message : String(inner);
};

function prepareDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.W_OK);
  } catch (error) {
    throw new StartupError(
      'data_not_writable',
      `Le dossier de données « ${dataDir} » n’est pas accessible en écriture : choisissez-en un autre avec --data.`,
      { cause: error },
    );
  }
}

function storageOpenError(error: unknown, dataDir: string, databaseUrl: string | undefined): unknown {
  if (databaseUrl) {
    return new StartupError('database_unreachable', `PostgreSQL (${redact(databaseUrl)}) : démarrage impossible : ${causeOf(error)}.`, {
      cause: error,
    });
  }
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  if (['SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_PERM', 'EACCES', 'EROFS'].includes(code)) {
    return new StartupError(
      'data_not_writable',
      `Impossible d’écrire dans « ${dataDir} » (${code}) : vérifiez les droits du dossier ou choisissez --data.`,
      { cause: error },
    );
  }
  return error;
}

function listenError(error: unknown, host: string, port: number): unknown {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  if (code === 'EADDRINUSE') {
    return new StartupError(
      'port_in_use',
      `Le port ${port} est déjà utilisé sur ${host} : arrêtez l’autre programme ou choisissez --port.`,
      { cause: error },
    );
  }
  if (code === 'EACCES') {
    return new StartupError('port_forbidden', `Le port ${port} est réservé : choisissez un port au-dessus de 1024.`, {
      cause: error,
    });
  }
  return error;
}
