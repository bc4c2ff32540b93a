// Where the token secret comes from: env CTG_SECRET, else `<data>/secret`, generated once (mode 0600) and reused.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CtgError } from '../errors.ts';

export interface SecretSource {
  readonly secret: Uint8Array;
  readonly origin: 'env' | 'file' | 'generated';
}

const MIN_ENV_LENGTH = 16;

/** The `code` of a Node system error (`ENOENT`, `EEXIST`, …). */
export const errnoOf = (error: unknown): string | undefined =>
  error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;

export function loadSecret(dataDir: string, env: NodeJS.ProcessEnv = process.env): SecretSource {
  const fromEnv = env.CTG_SECRET;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (fromEnv.length < MIN_ENV_LENGTH) {
      throw new CtgError('bad_request', `CTG_SECRET est trop court : au moins ${MIN_ENV_LENGTH} caractères.`);
    }
    return { secret: new TextEncoder().encode(fromEnv), origin: 'env' };
  }
  const path = join(dataDir, 'secret');
  const existing = readIfPresent(path);
  if (existing) return { secret: existing, origin: 'file' };
  const fresh = randomBytes(32).toString('base64url');
  try {
    // `wx`: if another process (ctg token, a second ctg serve) created it first, use theirs.
    writeFileSync(path, `${fresh}\n`, { mode: 0o600, flag: 'wx' });
    return { secret: new TextEncoder().encode(fresh), origin: 'generated' };
  } catch (error) {
    const raced = errnoOf(error) === 'EEXIST' ? readIfPresent(path) : null;
    if (raced) return { secret: raced, origin: 'file' };
    throw error;
  }
}

function readIfPresent(path: string): Uint8Array | null {
  try {
    const text = readFileSync(path, 'utf8').trim();
    return text === '' ? null : new TextEncoder().encode(text);
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return null;
    throw error;
  }
}
