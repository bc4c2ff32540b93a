// End to end in Debian's Chromium: two parties sign off an article in the « Revue » tab of two browsers, the two
// other signatories validate it from Node clients; the article then reads « Validé » and « Verrouillé » in both
// browsers, and its text is read-only there. Screenshots land in test-results/.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ConventionDoc, currentReview, recordSignoff } from '../../shared/index.ts';
import { negotiatingSampleFile } from '../fixtures/sample.ts';
import { ARTIFACTS, eventually, type Invitation, nodeClient, useE2E } from './harness.ts';

const CONVENTION = 'ctg-e2e-revue';
const ARTICLE = 'art3';
const e2e = useE2E({ convention: { id: CONVENTION, file: negotiatingSampleFile() } });
const invite = e2e.invite;

/** Opens the live view, goes to the « Revue » tab and chooses the article in its overview. */
async function openReview(invitation: Invitation): Promise<Page> {
  const context = await e2e.browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto(invitation.link);
  await page.waitForSelector(`[data-tag="ctg:article:${ARTICLE}:body"]`, { timeout: 15_000 });
  await page.getByRole('tab', { name: /Revue/ }).click();
  await page.locator(`ctg-signoff-list button[data-id="${ARTICLE}"]`).click();
  await page.locator(`section.part ctg-signoff section[data-id="${ARTICLE}"]`).waitFor({ timeout: 5000 });
  return page;
}

const signoff = (page: Page) => page.locator(`section.part ctg-signoff section[data-id="${ARTICLE}"]`);
const act = (page: Page, name: string) => page.locator(`section.part ctg-signoff button[data-act="${name}"]`);

describe('sign-off in the review tab', () => {
  it('two parties sign off an article in two browsers, the others from Node; it locks in both browsers', async () => {
    const [caf, ccvs, cd, msa] = await Promise.all([
      invite('caf', 'edit', 'Sophie Arnaud'),
      invite('ccvs', 'edit', 'Thomas Girard'),
      invite('cd', 'edit', 'Nadia Cherif'),
      invite('msa', 'comment', 'Jean-Marc Leroy'),
    ]);
    const [first, second] = await Promise.all([openReview(caf), openReview(ccvs)]);
    expect(await signoff(first).getAttribute('data-stage')).toBe('brouillon');

    await act(first, 'propose').click();
    await eventually(async () => (await signoff(second).getAttribute('data-stage')) === 'propose', 3000, 'the proposal in the other browser');
    await act(first, 'validate').click();
    await act(second, 'validate').click();

    const subject = { kind: 'article', id: ARTICLE } as const;
    const others = [
      { party: 'cd', name: 'Nadia Cherif', access: 'edit' as const, invitation: cd },
      { party: 'msa', name: 'Jean-Marc Leroy', access: 'comment' as const, invitation: msa },
    ].map((o) => ({ ...o, client: nodeClient(e2e.server, CONVENTION, o.invitation.token) }));
    for (const { client, party, name, access } of others) {
      await client.synced;
      const model = new ConventionDoc(client.doc);
      await eventually(() => currentReview(model).signoff(subject).validatedBy.length >= 2, 3000, `${party} to see two validations`);
      recordSignoff({ model, actor: { name, party }, access }, subject, 'validate');
    }

    for (const page of [first, second]) {
      await eventually(async () => (await signoff(page).getAttribute('data-stage')) === 'valide', 5000, 'the article to be agreed in both browsers');
      const text = ((await signoff(page).textContent()) ?? '').replace(/\s+/g, ' ');
      expect(text).toContain('Validé');
      expect(text).toContain('Verrouillé');
      expect(text).toMatch(/Verrouillé : l'article 3 a reçu la validation de toutes les parties/);
      expect(text).toContain('Validé — Jean-Marc Leroy (MSA Sorlaine-Marches)');
      expect(await page.locator(`ctg-signoff-list button[data-id="${ARTICLE}"]`).getAttribute('data-stage')).toBe('valide');
      for (const name of ['propose', 'validate', 'withdraw']) expect(await act(page, name).isDisabled()).toBe(true);
      // The view's field for the article is read-only once every signatory validated it (the lock helper, view/main.ts):
      // an editable field carries contenteditable="plaintext-only", a locked one none, and the « ctg-locked » class.
      const body = page.locator(`[data-tag="ctg:article:${ARTICLE}:body"]`);
      await page.locator(`[data-tag="ctg:article:${ARTICLE}:body"].ctg-locked`).waitFor({ timeout: 3000 });
      expect(await body.getAttribute('contenteditable')).toBeNull();
    }
    // A discussion on the article that mentions the other party shows on its « Revue » tab.
    await first.locator('ctg-threads #thread-new').fill('Merci à tous. @ccvs : la version validée part au Copil.');
    await first.getByRole('button', { name: 'Ouvrir la discussion', exact: true }).click();
    await second.locator('#tab-review .badge.mention').waitFor({ timeout: 3000 });
    await first.locator('ctg-threads ctg-thread').scrollIntoViewIfNeeded();
    await first.screenshot({ path: join(ARTIFACTS, 'review-threads.png') });
    await first.locator('ctg-convention-status').scrollIntoViewIfNeeded();
    await second.screenshot({ path: join(ARTIFACTS, 'review-ccvs-mention.png') });
    await first.screenshot({ path: join(ARTIFACTS, 'review-caf.png') });

    for (const { client } of others) client.provider.destroy();
    await first.context().close();
    await second.context().close();
  }, 60_000);
});
