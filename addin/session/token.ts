// Reads the claims of a Concerto access token on the client (to show who one is); the server verifies it.
export type Access = 'edit' | 'comment' | 'view';

export interface TokenClaims {
  convention: string;
  party: string;
  access: Access;
  name: string;
  /** Seconds since the epoch. */
  exp?: number;
}

export function readTokenClaims(token: string): TokenClaims | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = JSON.parse(new TextDecoder().decode(base64UrlDecode(payload))) as Partial<TokenClaims>;
    if (typeof json.convention !== 'string' || typeof json.party !== 'string' || !['edit', 'comment', 'view'].includes(String(json.access))) return null;
    return { convention: json.convention, party: json.party, access: json.access as Access, name: String(json.name ?? json.party), exp: json.exp };
  } catch {
    return null;
  }
}

function base64UrlDecode(text: string): Uint8Array {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
  const binary = atob(base64);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Pulls the server, convention and token out of a join link (`…/view/<id>?token=…` or `#token=…`). */
export function parseJoinLink(link: string): { server: string; conventionId: string; token: string } | null {
  try {
    const url = new URL(link.trim());
    const token = url.searchParams.get('token') ?? new URLSearchParams(url.hash.slice(1)).get('token');
    const match = /\/(?:view|join)\/([^/?#]+)/.exec(url.pathname);
    if (!token || !match?.[1]) return null;
    return { server: url.origin, conventionId: decodeURIComponent(match[1]), token };
  } catch {
    return null;
  }
}
