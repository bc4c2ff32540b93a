// Reading request input: the JSON body as a plain object, and typed fields with French errors naming the field.
import type { Context } from 'hono';
import { CtgError } from '../errors.ts';

export type Body = Record<string, unknown>;

export async function readBody(c: Context): Promise<Body> {
  let value: unknown;
  try {
    value = await c.req.json();
  } catch (error) {
    throw new CtgError('invalid_json', undefined, { cause: error });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CtgError('invalid_json', 'Le corps de la requête doit être un objet JSON.');
  }
  // reason: checked just above to be a non-null, non-array object; its values stay `unknown`.
  return value as Body;
}

export function optionalText(body: Body, field: string, max = 200): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
    throw new CtgError('bad_request', `Champ « ${field} » : texte de 1 à ${max} caractères attendu.`);
  }
  return value.trim();
}

export function requiredText(body: Body, field: string, max = 200): string {
  const value = optionalText(body, field, max);
  if (value === undefined) throw new CtgError('bad_request', `Champ « ${field} » manquant.`);
  return value;
}

export function oneOf<T extends string>(body: Body, field: string, allowed: readonly T[], fallback?: T): T {
  const value = body[field] ?? fallback;
  const match = allowed.find((option) => option === value);
  if (match === undefined) {
    throw new CtgError('bad_request', `Champ « ${field} » : une valeur parmi ${allowed.map((a) => `« ${a} »`).join(', ')}.`);
  }
  return match;
}

/** Convention ids: letters, digits, dot, dash, underscore; 1 to 64 characters (the model's id rule). */
export const CONVENTION_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function conventionIdOf(value: string): string {
  if (!CONVENTION_ID.test(value)) {
    throw new CtgError('bad_request', 'Identifiant de convention invalide : lettres, chiffres, « . », « - », « _ » (64 au plus).');
  }
  return value;
}
