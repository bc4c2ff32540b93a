import { describe, expect, it } from 'vitest';
import { offlineCopyName } from './offline-copy.ts';

const sophie = { party: 'caf', access: 'edit', name: 'Sophie Arnaud' } as const;

describe('offlineCopyName', () => {
  it('gives each person and access their own copy, and a renewed link the same one', () => {
    const server = 'https://concerto.example.fr';
    const own = offlineCopyName(server, 'ctg-1', sophie);
    expect(offlineCopyName(`${server}/`, 'ctg-1', { ...sophie })).toBe(own);
    const others = [
      offlineCopyName(server, 'ctg-1', { ...sophie, access: 'comment' }),
      offlineCopyName(server, 'ctg-1', { ...sophie, party: 'cd' }),
      offlineCopyName(server, 'ctg-1', { ...sophie, name: 'Thomas Girard' }),
      offlineCopyName(server, 'ctg-2', sophie),
      offlineCopyName('http://127.0.0.1:8787', 'ctg-1', sophie),
      // The name earlier versions used for every link to the convention.
      'concerto:ctg-1',
    ];
    expect(new Set([own, ...others]).size).toBe(others.length + 1);
  });

  it('cannot be confused by separators in names', () => {
    const a = offlineCopyName('http://h', 'c', { party: 'a/b', access: 'edit', name: 'x' });
    const b = offlineCopyName('http://h', 'c', { party: 'a', access: 'edit', name: 'b/x' });
    expect(a).not.toBe(b);
  });
});
