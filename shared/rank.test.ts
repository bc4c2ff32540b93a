import { describe, expect, it } from 'vitest';
import { seededRandom } from '../test/support/random.ts';
import { compareRanked, rankBetween } from './rank.ts';

describe('fractional ranks', () => {
  it('always finds a key strictly between two neighbours, however often one inserts at the same place', () => {
    const random = seededRandom(42);
    let low: string | null = null;
    let high: string | null = rankBetween(null, null, random);
    for (let i = 0; i < 500; i++) {
      const mid = rankBetween(low, high, random);
      if (low !== null) expect(mid > low).toBe(true);
      if (high !== null) expect(mid < high).toBe(true);
      if (random.chance(0.5)) low = mid;
      else high = mid;
    }
  });

  it('keeps keys short when appending at the end', () => {
    let last: string | null = null;
    for (let i = 0; i < 1000; i++) last = rankBetween(last, null, seededRandom(i));
    expect((last as string).length).toBeLessThan(40);
  });

  it('gives two people inserting at the same place different keys', () => {
    expect(rankBetween('a', 'b', seededRandom(1))).not.toBe(rankBetween('a', 'b', seededRandom(2)));
  });

  it('orders equal ranks by id, the same way on every peer', () => {
    const items = [
      { rank: 'V', id: 'b' },
      { rank: 'V', id: 'a' },
      { rank: 'A', id: 'z' },
    ];
    expect([...items].sort(compareRanked).map((x) => x.id)).toEqual(['z', 'a', 'b']);
  });

  it('refuses bounds in the wrong order', () => {
    expect(() => rankBetween('b', 'a')).toThrow(RangeError);
  });
});

describe('fractional ranks at the edges', () => {
  it('keeps keys short when prepending at the start, and stays ordered', () => {
    let first: string | null = null;
    for (let i = 0; i < 1000; i++) {
      const next = rankBetween(null, first, seededRandom(i));
      if (first !== null) expect(next < first).toBe(true);
      expect(next > '').toBe(true);
      first = next;
    }
    expect((first as string).length).toBeLessThan(60);
  });
});
