// The versions API as the pane uses it (/api/conventions/:id/versions): name a version, list them, read one, and
// compare two (or one with `current`). Types only the slice of the answers the pane reads; every failure is an
// HttpFailure (http.ts) carrying the server's sentence, or saying the server could not be reached.
import type { ConventionSnapshot } from '../../shared/index.ts';
import { httpJson } from './http.ts';
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
  /** Per entity: what the pane shows. */
  summary: EntitySummary[];
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

export function httpVersionsClient(endpoint: Endpoint, fetchFn: typeof fetch = (...args) => fetch(...args)): VersionsClient {
  const base = `${endpoint.server.replace(/\/$/, '')}/api/conventions/${encodeURIComponent(endpoint.conventionId)}/versions`;
  const call = <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => httpJson<T>(fetchFn, base + path, { method, token: endpoint.token, body });
  return {
    list: async () => (await call<{ versions: VersionInfo[] }>('GET', '')).versions,
    save: (name) => call<VersionInfo>('POST', '', { name }),
    open: (versionId) => call<OpenedVersion>('GET', `/${encodeURIComponent(versionId)}`),
    compare: (from, to) => call<VersionDiff>('GET', `/${encodeURIComponent(from)}/diff/${encodeURIComponent(to)}`),
  };
}

/** The address of a version's read-only page in the browser view. */
export function versionLink(endpoint: Endpoint, versionId: string): string {
  const id = encodeURIComponent(endpoint.conventionId);
  return `${endpoint.server.replace(/\/$/, '')}/view/${id}?token=${encodeURIComponent(endpoint.token)}&version=${encodeURIComponent(versionId)}`;
}
