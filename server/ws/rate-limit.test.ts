import { expect, it } from 'vitest';
import { TokenBucket } from './rate-limit.ts';

it('allows a burst, then the sustained rate', () => {
  const bucket = new TokenBucket({ perSecond: 10, burst: 5 }, 0);
  expect(Array.from({ length: 6 }, () => bucket.take(0))).toEqual([true, true, true, true, true, false]);
  expect(bucket.take(100)).toBe(true);
  expect(bucket.take(100)).toBe(false);
  expect(Array.from({ length: 6 }, () => bucket.take(10_000)).filter(Boolean).length).toBe(5);
});
