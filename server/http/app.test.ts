// The HTTP API in-process (`app.request`), over memory storage.
import { describe, expect, it } from 'vitest';
import { ConventionDoc } from '../../shared/index.ts';
import { createCore } from '../server.ts';
import { createMemoryStorage } from '../storage/memory.ts';

const secret = new TextEncoder().encode('secret de test pour l’API HTTP');

async function setup() {
  const clock = { now: Date.now() };
  const core = createCore({ storage: createMemoryStorage(), secret, publicUrl: 'http://ctg.test', now: () => clock.now });
  const admin = await core.auth.issue({ kind: 'admin', name: 'Admin' }, 3600);
  const call = async (method: string, path: string, token?: string | null, body?: unknown) => {
    const headers: Record<string, string> = {};
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await core.app.request(path, {
      method,
      headers,
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: res.status, json: json as Record<string, unknown> & { error?: { code: string; message: string } }, text };
  };
  const token = (convention: string, access: 'edit' | 'comment' | 'view', party = 'caf') =>
    core.auth.issue({ kind: 'participant', convention, party, access, name: `Personne ${access}` }, 3600);
  return { core, admin, call, token, clock };
}

describe('HTTP API', () => {
  it('answers /health and /metrics without a token', async () => {
    const { call } = await setup();
    const health = await call('GET', '/health');
    expect(health.status).toBe(200);
    expect(health.json).toMatchObject({ status: 'ok', openConventions: 0, connections: 0 });
    const metrics = await call('GET', '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toContain('# TYPE ctg_connections gauge');
    expect(metrics.text).toMatch(/^ctg_updates_total 0$/m);
  });

  it('creates a convention from the template (admin), refuses a second time and lists it', async () => {
    const { call, admin, token } = await setup();
    const created = await call('POST', '/api/conventions', admin, {
      id: 'ctg-vire',
      generation: '2014',
      echelon: 'communal',
      title: 'CTG de Vire',
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ id: 'ctg-vire', title: 'CTG de Vire', sync: { room: 'ctg-vire' } });
    expect((await call('POST', '/api/conventions', admin, { id: 'ctg-vire' })).json.error?.code).toBe('convention_exists');
    const editor = await token('ctg-vire', 'edit');
    expect((await call('POST', '/api/conventions', editor, { id: 'autre' })).json.error?.code).toBe('admin_required');
    const list = await call('GET', '/api/conventions', admin);
    expect((list.json.conventions as Array<{ id: string }>).map((c) => c.id)).toEqual(['ctg-vire']);
    const snapshot = await call('GET', '/api/conventions/ctg-vire', editor);
    expect(snapshot.status).toBe(200);
    expect(snapshot.json).toMatchObject({ convention: { id: 'ctg-vire', generation: '2014', echelon: 'communal' } });
  });

  it('imports a convention file', async () => {
    const { call, admin } = await setup();
    await call('POST', '/api/conventions', admin, { id: 'source' });
    const exported = await call('GET', '/api/conventions/source/export', admin);
    const imported = await call('POST', '/api/conventions', admin, { id: 'copie', file: exported.json });
    expect(imported.status).toBe(201);
    const copy = await call('GET', '/api/conventions/copie', admin);
    expect((copy.json.convention as { id: string }).id).toBe('copie');
    expect((copy.json.articles as unknown[]).length).toBe((exported.json.convention as { articles: unknown[] }).articles.length);
    const bad = await call('POST', '/api/conventions', admin, { id: 'mauvais', file: { format: 'autre' } });
    expect(bad.status).toBe(400);
    expect(bad.json.error?.message).toMatch(/Format de fichier non reconnu/);
  });

  it('refuses missing, bad, expired and other-convention tokens with French reasons', async () => {
    const { call, admin, token, core, clock } = await setup();
    await call('POST', '/api/conventions', admin, { id: 'a' });
    expect((await call('GET', '/api/conventions/a')).json.error).toMatchObject({ code: 'token_missing' });
    expect((await call('GET', '/api/conventions/a', 'abc.def.ghi')).status).toBe(401);
    const other = await token('b', 'edit');
    const refused = await call('GET', '/api/conventions/a', other);
    expect(refused.status).toBe(403);
    expect(refused.json.error?.message).toBe('Ce jeton donne accès à une autre convention.');
    const expired = await core.auth.issue({ kind: 'participant', convention: 'a', party: 'caf', access: 'edit', name: 'X' }, 1);
    clock.now += 2000;
    expect((await call('GET', '/api/conventions/a', expired)).json.error?.code).toBe('token_expired');
    const admin2 = await core.auth.issue({ kind: 'admin', name: 'Admin' }, 3600);
    expect((await call('GET', '/api/conventions/inconnue', admin2)).status).toBe(404);
    expect((await call('POST', '/api/conventions', admin2, '{pas du json')).json.error?.code).toBe('invalid_json');
    expect((await call('GET', '/nulle-part')).json.error?.code).toBe('not_found');
  });

  it('validates a convention', async () => {
    const { call, admin, token } = await setup();
    await call('POST', '/api/conventions', admin, { id: 'v', startYear: 2025 });
    const result = await call('GET', '/api/conventions/v/validation?today=2025-06-01', await token('v', 'view'));
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ today: '2025-06-01' });
    expect(Array.isArray(result.json.findings)).toBe(true);
    expect((await call('GET', '/api/conventions/v/validation?today=hier', admin)).status).toBe(400);
  });

  it('keeps named versions and diffs them entity by entity', async () => {
    const { call, admin, token, core } = await setup();
    await call('POST', '/api/conventions', admin, { id: 'ver' });
    const editor = await token('ver', 'edit', 'commune');
    const first = await call('POST', '/api/conventions/ver/versions', editor, { name: 'Copil du 12 mars' });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ name: 'Copil du 12 mars', author: { name: 'Personne edit', party: 'commune' } });
    const viewer = await token('ver', 'view');
    expect((await call('POST', '/api/conventions/ver/versions', viewer, { name: 'x' })).json.error?.code).toBe(
      'access_denied',
    );
    await core.documents.withRoom('ver', (room) => {
      const model = new ConventionDoc(room.doc);
      const article = model.childIds('article')[0]!;
      model.update('article', article, { status: 'agreed' });
    });
    const second = await call('POST', '/api/conventions/ver/versions', editor, { name: 'Copil du 2 avril' });
    const list = await call('GET', '/api/conventions/ver/versions', viewer);
    expect((list.json.versions as Array<{ name: string }>).map((v) => v.name)).toEqual([
      'Copil du 12 mars',
      'Copil du 2 avril',
    ]);
    const diff = await call('GET', `/api/conventions/ver/versions/${first.json.id}/diff/${second.json.id}`, viewer);
    expect(diff.status).toBe(200);
    expect(diff.json.counts).toMatchObject({ changed: 1 });
    expect((diff.json.changes as Array<{ text: string }>)[0]!.text).toMatch(/^Statut de l’article 1 .*Brouillon → Validé\.$/);
    const current = await call('GET', `/api/conventions/ver/versions/${second.json.id}/diff/current`, viewer);
    expect(current.json.changes).toEqual([]);
    expect((await call('GET', '/api/conventions/ver/versions/nope/diff/current', viewer)).status).toBe(404);
  });

  it('tells who changed what and when', async () => {
    const { call, admin, token, core } = await setup();
    await call('POST', '/api/conventions', admin, { id: 'hist' });
    await core.documents.withRoom('hist', (room) => {
      const model = new ConventionDoc(room.doc);
      model.setSingleton('convention', { signaturePlace: 'Caen' });
    });
    const history = await call('GET', '/api/conventions/hist/history', await token('hist', 'view'));
    expect(history.status).toBe(200);
    const entries = history.json.entries as Array<{ author: { name: string }; changes: string[] }>;
    expect(entries.length).toBe(2);
    expect(entries[1]).toMatchObject({ author: { name: 'Admin' }, changes: ['Convention créée.'] });
    expect(entries[0]!.changes).toEqual(['Lieu de signature de la convention : (vide) → « Caen ».']);
  });

  it('lets an editor invite a party with an access level', async () => {
    const { call, admin, token, core } = await setup();
    await call('POST', '/api/conventions', admin, { id: 'inv' });
    const editor = await token('inv', 'edit');
    const invitation = await call('POST', '/api/conventions/inv/invitations', editor, {
      party: 'departement',
      access: 'comment',
      name: 'Claire',
      ttl: '2d',
    });
    expect(invitation.status).toBe(201);
    expect(invitation.json).toMatchObject({
      party: 'departement',
      access: 'comment',
      sync: { url: 'ws://ctg.test/sync', room: 'inv' },
    });
    expect(String(invitation.json.link)).toMatch(/^http:\/\/ctg\.test\/view\/inv\?token=/);
    const claims = await core.auth.verify(String(invitation.json.token));
    expect(claims).toMatchObject({ kind: 'participant', convention: 'inv', party: 'departement', access: 'comment' });
    const commenter = await token('inv', 'comment');
    expect((await call('POST', '/api/conventions/inv/invitations', commenter, { party: 'x', access: 'edit' })).status).toBe(
      403,
    );
    expect((await call('POST', '/api/conventions/inv/invitations', editor, { party: 'x', access: 'root' })).status).toBe(400);
  });
});
