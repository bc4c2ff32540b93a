// The versions API as the pane uses it (/api/conventions/:id/versions): name a version, list them, read one, and
// compare two (or one with `current`). Types only the slice of the answers the pane reads; every failure is a
// VersionsFailure carrying the server's sentence, or says the server could not be reached.
import type { ConventionSnapshot } from '../../shared/index.ts';
import type { Endpoint } from './session-port.ts';

/** The live document, as the second side of a comparison. */
export const CURRENT = 'current';

export interface VersionInfo {
  id: string;
  name: string;
  author: { name: string; party: string };
  /** ISO timestamp. */
  at: string;
}

export interface Hunk {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export type Bilingual = { fr: string; en: string };

/** One changed entity, summed up by the server: its name, the change in a sentence, and the text hunks. */
export interface EntitySummary {
  entity: { kind: string; id: string };
  title: Bilingual;
  fr: string;
  en: string;
  texts: Array<{ field: string; label: string | Bilingual; hunks: Hunk[] }>;
}

export interface EntityChange {
  type: 'added' | 'removed' | 'changed' | 'moved';
  kind: string;
  id: string;
  field?: string;
  /** The change in one French sentence. */
  text: string;
}

export interface VersionDiff {
  from: { id: string; name: string };
  to: { id: string; name: string };
  changes: EntityChange[];
  counts: { added: number; removed: number; changed: number; moved: number };
  /** Per entity (newer servers); absent, the pane lists `changes[].text`. */
  summary?: EntitySummary[];
}

export interface OpenedVersion {
  version: VersionInfo;
  snapshot: ConventionSnapshot;
}

export interface VersionsClient {
  list(): Promise<VersionInfo[]>;
  save(name: string): Promise<VersionInfo>;
  open(versionId: string): Promise<OpenedVersion>;
  compare(from: string, to: string): Promise<VersionDiff>;
}

export class VersionsFailure extends Error {
  constructor(
    /** `unreachable`: no answer at all; `server`: the server said no (its French sentence is the message). */
    readonly kind: 'unreachable' | 'server',
    message: string,
  ) {
    super(message);
  }
}

export function httpVersionsClient(endpoint: Endpoint, fetchFn: typeof fetch = (...args) => fetch(...args)): VersionsClient {
  const base = `${endpoint.server.replace(/\/$/, '')}/api/conventions/${encodeURIComponent(endpoint.conventionId)}/versions`;
  const call = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    let response: Response;
    try {
      response = await fetchFn(base + path, {
        method,
        headers: { Authorization: `Bearer ${endpoint.token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new VersionsFailure('unreachable', error instanceof Error ? error.message : String(error));
    }
    const json = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    if (!response.ok || json === null) throw new VersionsFailure('server', json?.error?.message ?? `HTTP ${response.status}`);
    return json as T;
  };
  return {
    list: async () => (await call<{ versions: VersionInfo[] }>('GET', '')).versions,
    save: (name) => call<VersionInfo>('POST', '', { name }),
    open: async (versionId) => {
      const json = await call<{ version?: VersionInfo; info?: VersionInfo; snapshot: ConventionSnapshot } & Partial<VersionInfo>>('GET', `/${encodeURIComponent(versionId)}`);
      const { snapshot, version, info, ...rest } = json;
      return { version: version ?? info ?? (rest as VersionInfo), snapshot };
    },
    compare: (from, to) => call<VersionDiff>('GET', `/${encodeURIComponent(from)}/diff/${encodeURIComponent(to)}`),
  };
}

/** The address of a version's read-only page in the browser view. */
export function versionLink(endpoint: Endpoint, versionId: string): string {
  const id = encodeURIComponent(endpoint.conventionId);
  return `${endpoint.server.replace(/\/$/, '')}/view/${id}?token=${encodeURIComponent(endpoint.token)}&version=${encodeURIComponent(versionId)}`;
}
