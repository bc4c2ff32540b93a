// Versions over the HTTP API in-process: open one read-only, compare two with a summary per entity.
import { describe, expect, it } from 'vitest';
import { ConventionDoc, readSnapshot } from '../../shared/index.ts';
import * as Y from 'yjs';
import { createMemoryBus } from '../bus/memory.ts';
import { createCore } from '../server.ts';
import { createMemoryStorage } from '../storage/memory.ts';
import { droppingBus } from '../sync/test-support.ts';

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

  it('records what every instance stored, even an update this instance has not received yet', async () => {
    const storage = createMemoryStorage();
    // The bus between the two instances loses every message: only the shared storage tells one of the other's edits.
    const bus = droppingBus(createMemoryBus(), () => true);
    const a = createCore({ storage, bus, secret, publicUrl: 'http://a.ctg.test', resyncMs: 0 });
    const b = createCore({ storage, bus, secret, publicUrl: 'http://b.ctg.test', resyncMs: 0 });
    const admin = await a.auth.issue({ kind: 'admin', name: 'Admin' }, 3600);
    await a.app.request('/api/conventions', {
      method: 'POST',
      headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: 'multi' }),
    });
    const editor = await a.auth.issue({ kind: 'participant', convention: 'multi', party: 'caf', access: 'edit', name: 'Claire' }, 3600);
    await b.documents.withRoom('multi', async (roomB) => {
      await a.documents.withRoom('multi', async (roomA) => {
        const model = new ConventionDoc(roomA.doc);
        model.update('article', model.childIds('article')[0]!, { title: 'Titre posé sur l’instance A' });
        await a.writer.flush();
      });
      expect(readSnapshot(roomB.doc).articles[0]!.title).not.toBe('Titre posé sur l’instance A');

      const res = await b.app.request('/api/conventions/multi/versions', {
        method: 'POST',
        headers: { Authorization: `Bearer ${editor}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'Copil du 12 mars' }),
      });
      expect(res.status).toBe(201);
      const { id } = (await res.json()) as { id: string };
      const version = (await storage.getVersion('multi', id))!;
      expect(version.seq).toBe(await storage.lastSeq('multi'));
      const doc = new Y.Doc();
      Y.applyUpdate(doc, version.state);
      expect(readSnapshot(doc).articles[0]!.title).toBe('Titre posé sur l’instance A');
      // The current version, as B serves it, holds the edit too: comparing the two shows no difference.
      const diff = await b.app.request(`/api/conventions/multi/versions/${id}/diff/current`, { headers: { Authorization: `Bearer ${editor}` } });
      expect(((await diff.json()) as { counts: Record<string, number> }).counts).toMatchObject({ changed: 0, added: 0, removed: 0 });
    });
    await Promise.all([a.shutdown(), b.shutdown()]);
  });
});
