// What the HTTP routes share: their dependencies and the Hono environment (the verified token's claims).
import type { Auth, Claims } from '../auth/tokens.ts';
import type { Converter } from '../export/libreoffice.ts';
import type { Logger } from '../log.ts';
import type { ConventionModel } from '../model/port.ts';
import type { Storage } from '../storage/port.ts';
import type { Documents } from '../sync/documents.ts';
import type { SyncMetrics } from '../sync/metrics.ts';
import type { WriteQueue } from '../sync/write-queue.ts';

export interface AppDeps {
  readonly documents: Documents;
  readonly storage: Storage;
  readonly writer: WriteQueue;
  readonly auth: Auth;
  readonly model: ConventionModel;
  readonly metrics: SyncMetrics;
  readonly log: Logger;
  readonly now: () => number;
  /** Base URL people and add-ins reach this server at, e.g. `http://127.0.0.1:8787`. */
  readonly publicUrl: () => string;
  /** Open WebSocket connections (from the sync endpoint). */
  readonly connections: () => number;
  readonly startedAt: number;
  /** The PDF converter of the exports (its owner closes it); default: one of the export routes' own. */
  readonly converter?: Converter;
  /** Largest accepted HTTP body (default 32 MiB: convention imports). */
  readonly maxBodyBytes?: number;
}

export type AppEnv = { Variables: { claims: Claims } };

/** `ws://…/sync` for an `http://…` base, `wss://` for `https://`. */
export const syncBase = (publicUrl: string) => `${publicUrl.replace(/^http/, 'ws')}/sync`;
