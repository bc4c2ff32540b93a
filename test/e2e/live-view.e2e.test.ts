// End to end in Debian's Chromium: the live view served by a real `ctg serve`, two people in two browser contexts
// and a Node participant with the stock y-websocket client. Screenshots land in test-results/ to be looked at.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ConventionDoc, readSnapshot } from '../../shared/index.ts';
import { negotiatingSampleFile } from '../fixtures/sample.ts';
import { ARTIFACTS, eventually, type Invitation, nodeClient, startServer, useE2E } from './harness.ts';

const CONVENTION = 'ctg-e2e';
const ACTION = 'act-2.1.1';
const e2e = useE2E({ convention: { id: CONVENTION, file: negotiatingSampleFile() } });
const invite = e2e.invite;

async function openView(invitation: Invitation): Promise<Page> {
  const context = await e2e.browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto(invitation.link);
  await page.waitForSelector(`[data-tag="ctg:action:${ACTION}:title"]`, { timeout: 15_000 });
  return page;
}

const field = (page: Page, tag: string) => page.locator(`[data-tag="${tag}"]`);

describe('the live convention in the browser', () => {
  it('an edit typed in one browser appears in the other and in a Node client within a second', async () => {
    const [caf, ccvs] = await Promise.all([invite('caf', 'edit', 'Sophie Arnaud'), invite('ccvs', 'edit', 'Thomas Girard')]);
    const [first, second] = await Promise.all([openView(caf), openView(ccvs)]);
    const node = nodeClient(e2e.server, CONVENTION, caf.token);
    await node.synced;
    const tag = `ctg:action:${ACTION}:title`;
    const title = field(first, tag);
    await title.click();
    await first.keyboard.press('End');
    const started = Date.now();
    await first.keyboard.type(' (itinérant)');
    await eventually(async () => ((await field(second, tag).textContent()) ?? '').endsWith('(itinérant)'), 1000, 'the other browser');
    await eventually(() => new ConventionDoc(node.doc).read('action', ACTION).title.endsWith('(itinérant)'), 1000, 'the Node client');
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(2000);
    await first.screenshot({ path: join(ARTIFACTS, 'view-editor.png') });
    node.provider.destroy();
    await first.context().close();
    await second.context().close();
  }, 60_000);

  it('a view participant cannot edit, and sees changes live', async () => {
    const viewer = await openView(await invite('msa', 'view', 'Jean-Marc Leroy'));
    expect(await viewer.locator('[contenteditable]').count()).toBe(0);
    expect(await viewer.locator('select[data-tag]:not([disabled])').count()).toBe(0);
    const editor = nodeClient(e2e.server, CONVENTION, (await invite('caf', 'edit', 'Hélène Marchal')).token);
    await editor.synced;
    new ConventionDoc(editor.doc).update('action', ACTION, { description: 'Un véhicule aménagé, deux animateurs, six communes.' });
    await eventually(async () => (await field(viewer, `ctg:action:${ACTION}:description`).textContent()) === 'Un véhicule aménagé, deux animateurs, six communes.', 2000, 'the viewer');
    await viewer.screenshot({ path: join(ARTIFACTS, 'view-readonly.png') });
    editor.provider.destroy();
    await viewer.context().close();
  }, 60_000);

  it('the validation panel shows an action that lost its pilot, and clicking the finding goes to it', async () => {
    const page = await openView(await invite('caf', 'edit', 'Sophie Arnaud'));
    await page.locator(`select[data-tag="ctg:action:${ACTION}:pilotId"]`).selectOption('');
    await page.getByRole('tab', { name: /Vérifications/ }).click();
    const finding = page.locator(`button[data-rule="action-pilot-missing"][data-id="${ACTION}"]`);
    await finding.waitFor({ timeout: 3000 });
    await page.screenshot({ path: join(ARTIFACTS, 'pane-findings.png') });
    await finding.click();
    const card = page.locator(`[id="action-${ACTION}"]`);
    await eventually(async () => card.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight + box.height;
    }), 3000, 'the action to be scrolled into view');
    await page.locator(`select[data-tag="ctg:action:${ACTION}:pilotId"]`).selectOption('ccvs');
    await finding.waitFor({ state: 'detached', timeout: 3000 });
    await page.context().close();
  }, 60_000);

  it('edits made while the connection is lost merge when it returns', async () => {
    const page = await openView(await invite('ccvs', 'edit', 'Thomas Girard'));
    await e2e.server.stop({ keepData: true });
    await eventually(async () => (await page.getByText(/hors ligne/i).count()) > 0, 10_000, 'the pane to say offline');
    const tag = `ctg:action:${ACTION}:public`;
    await field(page, tag).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' et leurs familles');
    await eventually(async () => (await page.getByText(/en attente d'envoi/i).count()) > 0, 5000, 'the pane to count pending changes');
    await page.screenshot({ path: join(ARTIFACTS, 'view-offline.png') });
    e2e.replaceServer(await startServer(e2e.server));
    const node = nodeClient(e2e.server, CONVENTION, (await invite('caf', 'edit', 'Sophie Arnaud')).token);
    await node.synced;
    await eventually(() => readSnapshot(node.doc).axes[1]?.objectives[0]?.actions[0]?.public.endsWith('et leurs familles'), 15_000, 'the offline edit to reach the server');
    await eventually(async () => (await page.getByText(/en attente d'envoi/i).count()) === 0, 10_000, 'the pending count to clear');
    node.provider.destroy();
    await page.context().close();
  }, 60_000);

  it('the home page lists conventions and hands out join links', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${e2e.server.url}/?token=${e2e.admin}`);
    await page.getByText(CONVENTION).waitFor({ timeout: 5000 });
    const row = page.locator(`li.convention[data-id="${CONVENTION}"]`);
    await row.locator('input[name="party"]').fill('cd');
    await row.locator('input[name="name"]').fill('Nadia Cherif');
    await row.getByRole('button', { name: "Créer un lien d'accès" }).click();
    const link = await row.locator('input.link-text').first().inputValue();
    expect(link).toMatch(new RegExp(`/view/${CONVENTION}\\?token=`));
    await page.screenshot({ path: join(ARTIFACTS, 'home.png') });
    await context.close();
  }, 60_000);
});
