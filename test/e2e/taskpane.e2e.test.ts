// The task pane page in a plain top-level window (how Office's framed page is tested outside Office): join with a
// link, see the convention's structure and who is here. Screenshot in test-results/.
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sampleConventionFile } from '../../shared/index.ts';
import { ARTIFACTS, api, ctgToken, launchChromium, type RunningServer, startServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it('joins a convention from a pasted link and shows its plan', async () => {
  const admin = await ctgToken(server, ['--admin']);
  await api(server, admin, 'POST', '/api/conventions', { id: 'ctg-pane', file: sampleConventionFile() });
  const { link } = await api<{ link: string }>(server, admin, 'POST', '/api/conventions/ctg-pane/invitations', { party: 'caf', access: 'comment', name: 'Sophie Arnaud' });
  const page = await (await browser.newContext({ viewport: { width: 380, height: 900 }, locale: 'fr-FR' })).newPage();
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
