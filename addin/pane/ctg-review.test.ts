// @vitest-environment happy-dom
// The « Revue » tab as people use it: discussions (comment access takes part, view access reads), mentions of one's
// party, sign-off of an article by party with its record, and the convention's steps, signature and avenants.
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { currentReview, recordSignoff, reviewMap } from '../../shared/index.ts';
import { as, negotiatingSample } from '../../shared/review/testing.ts';
import { startThread } from '../../shared/review/threads.ts';
import type { Access } from '../session/token.ts';
import './index.ts';
import type { CtgConventionStatus } from './ctg-convention-status.ts';
import type { CtgPane } from './ctg-pane.ts';
import { memoryStorage } from './storage.ts';
import { deepQuery, deepQueryAll, deepText, fakeSession, recordingHost, settle, typeInto } from './testing.ts';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function mountReview(options: { access?: Access; party?: string; name?: string } = {}) {
  const ydoc = new Y.Doc();
  const model = negotiatingSample(ydoc);
  const identity = { name: options.name ?? 'Claire Martin', party: options.party ?? 'caf', access: options.access ?? 'edit' };
  const session = fakeSession(ydoc, identity);
  const { host, selected } = recordingHost();
  const storage = memoryStorage();
  const pane = document.createElement('ctg-pane');
  pane.today = '2026-03-12';
  Object.assign(pane, { storage, session, host });
  document.body.append(pane);
  cleanups.push(() => {
    pane.remove();
    session.dispose();
  });
  await settle(pane);
  deepQuery(pane, '#tab-review').click();
  await settle(pane);
  /** Waits until the review panel (recomputed after each change) shows what `check` expects. */
  const until = (check: () => void) =>
    vi.waitFor(async () => {
      await settle(pane);
      check();
    });
  const goTo = async (where: string) => {
    session.setWhere(where);
    await settle(pane);
  };
  return { ydoc, model, session, pane, selected, storage, until, goTo };
}

const button = (pane: CtgPane, selector: string) => deepQuery<HTMLButtonElement>(pane, selector);

function write(area: HTMLTextAreaElement, value: string): void {
  area.value = value;
  area.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('discussions', () => {
  it('a comment participant starts a thread on a quoted passage, replies and resolves it', async () => {
    const { pane, ydoc, until, goTo } = await mountReview({ access: 'comment', party: 'msa', name: 'Jean-Marc Leroy' });
    await goTo('article:art3');
    expect(deepText(deepQuery(pane, 'ctg-threads'))).toContain('Aucune discussion sur cette partie.');
    const body = currentReview(negotiatingSample()).snapshot.articles.find((a) => a.id === 'art3')!.body;
    const quote = body.slice(0, 21).trim();
    write(deepQuery<HTMLTextAreaElement>(pane, '#thread-new'), 'Faut-il citer le RAM ici, @ccvs ?');
    typeInto(deepQuery<HTMLInputElement>(pane, '#thread-quote'), quote);
    deepQuery<HTMLFormElement>(pane, 'ctg-threads form.new').requestSubmit();
    await until(() => expect(deepQueryAll(pane, 'ctg-thread')).toHaveLength(1));
    const thread = deepQuery(pane, 'ctg-thread');
    expect(deepText(thread)).toContain(`« ${quote} »`);
    expect(deepText(thread)).toMatch(/Jean-Marc Leroy · MSA Sorlaine-Marches · (à l’instant|il y a)/);
    expect(deepText(deepQuery(pane, 'ctg-signoff-list button[data-id="art3"]'))).toContain('1 discussion ouverte');

    const reply = deepQuery<HTMLTextAreaElement>(thread, 'textarea');
    write(reply, 'Oui, en annexe 4.');
    deepQuery<HTMLFormElement>(thread, 'form.reply').requestSubmit();
    await until(() => expect(deepText(deepQuery(pane, 'ctg-thread'))).toContain('Oui, en annexe 4.'));
    button(pane, 'ctg-thread button[data-act="resolve"]').click();
    await until(() => expect(deepText(deepQuery(pane, 'ctg-thread'))).toContain('Résolue'));
    expect(deepQueryAll(pane, 'ctg-thread textarea')).toEqual([]);
    const stored = [...ydoc.getMap<Y.Map<unknown>>('comments').values()].map((c) => [c.get('author'), c.get('party')]);
    expect(stored).toEqual([
      ['Jean-Marc Leroy', 'msa'],
      ['Jean-Marc Leroy', 'msa'],
    ]);
  });

  it('a view participant reads the discussions but cannot write in them', async () => {
    const { pane, model, until, goTo } = await mountReview({ access: 'view', party: 'cpam', name: 'Lucie Bernard' });
    startThread(as(model, 'caf', 'edit', 'Claire Martin'), { kind: 'action', id: 'act-2.1.1' }, 'Qui pilote le volet mobilité ?');
    await goTo('action:act-2.1.1');
    await until(() => expect(deepText(deepQuery(pane, 'ctg-thread'))).toContain('Qui pilote le volet mobilité ?'));
    expect(deepQueryAll(pane, 'ctg-threads form, ctg-thread form, ctg-thread button[data-act]')).toEqual([]);
    expect(deepText(deepQuery(pane, 'ctg-threads'))).toContain('Votre accès permet de lire les discussions, pas d’y participer.');
    expect(deepQueryAll<HTMLButtonElement>(pane, 'ctg-signoff button[data-act]').every((b) => b.disabled)).toBe(true);
    // No « Valider pour » without a party to validate for.
    expect(deepQueryAll(pane, 'ctg-signoff button[data-act="validate"]')).toEqual([]);
  });

  it('a mention of my party shows on the tab until I open it; opening it goes to the part', async () => {
    const { pane, model, selected, storage, until } = await mountReview();
    startThread(as(model, 'cd', 'edit', 'Nadia Cherif'), { kind: 'action', id: 'act-2.2.2' }, 'La @Caf peut-elle confirmer le montant ?');
    startThread(as(model, 'cd', 'edit', 'Nadia Cherif'), { kind: 'action', id: 'act-1.1.1' }, 'Pour la @ccvs seulement.');
    await until(() => expect(deepText(button(pane, '#tab-review'))).toContain('1 nouvelle mention de votre partie'));
    const mention = deepQuery(pane, 'ctg-threads .mentions button[data-comment]');
    expect(mention.textContent).toContain('Action 2.2.2');
    mention.click();
    await until(() => expect(selected).toEqual([{ kind: 'action', id: 'act-2.2.2' }]));
    expect(deepQueryAll(pane, '#tab-review .badge')).toEqual([]);
    expect(deepQueryAll(pane, 'ctg-threads .mentions')).toEqual([]);
    expect([...storage.entries.keys()]).toContain('concerto.mentions.seen:caf:Claire Martin');
    expect(deepText(deepQuery(pane, 'ctg-threads'))).toContain('Sur : Action 2.2.2');
  });
});

describe('sign-off of an article', () => {
  it('enables each act only when it applies, says why otherwise, and records who, for whom, when and why', async () => {
    const { pane, model, until, goTo } = await mountReview();
    await goTo('article:art2');
    const acts = () => Object.fromEntries(deepQueryAll<HTMLButtonElement>(pane, 'ctg-signoff button[data-act]').map((b) => [b.dataset.act, !b.disabled]));
    expect(acts()).toEqual({ propose: true, validate: false, withdraw: false, reopen: false });
    expect(deepText(deepQuery(pane, 'ctg-signoff'))).toContain('Pas encore proposé : ce brouillon doit d’abord être proposé');
    button(pane, 'ctg-signoff button[data-act="propose"]').click();
    await until(() => expect(deepQuery(pane, 'ctg-signoff section').dataset.stage).toBe('propose'));
    const validate = button(pane, 'ctg-signoff button[data-act="validate"]');
    expect(validate.textContent).toContain("Valider pour Caisse d'allocations familiales de la Sorlaine");
    validate.click();
    await until(() => expect(acts()).toEqual({ propose: false, validate: false, withdraw: true, reopen: false }));
    expect(deepText(deepQuery(pane, 'ctg-signoff .parties'))).toMatch(/Caisse d'allocations familiales de la Sorlaine — a validé.*Département de la Sorlaine — en attente/);

    typeInto(deepQuery<HTMLInputElement>(pane, 'ctg-signoff #signoff-reason'), 'Le Copil a changé le montant');
    await settle(pane);
    expect(acts().reopen).toBe(true);
    button(pane, 'ctg-signoff button[data-act="reopen"]').click();
    await until(() => expect(deepQuery(pane, 'ctg-signoff section').dataset.stage).toBe('brouillon'));
    // A validation that arrives ordered after the reopen is kept in the record, « sans effet ».
    const seq = Math.max(...currentReview(model).events.map((e) => e.seq)) + 1;
    const late = { id: 'rev_tardif0001', seq, at: '2026-03-12T10:05:00.000Z', by: { name: 'Paul Marchal', party: 'msa' }, act: 'validate', subject: { kind: 'article', id: 'art2' }, reason: '' };
    model.transact(() => reviewMap(model.ydoc).set(late.id, late));
    await until(() => expect(deepQueryAll(pane, 'ctg-signoff .history li')).toHaveLength(4));
    const history = deepQueryAll(pane, 'ctg-signoff .history li').map((li) => deepText(li));
    expect(history[0]).toMatch(/^Proposé — Claire Martin \(Caisse d'allocations familiales de la Sorlaine\) — /);
    expect(history[2]).toContain('Rouvert — Claire Martin');
    expect(history[2]).toContain('« Le Copil a changé le montant »');
    expect(history[3]).toMatch(/Validé — Paul Marchal \(MSA Sorlaine-Marches\) — .* — sans effet : Pas encore proposé/);
  });

  it('a comment participant of a signatory validates but cannot propose; once all validated the article reads locked', async () => {
    const { pane, model, until, goTo } = await mountReview({ access: 'comment', party: 'msa', name: 'Jean-Marc Leroy' });
    await goTo('article:art4');
    expect(deepText(deepQuery(pane, 'ctg-signoff'))).toContain('Réservé aux accès « édition ».');
    recordSignoff(as(model, 'caf'), { kind: 'article', id: 'art4' }, 'propose');
    for (const party of ['caf', 'ccvs', 'cd']) recordSignoff(as(model, party), { kind: 'article', id: 'art4' }, 'validate');
    await until(() => expect(button(pane, 'ctg-signoff button[data-act="validate"]').disabled).toBe(false));
    button(pane, 'ctg-signoff button[data-act="validate"]').click();
    await until(() => expect(deepQuery(pane, 'ctg-signoff section').dataset.stage).toBe('valide'));
    const text = deepText(deepQuery(pane, 'ctg-signoff'));
    expect(text).toContain('Validé Verrouillé');
    expect(text).toContain('Verrouillé : l\'article 4 a reçu la validation de toutes les parties');
    expect(deepQuery(pane, 'ctg-signoff-list button[data-id="art4"]').dataset.stage).toBe('valide');
    expect(deepText(deepQuery(pane, 'ctg-signoff-list button[data-id="art4"]'))).toContain('Validé');
  });

  it('a reason typed, or a refusal shown, for one part does not carry over to the next', async () => {
    const { pane, goTo } = await mountReview();
    await goTo('article:art2');
    typeInto(deepQuery<HTMLInputElement>(pane, 'ctg-signoff #signoff-reason'), 'Le Copil a changé le montant');
    write(deepQuery<HTMLTextAreaElement>(pane, '#thread-new'), 'Une question sur l’article 2');
    typeInto(deepQuery<HTMLInputElement>(pane, '#thread-quote'), 'un passage qui n’y est pas');
    deepQuery<HTMLFormElement>(pane, 'ctg-threads form.new').requestSubmit();
    await settle(pane);
    expect(deepQueryAll(pane, 'ctg-threads .alert.error')).toHaveLength(1);
    await goTo('article:art3');
    expect(deepQuery<HTMLInputElement>(pane, 'ctg-signoff #signoff-reason').value).toBe('');
    expect(deepQuery<HTMLTextAreaElement>(pane, '#thread-new').value).toBe('');
    expect(deepQuery<HTMLInputElement>(pane, '#thread-quote').value).toBe('');
    expect(deepQueryAll(pane, 'ctg-threads .alert.error')).toEqual([]);
    // The same part again (a new object for the same place) keeps what is being typed.
    typeInto(deepQuery<HTMLInputElement>(pane, 'ctg-signoff #signoff-reason'), 'Reformuler');
    await goTo('article:art3');
    expect(deepQuery<HTMLInputElement>(pane, 'ctg-signoff #signoff-reason').value).toBe('Reformuler');
  });

  it('clicking a part in the overview selects it in the document and shows its sign-off', async () => {
    const { pane, selected, until } = await mountReview();
    expect(deepText(deepQuery(pane, 'ctg-review'))).toContain('Choisissez un article ou une fiche action');
    button(pane, 'ctg-signoff-list button[data-id="act-2.1.1"]').click();
    await until(() => expect(deepQuery(pane, 'ctg-signoff section').dataset.id).toBe('act-2.1.1'));
    expect(selected).toEqual([{ kind: 'action', id: 'act-2.1.1' }]);
    expect(deepQuery(pane, 'ctg-signoff-list button[data-id="act-2.1.1"]').getAttribute('aria-current')).toBe('location');
  });
});

describe('the convention’s steps and avenants', () => {
  async function mountStatus(access: Access = 'edit') {
    const model = negotiatingSample();
    const ctx = { ...as(model, 'caf', access, 'Claire Martin'), now: undefined };
    const el = document.createElement('ctg-convention-status') as CtgConventionStatus;
    Object.assign(el, { ctx, blockingErrors: 0, review: currentReview(model) });
    document.body.append(el);
    cleanups.push(() => el.remove());
    const refresh = async () => {
      await settle(el);
      el.review = currentReview(model);
      await settle(el);
    };
    model.ydoc.on('update', () => {
      el.review = currentReview(model);
    });
    await settle(el);
    return { el, model, refresh };
  }

  const moves = (el: HTMLElement) => Object.fromEntries(deepQueryAll<HTMLButtonElement>(el, '.moves button').map((b) => [b.dataset.to, !b.disabled]));

  it('steps forward, steps back only with a reason, and records each move', async () => {
    const { el, refresh } = await mountStatus();
    expect(deepQuery(el, '.stepper li[aria-current="step"]').textContent).toContain('Négociation');
    expect(moves(el)).toEqual({ validation: true, diagnostic: false });
    expect(deepText(el)).toContain('Indiquez pourquoi la convention revient en arrière');
    button(el as unknown as CtgPane, 'button[data-to="validation"]').click();
    await refresh();
    expect(deepQuery(el, '.stepper li[aria-current="step"]').textContent).toContain('Validation');
    expect(deepText(deepQuery(el, '.history'))).toMatch(/Négociation → Validation — Claire Martin \(Caisse d'allocations familiales de la Sorlaine\)/);
    el.blockingErrors = 3;
    await refresh();
    expect(moves(el)).toEqual({ signee: false, negociation: false });
    expect(deepText(el)).toContain('Impossible de signer : 3 erreur(s) bloquante(s)');
  });

  it('a comment participant cannot move the convention', async () => {
    const { el } = await mountStatus('comment');
    expect(moves(el)).toEqual({ validation: false, diagnostic: false });
    expect(deepText(el)).toContain('Réservé aux accès « édition ».');
  });

  it('signing and a validated avenant: the pane says the server records the version, and asks it nothing', async () => {
    const fetches: unknown[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (...args: unknown[]) => {
      fetches.push(args);
      throw new Error('no request expected');
    }) as typeof fetch;
    cleanups.push(() => {
      globalThis.fetch = realFetch;
    });
    const { el, model, refresh } = await mountStatus();
    button(el as unknown as CtgPane, 'button[data-to="validation"]').click();
    await refresh();
    expect(deepText(deepQuery(el, '#move-signee'))).toBe('La version « Convention signée » est enregistrée automatiquement.');
    button(el as unknown as CtgPane, 'button[data-to="signee"]').click();
    await refresh();
    expect(deepText(el)).toContain('Convention signée : son texte ne change plus que par avenant.');
    expect(deepText(el)).toContain('La version « Convention signée » est enregistrée automatiquement.');

    const form = deepQuery<HTMLFormElement>(el, 'ctg-amendments form');
    form.requestSubmit();
    await refresh();
    expect(deepText(deepQuery(el, 'ctg-amendments'))).toContain('Indiquez l’objet de l’avenant.');
    typeInto(deepQuery<HTMLInputElement>(el, '#amendment-purpose'), 'Nouvelle action de médiation numérique');
    deepQuery<HTMLInputElement>(el, 'ctg-amendments input[value="action:2.1.1"]').click();
    await refresh();
    deepQuery<HTMLFormElement>(el, 'ctg-amendments form').requestSubmit();
    await refresh();
    const amendment = currentReview(model).snapshot.amendments[0]!;
    expect(amendment).toMatchObject({ number: 1, purpose: 'Nouvelle action de médiation numérique', affected: ['action:2.1.1'] });
    expect(deepText(deepQuery(el, 'ctg-amendments'))).toContain('Parties modifiées : action:2.1.1');
    expect(deepText(deepQuery(el, 'ctg-amendments'))).toContain('Quand toutes les parties l’ont validé, la version « Avenant n° 1 signé » est enregistrée automatiquement.');

    const signoff = deepQuery(el, 'ctg-amendments ctg-signoff');
    button(signoff as unknown as CtgPane, 'button[data-act="propose"]').click();
    await refresh();
    for (const party of ['ccvs', 'cd', 'msa']) recordSignoff(as(model, party), { kind: 'amendment', id: amendment.id }, 'validate');
    await refresh();
    button(deepQuery(el, 'ctg-amendments ctg-signoff') as unknown as CtgPane, 'button[data-act="validate"]').click();
    await refresh();
    expect(currentReview(model).signoff({ kind: 'amendment', id: amendment.id }).stage).toBe('valide');
    expect(deepQueryAll(el, '[data-act="retry-version"]')).toEqual([]);
    expect(fetches).toEqual([]);
  });

});
