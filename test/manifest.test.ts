// The add-in manifest, checked offline: it parses as Office reads it, names Word and Excel, speaks French first,
// and every URL points at the Concerto server's pages (the e2e suite checks they resolve on a running server).
import { readFileSync } from 'node:fs';
import { OfficeAddinManifest } from 'office-addin-manifest';
import { expect, it } from 'vitest';
import { manifestUrls } from './support/manifest.ts';

const MANIFEST = new URL('../manifest.xml', import.meta.url).pathname;

it('parses as Office reads it, for Word and Excel, in French first', async () => {
  const manifest = await OfficeAddinManifest.readManifestFile(MANIFEST);
  expect(manifest.hosts).toEqual(['Document', 'Workbook']);
  expect(manifest.defaultLocale).toBe('fr-FR');
  expect(manifest.displayName).toMatch(/Concerto/);
  expect(manifest.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
});

it('declares no requirement set in the base manifest (checked at run time instead)', () => {
  const xml = readFileSync(MANIFEST, 'utf8');
  expect(xml).not.toMatch(/<Requirements>/);
});

it('points every URL at the task pane, the icons or the home page of the Concerto server', () => {
  const urls = manifestUrls(readFileSync(MANIFEST, 'utf8'));
  expect(urls.length).toBeGreaterThan(4);
  for (const url of urls) expect(url).toMatch(/^https:\/\/localhost:8787\/(app\/(taskpane\/index\.html|assets\/icon-\d+\.png))?$/);
});
