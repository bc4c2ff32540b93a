// The manifest as the running server hands it out: every URL in it resolves (task pane, icons, home page), and
// the task pane page loads office.js from the server itself.
import { expect, it } from 'vitest';
import { manifestUrls } from '../support/manifest.ts';
import { useE2E } from './harness.ts';

const e2e = useE2E({ browser: false });

it('every URL of the served manifest resolves against the running server', async () => {
  const xml = await (await fetch(`${e2e.server.url}/manifest.xml`)).text();
  const urls = manifestUrls(xml.replaceAll(e2e.server.url, 'https://served'));
  expect(urls.length).toBeGreaterThan(4);
  for (const url of urls) {
    const response = await fetch(url.replace('https://served', e2e.server.url));
    expect(response.status, url).toBe(200);
  }
});

it('serves office.js from the installed package, so the pane needs no internet', async () => {
  const page = await (await fetch(`${e2e.server.url}/app/taskpane/index.html`)).text();
  expect(page).toContain('/office/office.js');
  const office = await fetch(`${e2e.server.url}/office/office.js`);
  expect(office.status).toBe(200);
  expect((await office.text()).length).toBeGreaterThan(10_000);
});
