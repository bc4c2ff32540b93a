// A seeded pseudo-random generator (mulberry32) and helpers, so a failing randomized test replays from its seed.
export interface Random {
  (): number;
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T | undefined;
  chance(p: number): boolean;
  word(): string;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (() => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }) as Random;
  next.int = (max) => Math.floor(next() * max);
  next.pick = (items) => (items.length === 0 ? undefined : items[next.int(items.length)]);
  next.chance = (p) => next() < p;
  const syllables = ['ac', 'cueil', 'en', 'fance', 'par', 'ents', 'jeu', 'nes', 'droits', 'é', 'lan', ' ', 'ç', 'œ'];
  next.word = () => Array.from({ length: 1 + next.int(4) }, () => next.pick(syllables)).join('');
  return next;
}
