// Stable entity ids: short, random, URL- and tag-safe (Word content-control tags embed them), with a kind prefix.
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A new random id such as `act_k3v9q0x2m1` (10 random base-36 characters, ~51 bits). */
export function newId(prefix: string, random: () => number = Math.random): string {
  let out = `${prefix}_`;
  for (let i = 0; i < 10; i++) out += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return out;
}

/** Ids are kept to a safe character set so they can travel in content-control tags and URLs. */
export function isValidId(id: unknown): id is string {
  return typeof id === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(id);
}
