// Fractional ranks: order keys that always leave room between two neighbours, so concurrent inserts and moves
// never renumber siblings. Keys are base-62 digit strings compared as strings; ties are broken by entity id.
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;

function digit(key: string, i: number): number {
  return i < key.length ? DIGITS.indexOf(key[i] as string) : 0;
}

/**
 * A key strictly between `a` and `b` (`null` = open end). Keys never end in the zero digit, so there is always
 * room on both sides. Classic midpoint on base-62 fractions 0.d1d2d3…
 */
function midpoint(a: string, b: string | null): string {
  let prefix = '';
  for (let i = 0; ; i++) {
    const da = digit(a, i);
    const db = b === null ? BASE : i < b.length ? digit(b, i) : 0;
    if (da === db) {
      prefix += DIGITS[da];
      continue;
    }
    if (db - da > 1) return prefix + DIGITS[Math.floor((da + db) / 2)];
    // Adjacent digits: keep a's digit and find room above the rest of a.
    return prefix + DIGITS[da] + midpoint(a.slice(i + 1), null);
  }
}

/** A short key above `a` (appending at the end): bump the first digit that has room. */
function after(a: string): string {
  for (let i = 0; ; i++) {
    const d = digit(a, i);
    if (d < BASE - 1) return a.slice(0, i) + DIGITS[d + 1];
  }
}

/** A short key below `b` and above the empty key (prepending at the start). */
function before(b: string): string {
  for (let i = 0; i < b.length; i++) {
    const d = digit(b, i);
    if (d > 1) return b.slice(0, i) + DIGITS[d - 1];
    if (d === 1) return i < b.length - 1 ? b.slice(0, i + 1) : midpoint(b.slice(0, i), b);
  }
  return midpoint('', b);
}

/**
 * A rank between two neighbours, with a short random tail so that two people inserting at the same place at the
 * same moment get different keys (the tail only applies where it keeps the key below `b`).
 */
export function rankBetween(a: string | null, b: string | null, random: () => number = Math.random): string {
  const low = a ?? '';
  if (b !== null && low >= b) throw new RangeError(`rankBetween: "${low}" is not below "${b}"`);
  const mid = b === null ? after(low) : low === '' ? before(b) : midpoint(low, b);
  let tail = '';
  for (let i = 0; i < 3; i++) tail += DIGITS[1 + Math.floor(random() * (BASE - 1))];
  const jittered = mid + tail;
  return b === null || jittered < b ? jittered : mid;
}

/** Compare two (rank, id) pairs: the order of siblings. */
export function compareRanked(a: { rank: string; id: string }, b: { rank: string; id: string }): number {
  if (a.rank !== b.rank) return a.rank < b.rank ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
