// The task pane page in a plain top-level window (how Office's framed page is tested outside Office): join with a
// link, see the convention's structure and who is here. Screenshot in test-results/.
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { sampleConventionFile } from '../../shared/index.ts';
import { ARTIFACTS, useE2E } from './harness.ts';

const e2e = useE2E({ convention: { id: 'ctg-pane', file: sampleConventionFile() } });

it('joins a convention from a pasted link and shows its plan', async () => {
  const server = e2e.server;
  const { link } = await e2e.invite('caf', 'comment', 'Sophie Arnaud');
  const page = await (await e2e.browser.newContext({ viewport: { width: 380, height: 900 }, locale: 'fr-FR' })).newPage();
  await page.goto(`${server.url}/app/taskpane/index.html`);
  await page.locator('#join-link').fill('pas un lien');
  await page.getByRole('button', { name: /Rejoindre/ }).click();
  expect(await page.getByRole('alert').count()).toBeGreaterThan(0);
  await page.locator('#join-link').fill(link);
  await page.getByRole('button', { name: /Rejoindre/ }).click();
  await page.getByText('Connecté').waitFor({ timeout: 10_000 });
  await page.getByText(/Déployer un accueil jeunes itinérant/).first().waitFor();
  expect(await page.getByRole('tab', { name: /Ajouter/ }).count()).toBe(0); // comment access: no structure forms
  await page.screenshot({ path: join(ARTIFACTS, 'taskpane.png') });
  await page.reload();
  await page.getByText('Connecté').waitFor({ timeout: 10_000 }); // remembered for this document
  await page.context().close();
});
