// End to end in Chromium: during a Copil one person presents from their browser and another follows; when the
// presenter opens an action, the follower's pane shows that action as their place and their view scrolls to it.
// Screenshots: test-results/presenter.png, test-results/follower.png.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sampleConventionFile } from '../../shared/index.ts';
import { ARTIFACTS, eventually, useE2E } from './harness.ts';

const CONVENTION = 'ctg-e2e-presenter';
const ACTION = 'act-3.2.1';
const e2e = useE2E({ convention: { id: CONVENTION, file: sampleConventionFile() } });

async function openView(party: string, name: string): Promise<Page> {
  const invitation = await e2e.invite(party, 'edit', name);
  const context = await e2e.browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'fr-FR' });
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
    // The Copil controls say who presents (the presence list names her too: only the controls are looked at).
    const controls = follower.locator('ctg-presenter');
    expect(await controls.getByText('Sophie Arnaud présente').count()).toBe(1);
    await follow.click();
    await controls.getByText('Vous suivez Sophie Arnaud').waitFor({ timeout: 5000 });
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
