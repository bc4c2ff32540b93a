// End to end in Chromium: a version named through the API, then a pilot, an indicator target and an article's text
// changed by a Node participant; the browser's Versions tab compares the version with the current text and shows,
// entity by entity, the French sentences the server wrote. Screenshot: test-results/pane-versions-compare.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConventionDoc } from '../../shared/index.ts';
import { negotiatingSampleFile } from '../fixtures/sample.ts';
import { ARTIFACTS, api, ctgToken, eventually, launchChromium, nodeClient, type RunningServer, startServer } from './harness.ts';

interface Invitation {
  token: string;
  link: string;
}

/** The slice of the diff answer this test reads: the per-entity summary when the server sends one, else sentences. */
interface DiffAnswer {
  changes: Array<{ kind: string; id: string; field?: string; text: string }>;
  summary?: Array<{ entity: { kind: string; id: string }; fr: string }>;
}

let server: RunningServer;
let browser: Browser;
let admin: string;
const CONVENTION = 'ctg-e2e-versions';
const NAME = 'Version soumise au Copil du 12 mars';

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer();
  admin = await ctgToken(server, ['--admin']);
  // The sample in negotiation, articles in draft: its text may still change without an avenant.
  await api(server, admin, 'POST', '/api/conventions', { id: CONVENTION, file: negotiatingSampleFile() });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('versions in the browser', () => {
  it('a comparison with the current text shows what changed, in French, entity by entity', async () => {
    const caf = await api<Invitation>(server, admin, 'POST', `/api/conventions/${CONVENTION}/invitations`, { party: 'caf', access: 'edit', name: 'Sophie Arnaud' });
    const version = await api<{ id: string }>(server, caf.token, 'POST', `/api/conventions/${CONVENTION}/versions`, { name: NAME });

    const node = nodeClient(server, CONVENTION, caf.token);
    await node.synced;
    const model = new ConventionDoc(node.doc);
    const body = model.read('article', 'art4').body;
    model.update('action', 'act-2.1.1', { pilotId: 'cd' });
    model.update('indicator', 'i5', { targetValue: 200 });
    model.update('article', 'art4', { body: `${body}\nLe comité de pilotage se réunit deux fois par an.` });

    const path = `/api/conventions/${CONVENTION}/versions/${version.id}/diff/current`;
    const diff = await eventually(async () => {
      const answer = await api<DiffAnswer>(server, caf.token, 'GET', path);
      const entities = new Set(answer.changes.map((c) => `${c.kind}:${c.id}`));
      return entities.has('action:act-2.1.1') && entities.has('indicator:i5') && entities.has('article:art4') && answer;
    }, 5000, 'the server to hold the three changes');
    // What the pane must show: the server's per-entity sentences, or (older servers) its change sentences.
    const expected = diff.summary ? diff.summary.map((s) => s.fr) : diff.changes.map((c) => c.text);
    if (!diff.summary) {
      expect(expected).toContain(`Pilote de l’action 2.1.1 « ${model.read('action', 'act-2.1.1').title} » : « ccvs » → « cd ».`);
      expect(expected).toContain(`Valeur cible de l’indicateur « ${model.read('indicator', 'i5').label} » : 180 → 200.`);
      expect(expected.some((s) => s.startsWith('Texte de l’article 4 « Pilotage et gouvernance » réécrit'))).toBe(true);
    }

    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(caf.link);
    await page.getByRole('tab', { name: 'Versions' }).click();
    const item = page.locator(`li[data-version="${version.id}"]`);
    await item.waitFor({ timeout: 10_000 });
    expect(await item.textContent()).toContain(NAME);
    await item.getByRole('button', { name: 'Comparer avec le texte actuel' }).click();
    const result = page.locator('.diff');
    await result.waitFor({ timeout: 10_000 });
    const shown = ((await result.textContent()) ?? '').replace(/\s+/g, ' ');
    for (const sentence of expected) expect(shown).toContain(sentence.replace(/\s+/g, ' '));
    expect(await page.locator('.entities > li[data-entity="action:act-2.1.1"]').count()).toBe(1);
    expect(await page.locator('.entities > li[data-entity="indicator:i5"]').count()).toBe(1);
    expect(await page.locator('.entities > li[data-entity="article:art4"]').count()).toBe(1);
    if (diff.summary) expect(await result.locator('ins').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, 'pane-versions-compare.png') });
    await result.screenshot({ path: join(ARTIFACTS, 'pane-versions-diff.png') });

    // The version read only in the view: the server's copy, a banner, the way back; its pilot is still the old one.
    await page.goto(`${caf.link}&version=${encodeURIComponent(version.id)}`);
    const banner = page.locator('.ctg-version-banner').first();
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.textContent()).toContain(`Version « ${NAME} » du`);
    expect(await banner.textContent()).toContain('lecture seule');
    await page.waitForSelector('[data-tag="ctg:action:act-2.1.1:pilotId"]');
    expect(await page.locator('[data-tag="ctg:action:act-2.1.1:pilotId"]').inputValue()).toBe('ccvs');
    expect(await page.locator('[contenteditable]').count()).toBe(0);
    const chart = page.locator('ctg-indicator-chart[data-chart="indicator:i5"]');
    expect(await chart.locator('svg[role="img"]').getAttribute('aria-label')).toContain('cible 180 jeunes en 2029');
    await chart.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'view-version-readonly.png') });
    node.provider.destroy();
    await context.close();
  }, 60_000);
});

