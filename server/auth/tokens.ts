// The auth port and its jose HS256 adapter: signed tokens naming a convention, a party, an access level, a person
// and an expiry; admin tokens name only a person. Verification errors become the server's typed errors.
import { createSecretKey } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { CtgError } from '../errors.ts';
import { ACCESS_LEVELS, type Access } from '../protocol/session.ts';

export interface ParticipantClaims {
  readonly kind: 'participant';
  readonly convention: string;
  readonly party: string;
  readonly access: Access;
  readonly name: string;
  /** Epoch seconds. */
  readonly expiresAt: number;
}

export interface AdminClaims {
  readonly kind: 'admin';
  readonly name: string;
  readonly expiresAt: number;
}

export type Claims = ParticipantClaims | AdminClaims;
export type ClaimsInput = Omit<ParticipantClaims, 'expiresAt'> | Omit<AdminClaims, 'expiresAt'>;

export interface Auth {
  issue(claims: ClaimsInput, ttlSeconds: number): Promise<string>;
  /** Throws CtgError `token_invalid` or `token_expired`. */
  verify(token: string): Promise<Claims>;
}

const ISSUER = 'concerto';
const AUDIENCE = 'ctg';
const MAX_TEXT = 200;

export function hs256Auth(secret: Uint8Array, now: () => number = Date.now): Auth {
  // One KeyObject for the life of the server: jose would otherwise import the raw secret at every check.
  const key = createSecretKey(secret);
  return {
    async issue(claims, ttlSeconds) {
      const iat = Math.floor(now() / 1000);
      const payload =
        claims.kind === 'admin'
          ? { admin: true, name: claims.name }
          : { convention: claims.convention, party: claims.party, access: claims.access, name: claims.name };
      return new SignJWT(payload)
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(iat)
        .setExpirationTime(iat + ttlSeconds)
        .sign(key);
    },

    async verify(token) {
      let payload: Record<string, unknown>;
      try {
        ({ payload } = await jwtVerify(token, key, {
          algorithms: ['HS256'],
          issuer: ISSUER,
          audience: AUDIENCE,
          currentDate: new Date(now()),
          requiredClaims: ['exp'],
        }));
      } catch (error) {
        if (error instanceof joseErrors.JWTExpired) throw new CtgError('token_expired', undefined, { cause: error });
        throw new CtgError('token_invalid', undefined, { cause: error });
      }
      return readClaims(payload);
    },
  };
}

export const isAccess = (value: unknown): value is Access => ACCESS_LEVELS.some((level) => level === value);

const text = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= MAX_TEXT;

function readClaims(payload: Record<string, unknown>): Claims {
  const expiresAt = Number(payload.exp);
  if (payload.admin === true && text(payload.name)) return { kind: 'admin', name: payload.name, expiresAt };
  const { convention, party, access, name } = payload;
  if (text(convention) && text(party) && text(name) && isAccess(access)) {
    return { kind: 'participant', convention, party, access, name, expiresAt };
  }
  throw new CtgError('token_invalid', 'Jeton invalide : il ne nomme pas une convention, une partie et un accès.');
}

/** The rights a token gives on one convention; throws when it gives none. */
export function accessTo(claims: Claims, conventionId: string): Access {
  if (claims.kind === 'admin') return 'edit';
  if (claims.convention !== conventionId) throw new CtgError('token_other_convention');
  return claims.access;
}

const RANK: Record<Access, number> = { view: 0, comment: 1, edit: 2 };

/** Throws `access_denied` unless the token gives at least `needed` on the convention. */
export function requireAccess(claims: Claims, conventionId: string, needed: Access): void {
  const access = accessTo(claims, conventionId);
  if (RANK[access] < RANK[needed]) {
    throw new CtgError('access_denied', `Droits insuffisants : cette action demande un accès « ${needed} », votre jeton donne « ${access} ».`);
  }
}
