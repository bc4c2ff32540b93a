// Versions over the HTTP API in-process: open one read-only, compare two with a summary per entity.
import { describe, expect, it } from 'vitest';
import { ConventionDoc } from '../../shared/index.ts';
import { createCore } from '../server.ts';
import { createMemoryStorage } from '../storage/memory.ts';

const secret = new TextEncoder().encode('secret de test pour les versions');

async function setup() {
  const core = createCore({ storage: createMemoryStorage(), secret, publicUrl: 'http://ctg.test' });
  const admin = await core.auth.issue({ kind: 'admin', name: 'Admin' }, 3600);
  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const res = await core.app.request(path, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> & { error?: { code: string } } };
  };
  return { core, admin, call };
}

describe('versions API', () => {
  it('opens a version read-only and summarises a comparison entity by entity', async () => {
    const { core, admin, call } = await setup();
    await call('POST', '/api/conventions', admin, { id: 'rev' });
    const editor = await core.auth.issue({ kind: 'participant', convention: 'rev', party: 'caf', access: 'edit', name: 'Claire' }, 3600);
    const viewer = await core.auth.issue({ kind: 'participant', convention: 'rev', party: 'cd', access: 'view', name: 'Nina' }, 3600);
    const first = await call('POST', '/api/conventions/rev/versions', editor, { name: 'Copil du 12 mars' });
    const article = await core.documents.withRoom('rev', (room) => {
      const model = new ConventionDoc(room.doc);
      const id = model.childIds('article')[0]!;
      model.update('article', id, { title: 'Objet revu' });
      return model.read('article', id);
    });

    const opened = await call('GET', `/api/conventions/rev/versions/${first.json.id}`, viewer);
    expect(opened.status).toBe(200);
    expect(opened.json.version).toMatchObject({ id: first.json.id, name: 'Copil du 12 mars' });
    const snapshot = opened.json.snapshot as { articles: Array<{ title: string }> };
    expect(snapshot.articles[0]!.title).not.toBe('Objet revu');
    const current = await call('GET', '/api/conventions/rev/versions/current', viewer);
    expect((current.json.snapshot as { articles: Array<{ title: string }> }).articles[0]!.title).toBe('Objet revu');
    expect((await call('GET', '/api/conventions/rev/versions/inconnue', viewer)).status).toBe(404);

    const diff = await call('GET', `/api/conventions/rev/versions/${first.json.id}/diff/current`, viewer);
    expect(diff.json.counts).toMatchObject({ changed: 1 });
    expect(diff.json.summary).toEqual([
      {
        entity: { kind: 'article', id: expect.any(String) },
        title: { fr: `Article ${article.number}`, en: `Article ${article.number}` },
        fr: `Article ${article.number} : titre « ${snapshot.articles[0]!.title} » → « Objet revu »`,
        en: `Article ${article.number}: title “${snapshot.articles[0]!.title}” → “Objet revu”`,
        texts: [
          {
            field: 'title',
            label: { fr: 'titre', en: 'title' },
            hunks: expect.arrayContaining([{ op: 'insert', text: expect.stringContaining('revu') }]),
          },
        ],
      },
    ]);
  });
});
