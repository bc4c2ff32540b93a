// End to end in Chromium: during a Copil one person presents from their browser and another follows; when the
// presenter opens an action, the follower's pane shows that action as their place and their view scrolls to it.
// Screenshots: test-results/presenter.png, test-results/follower.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleConventionFile } from '../../shared/index.ts';
import { ARTIFACTS, api, ctgToken, eventually, launchChromium, type RunningServer, startServer } from './harness.ts';

interface Invitation {
  token: string;
  link: string;
}

let server: RunningServer;
let browser: Browser;
let admin: string;
const CONVENTION = 'ctg-e2e-presenter';
const ACTION = 'act-3.2.1';

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer();
  admin = await ctgToken(server, ['--admin']);
  await api(server, admin, 'POST', '/api/conventions', { id: CONVENTION, file: sampleConventionFile() });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openView(party: string, name: string): Promise<Page> {
  const invitation = await api<Invitation>(server, admin, 'POST', `/api/conventions/${CONVENTION}/invitations`, { party, access: 'edit', name });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto(invitation.link);
  await page.waitForSelector(`[data-tag="ctg:action:${ACTION}:title"]`, { timeout: 15_000 });
  return page;
}

/** The element's box overlaps the window (it was scrolled into view). */
const inViewport = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight;
  });

describe('following the presenter', () => {
  it('a follower’s pane and view move to the section the presenter opens', async () => {
    const [presenter, follower] = [await openView('caf', 'Sophie Arnaud'), await openView('ccvs', 'Thomas Girard')];
    await presenter.getByRole('button', { name: 'Présenter', exact: true }).click();
    const follow = follower.getByRole('button', { name: 'Suivre Sophie Arnaud' });
    await follow.waitFor({ timeout: 5000 });
    await follow.click();
    expect(await follower.getByText('Sophie Arnaud présente').count()).toBeGreaterThan(0);
    expect(await inViewport(follower, `[id="action-${ACTION}"]`)).toBe(false);

    // The presenter opens the action from their pane's plan.
    await presenter.locator(`ctg-navigator button.item[data-kind="action"][data-id="${ACTION}"]`).click();

    const current = follower.locator(`ctg-navigator button.item[data-kind="action"][data-id="${ACTION}"][aria-current="location"]`);
    await eventually(async () => (await current.count()) === 1, 5000, 'the follower’s pane to show the action as their place');
    await eventually(() => inViewport(follower, `[id="action-${ACTION}"]`), 5000, 'the follower’s view to scroll to the action');
    expect(await follower.getByText('Vous suivez Sophie Arnaud (Action 3.2.1).').count()).toBe(1);
    await presenter.screenshot({ path: join(ARTIFACTS, 'presenter.png') });
    await follower.screenshot({ path: join(ARTIFACTS, 'follower.png') });
    await presenter.context().close();
    await follower.context().close();
  }, 60_000);
});
