// @vitest-environment happy-dom
// The annual review: statuses written into the action's yearly record, justification fields for a postponement,
// progress, approving the year's review, and read-only access.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ConventionDoc, importConventionJson, readSnapshot } from '../../shared/index.ts';
import { sampleFile } from '../../test/fixtures/sample.ts';
import type { Access } from '../session/token.ts';
import './ctg-annual-review.ts';
import { deepQuery, deepQueryAll, deepText, fakeSession, settle, typeInto } from './testing.ts';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function mount(access: Access = 'edit') {
  const ydoc = new Y.Doc();
  importConventionJson(ydoc, sampleFile());
  const session = fakeSession(ydoc, { name: 'Claire Martin', party: 'caf', access });
  const el = document.createElement('ctg-annual-review');
  el.session = session;
  el.snapshot = readSnapshot(ydoc);
  el.today = '2028-02-15';
  document.body.append(el);
  ydoc.on('update', () => {
    el.snapshot = readSnapshot(ydoc);
  });
  cleanups.push(() => {
    el.remove();
    session.dispose();
  });
  await settle(el);
  return { el, ydoc, model: new ConventionDoc(ydoc) };
}

describe('<ctg-annual-review>', () => {
  it('reviews last year by default and counts the actions filled in', async () => {
    const { el } = await mount();
    expect(deepQuery<HTMLOptionElement>(el, '#review-year option[selected]').value).toBe('2027');
    expect(deepText(deepQuery(el, '.progress'))).toBe('0 / 12 actions renseignées');
    typeInto(deepQuery<HTMLSelectElement>(el, '#review-year'), '2026');
    await settle(el);
    expect(deepText(deepQuery(el, '.progress'))).toBe('12 / 12 actions renseignées');
  });

  it('writes a status for the year into the action’s yearly record, keeping the other years', async () => {
    const { el, model } = await mount();
    typeInto(deepQuery<HTMLSelectElement>(el, '#status-act-2\\.1\\.1'), 'realisee');
    await settle(el);
    const byYear = model.read('action', 'act-2.1.1').statusByYear;
    expect(byYear['2027']).toEqual({ status: 'realisee', comment: '', decision: null });
    expect(byYear['2026']?.status).toBe('en_cours');
    expect(deepText(deepQuery(el, '.progress'))).toBe('1 / 12 actions renseignées');
  });

  it('asks a postponement for its comment and Copil decision, and writes them', async () => {
    const { el, model } = await mount();
    typeInto(deepQuery<HTMLSelectElement>(el, '#status-act-1\\.2\\.1'), 'reportee');
    await settle(el);
    const row = deepQuery(el, 'li[data-action="act-1.2.1"]');
    expect(row.classList.contains('incomplete')).toBe(true);
    expect(deepText(row)).toContain('Un abandon ou un report demande une explication');
    const comment = deepQuery<HTMLTextAreaElement>(row, 'textarea');
    comment.value = 'Salle indisponible';
    comment.dispatchEvent(new Event('change'));
    typeInto(deepQuery<HTMLSelectElement>(row, '#status-act-1\\.2\\.1-decision'), 'dec-2026-10');
    await settle(el);
    expect(model.read('action', 'act-1.2.1').statusByYear['2027']).toEqual({ status: 'reportee', comment: 'Salle indisponible', decision: 'dec-2026-10' });
    expect(deepQuery(el, 'li[data-action="act-1.2.1"]').classList.contains('incomplete')).toBe(false);
  });

  it('clears a status, and approves the year’s review', async () => {
    const { el, model, ydoc } = await mount();
    typeInto(deepQuery<HTMLSelectElement>(el, '#review-year'), '2026');
    await settle(el);
    typeInto(deepQuery<HTMLSelectElement>(el, '#status-act-1\\.1\\.1'), '');
    await settle(el);
    expect(model.read('action', 'act-1.1.1').statusByYear['2026']).toBeUndefined();
    deepQuery<HTMLButtonElement>(el, 'button[data-approve="2026"]').click();
    await settle(el);
    const review = readSnapshot(ydoc).annualReviews.find((r) => r.year === 2026);
    expect(review).toMatchObject({ status: 'valide', approvedOn: '2028-02-15' });
    expect(deepText(deepQuery(el, '.bilan'))).toContain('Approuvé le 15 février 2028.');
  });

  it('creates the year’s review when there is none', async () => {
    const { el, ydoc } = await mount();
    deepQuery<HTMLButtonElement>(el, 'button[data-approve="2027"]').click();
    await settle(el);
    expect(readSnapshot(ydoc).annualReviews.find((r) => r.year === 2027)).toMatchObject({ status: 'valide', approvedOn: '2028-02-15' });
  });

  it('is read only for comment access', async () => {
    const { el } = await mount('comment');
    expect(deepQueryAll<HTMLSelectElement>(el, 'li select').every((s) => s.disabled)).toBe(true);
    expect(deepQueryAll(el, 'button[data-approve]')).toEqual([]);
    expect(deepText(el)).toContain('Votre accès permet de lire la revue, pas de la modifier.');
  });
});
