// Checks what a person pasted to join a convention (a join link, or a bare token plus a server address) and
// remembers the last good one per document. Pure apart from the injected storage.
import type { MessageKey, Params } from '../i18n.ts';
import { parseJoinLink, readTokenClaims } from '../session/token.ts';
import type { JoinDetail } from './events.ts';
import type { PaneStorage } from './storage.ts';

export interface JoinInput {
  server: string;
  link: string;
}

export interface JoinProblem {
  field: 'server' | 'link';
  key: MessageKey;
  params?: Params;
}

export type JoinCheck = { ok: true; value: JoinDetail } | { ok: false; problem: JoinProblem };

export const JOIN_KEYS = { server: 'concerto.join.server', link: 'concerto.join.link' } as const;

export function checkJoinInput(input: JoinInput, now: Date): JoinCheck {
  const link = input.link.trim();
  if (link === '') return fail('link', 'join.error.empty');
  if (/^https?:\/\//i.test(link)) {
    const parsed = parseJoinLink(link);
    if (!parsed) return fail('link', 'join.error.link');
    return withToken(parsed, now);
  }
  if (/\s/.test(link) || link.split('.').length !== 3) return fail('link', 'join.error.notLink');
  const server = input.server.trim().replace(/\/+$/, '');
  if (server === '') return fail('server', 'join.error.server');
  if (!isHttpUrl(server)) return fail('server', 'join.error.serverInvalid');
  const claims = readTokenClaims(link);
  if (!claims) return fail('link', 'join.error.token');
  return withToken({ server, conventionId: claims.convention, token: link }, now);
}

function withToken(request: JoinDetail, now: Date): JoinCheck {
  const claims = readTokenClaims(request.token);
  if (!claims) return fail('link', 'join.error.token');
  if (claims.convention !== request.conventionId)
    return fail('link', 'join.error.mismatch', { claim: claims.convention, link: request.conventionId });
  if (claims.exp !== undefined && claims.exp * 1000 <= now.getTime())
    return fail('link', 'join.error.expired', { date: new Date(claims.exp * 1000).toLocaleDateString('fr-FR') });
  return { ok: true, value: request };
}

function fail(field: JoinProblem['field'], key: MessageKey, params?: Params): JoinCheck {
  return { ok: false, problem: params ? { field, key, params } : { field, key } };
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

export function loadJoinInput(storage: PaneStorage): JoinInput {
  return { server: storage.get(JOIN_KEYS.server) ?? '', link: storage.get(JOIN_KEYS.link) ?? '' };
}

export function saveJoinInput(storage: PaneStorage, input: JoinInput): void {
  storage.set(JOIN_KEYS.server, input.server.trim());
  storage.set(JOIN_KEYS.link, input.link.trim());
}

/** The join remembered for this document, if it is still good: lets the app shell reconnect at start-up. */
export function rememberedJoin(storage: PaneStorage, now: Date = new Date()): JoinDetail | null {
  const input = loadJoinInput(storage);
  if (input.link === '') return null;
  const check = checkJoinInput(input, now);
  return check.ok ? check.value : null;
}
