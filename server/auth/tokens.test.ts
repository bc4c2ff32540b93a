import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDuration } from './duration.ts';
import { loadSecret } from './secret.ts';
import { accessTo, hs256Auth, requireAccess } from './tokens.ts';

const secret = new TextEncoder().encode('un secret de test assez long');
const participant = { kind: 'participant', convention: 'ctg-1', party: 'caf', access: 'comment', name: 'Alice' } as const;

describe('tokens', () => {
  it('round-trips participant and admin claims', async () => {
    const auth = hs256Auth(secret, () => 1_000_000);
    const claims = await auth.verify(await auth.issue(participant, 3600));
    expect(claims).toEqual({ ...participant, expiresAt: 1000 + 3600 });
    const admin = await auth.verify(await auth.issue({ kind: 'admin', name: 'Root' }, 60));
    expect(admin).toEqual({ kind: 'admin', name: 'Root', expiresAt: 1060 });
  });

  it('refuses expired tokens, other secrets and garbage with typed errors', async () => {
    let now = 1_000_000;
    const auth = hs256Auth(secret, () => now);
    const token = await auth.issue(participant, 60);
    now += 61_000;
    await expect(auth.verify(token)).rejects.toMatchObject({ code: 'token_expired', status: 401 });
    const other = hs256Auth(new TextEncoder().encode('un tout autre secret, bien long'));
    await expect(auth.verify(await other.issue(participant, 60))).rejects.toMatchObject({ code: 'token_invalid' });
    await expect(auth.verify('pas.un.jeton')).rejects.toMatchObject({ code: 'token_invalid' });
    const noneAlg = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{}').toString('base64url')}.`;
    await expect(auth.verify(noneAlg)).rejects.toMatchObject({ code: 'token_invalid' });
  });

  it('refuses a well-signed token that names no access level', async () => {
    const auth = hs256Auth(secret);
    const token = await new SignJWT({ convention: 'x', party: 'caf', access: 'root', name: 'Eve' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('concerto')
      .setAudience('ctg')
      .setExpirationTime('1h')
      .sign(secret);
    await expect(auth.verify(token)).rejects.toMatchObject({ code: 'token_invalid' });
  });

  it('checks the convention and the access level', () => {
    const claims = { ...participant, expiresAt: 0 };
    expect(accessTo(claims, 'ctg-1')).toBe('comment');
    expect(() => accessTo(claims, 'ctg-2')).toThrow(expect.objectContaining({ code: 'token_other_convention' }));
    expect(() => requireAccess(claims, 'ctg-1', 'edit')).toThrow(expect.objectContaining({ code: 'access_denied' }));
    expect(() => requireAccess(claims, 'ctg-1', 'view')).not.toThrow();
    expect(accessTo({ kind: 'admin', name: 'Root', expiresAt: 0 }, 'any')).toBe('edit');
  });
});

describe('parseDuration', () => {
  it.each([
    ['12h', 43_200],
    ['30m', 1800],
    ['7d', 604_800],
    ['45', 45],
    ['90s', 90],
  ])('%s → %i s', (text, seconds) => expect(parseDuration(text)).toBe(seconds));
  it.each(['', '0', '-1h', '1w', 'douze'])('refuses %j', (text) => expect(parseDuration(text)).toBeNull());
});

describe('loadSecret', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ctg-secret-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('generates the secret once, mode 0600, then reuses it', () => {
    const first = loadSecret(dir, {});
    expect(first.origin).toBe('generated');
    expect(statSync(join(dir, 'secret')).mode & 0o777).toBe(0o600);
    const second = loadSecret(dir, {});
    expect(second.origin).toBe('file');
    expect(second.secret).toEqual(first.secret);
    expect(readFileSync(join(dir, 'secret'), 'utf8').trim().length).toBeGreaterThan(30);
  });

  it('prefers CTG_SECRET and refuses a short one', () => {
    expect(loadSecret(dir, { CTG_SECRET: 'x'.repeat(20) }).origin).toBe('env');
    expect(() => loadSecret(dir, { CTG_SECRET: 'court' })).toThrow(/trop court/);
  });
});
