// End to end in Chromium: a version named through the API, then a pilot, an indicator target and an article's text
// changed by a Node participant; the browser's Versions tab compares the version with the current text and shows,
// entity by entity, the French sentences the server wrote. Screenshot: test-results/pane-versions-compare.png.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConventionDoc } from '../../shared/index.ts';
import { negotiatingSampleFile } from '../fixtures/sample.ts';
import { ARTIFACTS, api, eventually, nodeClient, useE2E } from './harness.ts';

/** The slice of the diff answer this test reads: what changed, and the server's sentence per entity. */
interface DiffAnswer {
  changes: Array<{ kind: string; id: string; field?: string; text: string }>;
  summary?: Array<{ entity: { kind: string; id: string }; fr: string }>;
}

const CONVENTION = 'ctg-e2e-versions';
const NAME = 'Version soumise au Copil du 12 mars';
// The sample in negotiation, articles in draft: its text may still change without an avenant.
const e2e = useE2E({ convention: { id: CONVENTION, file: negotiatingSampleFile() } });

describe('versions in the browser', () => {
  it('a comparison with the current text shows what changed, in French, entity by entity', async () => {
    const server = e2e.server;
    const caf = await e2e.invite('caf', 'edit', 'Sophie Arnaud');
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
    // What the pane must show: the server's sentence per entity, one per changed entity.
    const summary = diff.summary;
    if (!summary) throw new Error('the diff has no per-entity summary');
    expect(summary.map((s) => `${s.entity.kind}:${s.entity.id}`).sort()).toEqual(['action:act-2.1.1', 'article:art4', 'indicator:i5']);
    const expected = summary.map((s) => s.fr);
    expect(expected).toContain('Action 2.1.1 : pilote Communauté de communes du Val de Sorlaine → Département de la Sorlaine');

    const context = await e2e.browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'fr-FR' });
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
    expect(await result.locator('ins').count()).toBeGreaterThan(0);
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
    // The chart is read once, as its visible sentence (the picture itself is hidden from screen readers).
    expect(await chart.locator('.summary').textContent()).toContain('cible 180 jeunes en 2029');
    expect(await chart.locator('svg').getAttribute('aria-hidden')).toBe('true');
    await chart.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'view-version-readonly.png') });
    node.provider.destroy();
    await context.close();
  }, 60_000);
});

