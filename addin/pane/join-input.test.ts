// Checking what was pasted on the join screen.
import { expect, it } from 'vitest';
import { checkJoinInput, rememberedJoin, saveJoinInput } from './join-input.ts';
import { memoryStorage } from './storage.ts';

const now = new Date('2026-03-01T10:00:00Z');
const token = (claims: Record<string, unknown>) =>
  `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;
const good = token({ convention: 'ctg-1', party: 'caf', access: 'edit', name: 'Claire', exp: 1_900_000_000 });

it('takes the server, convention and token from a join link (query or hash)', () => {
  expect(checkJoinInput({ server: '', link: ` https://c.example.fr/view/ctg-1?token=${good} ` }, now)).toEqual({
    ok: true,
    value: { server: 'https://c.example.fr', conventionId: 'ctg-1', token: good },
  });
  expect(checkJoinInput({ server: 'https://ignored.fr', link: `https://c.example.fr/view/ctg-1#token=${good}` }, now)).toMatchObject({ ok: true });
});

it('takes a bare token with a server address', () => {
  expect(checkJoinInput({ server: 'https://c.example.fr/concerto/', link: good }, now)).toEqual({
    ok: true,
    value: { server: 'https://c.example.fr/concerto', conventionId: 'ctg-1', token: good },
  });
});

it('says what is wrong, on which field', () => {
  const problem = (server: string, link: string) => {
    const check = checkJoinInput({ server, link }, now);
    return check.ok ? null : [check.problem.field, check.problem.key];
  };
  expect(problem('', '')).toEqual(['link', 'join.error.empty']);
  expect(problem('', 'bonjour')).toEqual(['link', 'join.error.notLink']);
  expect(problem('', 'https://c.example.fr/')).toEqual(['link', 'join.error.link']);
  expect(problem('', `https://c.example.fr/view/ctg-2?token=${good}`)).toEqual(['link', 'join.error.mismatch']);
  expect(problem('', 'https://c.example.fr/view/ctg-1?token=a.b.c')).toEqual(['link', 'join.error.token']);
  expect(problem('', good)).toEqual(['server', 'join.error.server']);
  expect(problem('ftp://c.example.fr', good)).toEqual(['server', 'join.error.serverInvalid']);
  const old = token({ convention: 'ctg-1', party: 'caf', access: 'edit', exp: 1_700_000_000 });
  expect(problem('', `https://c.example.fr/view/ctg-1?token=${old}`)).toEqual(['link', 'join.error.expired']);
});

it('remembers the last join per document and offers it back while it is still good', () => {
  const storage = memoryStorage();
  expect(rememberedJoin(storage, now)).toBeNull();
  saveJoinInput(storage, { server: '', link: `https://c.example.fr/view/ctg-1?token=${good}` });
  expect(rememberedJoin(storage, now)).toEqual({ server: 'https://c.example.fr', conventionId: 'ctg-1', token: good });
  expect(rememberedJoin(storage, new Date(2_000_000_000_000))).toBeNull();
});
