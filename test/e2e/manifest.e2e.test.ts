// The manifest as the running server hands it out: every URL in it resolves (task pane, icons, home page), and
// the task pane page loads office.js from the server itself.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { manifestUrls } from '../support/manifest.ts';
import { type RunningServer, startServer } from './harness.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

it('every URL of the served manifest resolves against the running server', async () => {
  const xml = await (await fetch(`${server.url}/manifest.xml`)).text();
  const urls = manifestUrls(xml.replaceAll(server.url, 'https://served'));
  expect(urls.length).toBeGreaterThan(4);
  for (const url of urls) {
    const response = await fetch(url.replace('https://served', server.url));
    expect(response.status, url).toBe(200);
  }
});

it('serves office.js from the installed package, so the pane needs no internet', async () => {
  const page = await (await fetch(`${server.url}/app/taskpane/index.html`)).text();
  expect(page).toContain('/office/office.js');
  const office = await fetch(`${server.url}/office/office.js`);
  expect(office.status).toBe(200);
  expect((await office.text()).length).toBeGreaterThan(10_000);
});
