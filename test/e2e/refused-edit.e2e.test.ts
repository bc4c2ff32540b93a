// End to end in Debian's Chromium: an editor types into an article while, unknown to her browser, every signatory has
// just validated it (the server's messages to her page are held back by a WebSocket route). The server refuses the
// change; her copy — the offline one in IndexedDB included — still holds it, a plain reload brings it back, and
// « Reprendre la version du serveur » gives her the text everyone else sees.
import { join } from 'node:path';
import type { Page, WebSocketRoute } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ConventionDoc, currentReview, recordSignoff } from '../../shared/index.ts';
import { negotiatingSampleFile } from '../fixtures/sample.ts';
import { ARTIFACTS, eventually, nodeClient, useE2E } from './harness.ts';

const CONVENTION = 'ctg-e2e-refus';
const LATE = ' Ajout tapé trop tard.';
const e2e = useE2E({ convention: { id: CONVENTION, file: negotiatingSampleFile() } });

/** Every signatory validates the article from Node: on the server, it is locked. */
async function lockArticle(article: string): Promise<() => void> {
  const people = [
    { party: 'caf', name: 'Hélène Marchal', access: 'edit' as const },
    { party: 'ccvs', name: 'Thomas Girard', access: 'edit' as const },
    { party: 'cd', name: 'Nadia Cherif', access: 'edit' as const },
    { party: 'msa', name: 'Jean-Marc Leroy', access: 'comment' as const },
  ];
  const clients = await Promise.all(
    people.map(async (person) => {
      const client = nodeClient(e2e.server, CONVENTION, (await e2e.invite(person.party, person.access, person.name)).token);
      await client.synced;
      return { ...person, client };
    }),
  );
  const subject = { kind: 'article', id: article } as const;
  const contextOf = ({ client, name, party, access }: (typeof clients)[number]) => ({
    model: new ConventionDoc(client.doc),
    actor: { name, party },
    access,
  });
  recordSignoff(contextOf(clients[0]!), subject, 'propose');
  for (const person of clients) {
    const ctx = contextOf(person);
    await eventually(() => currentReview(ctx.model).signoff(subject).stage !== 'brouillon', 3000, `${person.party} to see the proposal`);
    recordSignoff(ctx, subject, 'validate');
  }
  const watcher = new ConventionDoc(clients[0]!.client.doc);
  await eventually(() => currentReview(watcher).signoff(subject).stage === 'valide', 3000, 'the article to be agreed');
  return () => {
    for (const { client } of clients) client.provider.destroy();
  };
}

const bodyOf = (page: Page, article: string) => page.locator(`[data-tag="ctg:article:${article}:body"]`);
const refusal = (page: Page) => page.locator('ctg-status [data-problem="write-refused"]');

/**
 * A browser context whose pages get what the server sends only while `holding` is false, as on a slow link at the
 * wrong moment; one of its pages on the convention's live view.
 */
async function heldBackBrowser(article: string) {
  const context = await e2e.browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'fr-FR' });
  const link = { holding: false };
  const held: Array<() => void> = [];
  await context.routeWebSocket(/\/sync\//, (page: WebSocketRoute) => {
    const server = page.connectToServer();
    page.onMessage((message) => server.send(message));
    server.onMessage((message) => (link.holding ? held.push(() => page.send(message)) : page.send(message)));
  });
  const invitation = await e2e.invite('caf', 'edit', 'Sophie Arnaud');
  const open = async () => {
    const page = await context.newPage();
    await page.goto(invitation.link);
    await bodyOf(page, article).waitFor({ timeout: 15_000 });
    return page;
  };
  const release = () => {
    link.holding = false;
    for (const send of held.splice(0)) send();
  };
  return { context, link, open, release };
}

/** Types into the article while the server's messages are held back and the article gets locked; then lets them in. */
async function typeTooLate(article: string) {
  const browser = await heldBackBrowser(article);
  const page = await browser.open();
  const original = ((await bodyOf(page, article).textContent()) ?? '').trim();
  browser.link.holding = true;
  const closeSignatories = await lockArticle(article);
  await bodyOf(page, article).click();
  await page.keyboard.press('End');
  await page.keyboard.type(LATE);
  const observer = nodeClient(e2e.server, CONVENTION, (await e2e.invite('cd', 'view', 'Observateur')).token);
  await observer.synced;
  // The server never took it: no one else will ever see it.
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(new ConventionDoc(observer.doc).read('article', article).body).not.toContain(LATE.trim());
  browser.release();
  await refusal(page).waitFor({ timeout: 5000 });
  expect(await refusal(page).textContent()).toContain('Modification refusée par le serveur');
  expect(await bodyOf(page, article).textContent()).toContain(LATE.trim());
  const done = async () => {
    observer.provider.destroy();
    closeSignatories();
    await browser.context.close();
  };
  return { ...browser, page, original, done };
}

/** The page shows the server's text, locked, and no refusal. */
async function showsServerText(page: Page, article: string, original: string) {
  await eventually(
    async () => (await bodyOf(page, article).count()) > 0 && !((await bodyOf(page, article).textContent()) ?? '').includes(LATE.trim()),
    15_000,
    'the server’s text',
  );
  expect((await bodyOf(page, article).textContent())?.trim()).toBe(original);
  await page.locator(`[data-tag="ctg:article:${article}:body"].ctg-locked`).waitFor({ timeout: 5000 });
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(await refusal(page).count()).toBe(0);
}

describe('a change the server refused', () => {
  it('stays in the browser’s copy until « Reprendre la version du serveur » takes the server’s again', async () => {
    const { page, original, done } = await typeTooLate('art3');
    await page.screenshot({ path: join(ARTIFACTS, 'refused-edit.png') });
    // The server can take nothing more from this copy: typing elsewhere is put back at once, and the page says why.
    const elsewhere = bodyOf(page, 'art1');
    const before = await elsewhere.textContent();
    await elsewhere.click();
    await page.keyboard.type(' perdu');
    await page.getByText('Votre copie diffère de la convention depuis une modification refusée').first().waitFor({ timeout: 5000 });
    await eventually(async () => (await elsewhere.textContent()) === before, 5000, 'the typing to be put back');
    // A plain reload does not help: the copy kept on this device holds the change, and the server refuses it again.
    await page.reload();
    await bodyOf(page, 'art3').waitFor({ timeout: 15_000 });
    await eventually(async () => ((await bodyOf(page, 'art3').textContent()) ?? '').includes(LATE.trim()), 5000, 'the offline copy to bring the change back');
    await refusal(page).waitFor({ timeout: 5000 });

    await page.locator('ctg-status button[data-act="reload"]').click();
    await showsServerText(page, 'art3', original);
    await done();
  }, 60_000);

  it('another tab on the convention, which shares the device’s copy, shows the server’s text once reloaded', async () => {
    const { page, open, original, done } = await typeTooLate('art4');
    const other = await open();
    await eventually(async () => ((await bodyOf(other, 'art4').textContent()) ?? '').includes(LATE.trim()), 5000, 'the shared copy in the other tab');
    await page.locator('ctg-status button[data-act="reload"]').click();
    await showsServerText(page, 'art4', original);
    await other.reload();
    await showsServerText(other, 'art4', original);
    await done();
  }, 60_000);

  it('another person’s link opened in the same browser starts from the server’s text, not from this copy', async () => {
    const { context, original, done } = await typeTooLate('art5');
    const other = await context.newPage();
    await other.goto((await e2e.invite('ccvs', 'edit', 'Thomas Girard')).link);
    await bodyOf(other, 'art5').waitFor({ timeout: 15_000 });
    await showsServerText(other, 'art5', original);
    await done();
  }, 60_000);
});
