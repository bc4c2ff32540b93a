// The export and import routes in-process: every format with its media type and file name, a named version, view
// access enough to export, the LibreOffice message, the import preview (edit access) that changes nothing; and
// `ctg export` on a data folder.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readSnapshot, sampleConventionFile } from '../../shared/index.ts';
import { main } from '../cli.ts';
import { buildXlsx } from '../export/xlsx.ts';
import { createCore } from '../server.ts';
import { createMemoryStorage } from '../storage/memory.ts';

const secret = new TextEncoder().encode('secret de test des exports');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function setup(core = createCore({ storage: createMemoryStorage(), secret, publicUrl: 'http://ctg.test' })) {
  const admin = await core.auth.issue({ kind: 'admin', name: 'Admin' }, 3600);
  await core.app.request('/api/conventions', {
    method: 'POST',
    headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ id: 'sorlaine', file: sampleConventionFile() }),
  });
  const token = (access: 'edit' | 'view') => core.auth.issue({ kind: 'participant', convention: 'sorlaine', party: 'caf', access, name: 'Alice' }, 3600);
  return { core, token };
}

describe('export and import routes', () => {
  it('exports docx, xlsx and json with view access; without format, /export stays the convention file', async () => {
    const { core, token } = await setup();
    const auth = { Authorization: `Bearer ${await token('view')}` };
    for (const [format, type] of [
      ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ] as const) {
      const res = await core.app.request(`/api/conventions/sorlaine/export?format=${format}`, { headers: auth });
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Type')).toBe(type);
      expect(res.headers.get('Content-Disposition')).toBe(`attachment; filename="sorlaine.${format}"`);
      const body = new Uint8Array(await res.arrayBuffer());
      expect(Number(res.headers.get('Content-Length'))).toBe(body.length);
    }
    const json = await core.app.request('/api/conventions/sorlaine/export?format=json', { headers: auth });
    expect(await json.json()).toMatchObject({ format: 'concerto-ctg/1', convention: { convention: { id: 'sorlaine' } } });
    const file = await core.app.request('/api/conventions/sorlaine/export', { headers: auth });
    expect(file.headers.get('Content-Disposition')).toBeNull();
    expect(await file.json()).toMatchObject({ format: 'concerto-ctg/1' });
    const bad = await core.app.request('/api/conventions/sorlaine/export?format=odt', { headers: auth });
    expect(bad.status).toBe(400);
    expect((await core.app.request('/api/conventions/sorlaine/export?format=docx')).status).toBe(401);
  });

  it('exports a named version by its name, and says which names exist otherwise', async () => {
    const { core, token } = await setup();
    const edit = { Authorization: `Bearer ${await token('edit')}`, 'Content-Type': 'application/json' };
    await core.app.request('/api/conventions/sorlaine/versions', { method: 'POST', headers: edit, body: JSON.stringify({ name: 'Copil du 12 mars' }) });
    const ok = await core.app.request(`/api/conventions/sorlaine/export?format=json&version=${encodeURIComponent('Copil du 12 mars')}`, { headers: edit });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('Content-Disposition')).toBe('attachment; filename="sorlaine-copil-du-12-mars.json"');
    const missing = await core.app.request('/api/conventions/sorlaine/export?format=docx&version=Bureau', { headers: edit });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toBe('Version « Bureau » inconnue. Versions enregistrées : « Copil du 12 mars ».');
  });

  it('answers 503 with the install message when LibreOffice is missing', async () => {
    const { core, token } = await setup();
    const saved = process.env.CTG_SOFFICE;
    process.env.CTG_SOFFICE = '/nonexistent/soffice';
    try {
      const res = await core.app.request('/api/conventions/sorlaine/export?format=pdf', { headers: { Authorization: `Bearer ${await token('view')}` } });
      expect(res.status).toBe(503);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('libreoffice_missing');
      expect(body.error.message).toMatch(/^LibreOffice est nécessaire pour produire un PDF/);
    } finally {
      if (saved === undefined) delete process.env.CTG_SOFFICE;
      else process.env.CTG_SOFFICE = saved;
    }
  });

  it('previews an import (edit access) without changing the convention', async () => {
    const { core, token } = await setup();
    const before = await core.documents.withRoom('sorlaine', (room) => Y.encodeStateVector(room.doc));
    const bytes = await core.documents.withRoom('sorlaine', (room) => buildXlsx(readSnapshot(room.doc), { year: 2026 }));
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(bytes)]), 'plan.xlsx');
    const res = await core.app.request('/api/conventions/sorlaine/imports/xlsx?today=2026-06-01', { method: 'POST', headers: { Authorization: `Bearer ${await token('edit')}` }, body: form });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ needsMapping: false, canApply: true, ops: [] });
    expect(await core.documents.withRoom('sorlaine', (room) => Y.encodeStateVector(room.doc))).toEqual(before);
    const view = await core.app.request('/api/conventions/sorlaine/imports/xlsx', { method: 'POST', headers: { Authorization: `Bearer ${await token('view')}` }, body: form });
    expect(view.status).toBe(403);
    const junk = await core.app.request('/api/conventions/sorlaine/imports/xlsx', { method: 'POST', headers: { Authorization: `Bearer ${await token('edit')}` }, body: 'pas un classeur' });
    expect(junk.status).toBe(400);
    expect(((await junk.json()) as { error: { message: string } }).error.message).toMatch(/n'est pas un classeur Excel/);
  });

  it('refuses an oversized upload (413) and a workbook declaring more than 50 Mo once decompressed, before opening it', async () => {
    const { core, token } = await setup();
    const post = async (body: BodyInit) =>
      core.app.request('/api/conventions/sorlaine/imports/xlsx', { method: 'POST', headers: { Authorization: `Bearer ${await token('edit')}` }, body });
    const big = await post(new Uint8Array(11 * 1024 * 1024));
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { message: string } }).error.message).toMatch(/^Classeur trop volumineux \(10 Mo au plus\)/);
    const bomb = await post(new Uint8Array(zipDeclaring([40 * 1024 * 1024, 20 * 1024 * 1024])));
    expect(bomb.status).toBe(413);
    expect(((await bomb.json()) as { error: { message: string } }).error.message).toMatch(/une fois décompressé, il dépasserait 50 Mo/);
    const broken = await post(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]));
    expect(broken.status).toBe(400);
  });

  it('ctg export writes the file from the data folder, or names the conventions it knows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctg-export-'));
    dirs.push(dir);
    const core = createCore({ dataDir: dir, secret });
    await setup(core);
    await core.shutdown();
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
    const file = join(dir, 'plan.xlsx');
    expect(await main(['export', '--convention', 'sorlaine', '--format', 'xlsx', '-o', file, '--data', dir], io)).toBe(0);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    expect(out[0]).toMatch(/^Écrit : .*plan\.xlsx \(\d+ Ko, \d+\.\d s\)$/);
    expect(err[0]).toMatch(/^Lecture de la convention… \(/);
    expect(await main(['export', '--convention', 'autre', '--format', 'docx', '--data', dir], io)).toBe(1);
    expect(err.at(-1)).toBe('Convention « autre » inconnue dans ce dossier de données (conventions : sorlaine) : vérifiez --convention et --data.');
    expect(await main(['export', '--convention', 'sorlaine', '--format', 'odt', '--data', dir], io)).toBe(2);
  });
});

/** A zip's central directory and end record only, declaring entries of these uncompressed sizes (a zip bomb's shape). */
function zipDeclaring(sizes: readonly number[]): Uint8Array {
  const entries = sizes.map((size, i) => {
    const name = new TextEncoder().encode(`xl/sheet${i}.xml`);
    const entry = new Uint8Array(46 + name.length);
    const view = new DataView(entry.buffer);
    view.setUint32(0, 0x02014b50, true);
    view.setUint32(20, 1000, true);
    view.setUint32(24, size, true);
    view.setUint16(28, name.length, true);
    entry.set(name, 46);
    return entry;
  });
  const directory = entries.reduce((sum, e) => sum + e.length, 0);
  const end = new Uint8Array(22);
  const view = new DataView(end.buffer);
  view.setUint32(0, 0x06054b50, true);
  view.setUint16(8, sizes.length, true);
  view.setUint16(10, sizes.length, true);
  view.setUint32(12, directory, true);
  view.setUint32(16, 0, true);
  const out = new Uint8Array(directory + 22);
  let at = 0;
  for (const e of entries) {
    out.set(e, at);
    at += e.length;
  }
  out.set(end, at);
  return out;
}
