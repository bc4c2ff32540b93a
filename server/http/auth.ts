// Bearer-token middleware: verifies `Authorization: Bearer …` and puts the claims in the context.
import { createMiddleware } from 'hono/factory';
import type { Auth } from '../auth/tokens.ts';
import { CtgError } from '../errors.ts';
import type { AppEnv } from './context.ts';

export function bearerToken(header: string | undefined | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

export const requireToken = (auth: Auth) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const token = bearerToken(c.req.header('Authorization'));
    if (!token) throw new CtgError('token_missing', 'Jeton manquant : ajoutez l’en-tête « Authorization: Bearer … ».');
    c.set('claims', await auth.verify(token));
    await next();
  });
