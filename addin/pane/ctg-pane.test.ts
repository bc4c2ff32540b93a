// @vitest-environment happy-dom
// The task pane as a person uses it: join, see the plan, follow the checks, add to the plan, switch language.
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { ConventionDoc, importConventionJson, openAmendment } from '../../shared/index.ts';
import { sampleFile } from '../../test/fixtures/sample.ts';
import type { ConventionSession } from '../session/session.ts';
import type { Access } from '../session/token.ts';
import './index.ts';
import type { CtgPane } from './ctg-pane.ts';
import type { JoinDetail } from './events.ts';
import type { PaneSession } from './session-port.ts';
import { localStorageFor, memoryStorage } from './storage.ts';
import { deepQuery, deepQueryAll, deepText, fakeSession, recordingHost, settle, typeInto } from './testing.ts';

// ConventionSession must fill the port the pane depends on (checked by the compiler).
const fillsPort = (session: ConventionSession): PaneSession => session;

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function token(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256' })}.${part(claims)}.signature`;
}

async function mountPane(options: { access?: Access; storage?: ReturnType<typeof memoryStorage>; avenant?: string[]; negotiating?: boolean } = {}) {
  const ydoc = new Y.Doc();
  importConventionJson(ydoc, sampleFile());
  // The sample is signed: its plan only changes through an avenant naming the parts.
  if (options.negotiating) new ConventionDoc(ydoc).setSingleton('convention', { status: 'negociation' });
  if (options.avenant) openAmendment({ model: new ConventionDoc(ydoc), actor: { name: 'Claire Martin', party: 'caf' }, access: 'edit' }, 'Compléter le plan', options.avenant);
  const session = fakeSession(ydoc, { name: 'Claire Martin', party: 'caf', access: options.access ?? 'edit' });
  const { host, selected, marks } = recordingHost();
  const pane = document.createElement('ctg-pane');
  pane.today = '2027-01-31';
  pane.storage = options.storage ?? memoryStorage();
  pane.session = session;
  pane.host = host;
  document.body.append(pane);
  cleanups.push(() => {
    pane.remove();
    session.dispose();
  });
  await settle(pane);
  const rerender = () => settle(pane);
  return { ydoc, session, pane, host, selected, marks, rerender };
}

async function openTab(pane: CtgPane, name: 'plan' | 'checks' | 'add') {
  deepQuery(pane, `#tab-${name}`).click();
  await settle(pane);
}

it('depends only on the session port, which ConventionSession fills', () => {
  expect(typeof fillsPort).toBe('function');
});

it('keeps each document’s remembered values apart in localStorage', () => {
  const one = localStorageFor('view:ctg-1');
  one.set('concerto.lang', 'en');
  expect(one.get('concerto.lang')).toBe('en');
  expect(localStorageFor('view:ctg-2').get('concerto.lang')).toBeNull();
  localStorage.clear();
});

describe('joining a convention', () => {
  async function mountJoin() {
    const storage = memoryStorage();
    const pane = document.createElement('ctg-pane');
    pane.storage = storage;
    document.body.append(pane);
    cleanups.push(() => pane.remove());
    await settle(pane);
    const joins: JoinDetail[] = [];
    pane.addEventListener('ctg-join', (event) => joins.push(event.detail));
    const submit = async (link: string, server = '') => {
      typeInto(deepQuery<HTMLInputElement>(pane, '#join-link'), link);
      typeInto(deepQuery<HTMLInputElement>(pane, '#join-server'), server);
      await settle(pane);
      deepQuery<HTMLFormElement>(pane, 'ctg-join form').requestSubmit();
      await settle(pane);
    };
    return { pane, storage, joins, submit };
  }

  it('rejects a link that is not a join link, in French, and emits nothing', async () => {
    const { pane, joins, submit } = await mountJoin();
    await submit('https://concerto.caf.fr/accueil');
    expect(joins).toEqual([]);
    const error = deepQuery(pane, '#join-link-error');
    expect(error.textContent).toContain("Ce lien n'est pas un lien d'accès Concerto");
    expect(deepQuery(pane, '#join-link').getAttribute('aria-invalid')).toBe('true');
  });

  it('rejects a bare token without a server address, and an expired link', async () => {
    const { pane, joins, submit } = await mountJoin();
    const bare = token({ convention: 'ctg-sorlaine', party: 'caf', access: 'edit', name: 'Claire' });
    await submit(bare);
    expect(deepQuery(pane, '#join-server-error').textContent).toContain("Indiquez l'adresse du serveur");
    const expired = token({ convention: 'ctg-sorlaine', party: 'caf', access: 'edit', name: 'Claire', exp: 1_600_000_000 });
    await submit(`https://concerto.caf.fr/view/ctg-sorlaine?token=${expired}`);
    expect(deepQuery(pane, '#join-link-error').textContent).toMatch(/Ce lien a expiré le .*demandez un nouveau lien/);
    expect(joins).toEqual([]);
  });

  it('emits ctg-join for a good link and remembers it for this document', async () => {
    const { pane, storage, joins, submit } = await mountJoin();
    const good = token({ convention: 'ctg-sorlaine', party: 'caf', access: 'edit', name: 'Claire' });
    await submit(`https://concerto.caf.fr/view/ctg-sorlaine?token=${good}`);
    expect(joins).toEqual([{ server: 'https://concerto.caf.fr', conventionId: 'ctg-sorlaine', token: good }]);
    expect(deepQueryAll(pane, '.field-error')).toEqual([]);
    expect(storage.get('concerto.join.link')).toContain(good);

    const again = document.createElement('ctg-pane');
    again.storage = storage;
    document.body.append(again);
    cleanups.push(() => again.remove());
    await settle(again);
    expect(deepQuery<HTMLInputElement>(again, '#join-link').value).toContain(good);
  });
});

describe('with a live session', () => {
  it('shows the title, who I am, the connection and who is here', async () => {
    const { pane, session, rerender } = await mountPane();
    const text = deepText(pane);
    expect(text).toContain('Convention territoriale globale 2025-2029 du Val de Sorlaine');
    expect(text).toContain("Vous êtes Claire Martin (Caisse d'allocations familiales de la Sorlaine)");
    expect(text).toContain('Édition');
    expect(text).toContain('Connecté');
    session.setConnection({ status: 'offline', pending: 3 });
    await rerender();
    expect(deepText(pane)).toContain("Hors ligne 3 modifications en attente d'envoi");
    session.setWhere('article:art3');
    await rerender();
    expect(deepText(deepQuery(pane, 'ctg-presence'))).toContain('Article 3');
  });

  it('lists the plan; clicking an action selects it in the document and tells the others where I am', async () => {
    const { pane, session, selected, rerender } = await mountPane();
    const actions = deepQueryAll(pane, 'ctg-navigator button.item[data-kind="action"]');
    expect(actions.map((b) => b.querySelector('.code')?.textContent)).toContain('2.2.2');
    deepQuery(pane, 'button.item[data-id="act-2.2.2"]').click();
    await rerender();
    await vi.waitFor(() => expect(selected).toEqual([{ kind: 'action', id: 'act-2.2.2' }]));
    expect(session.presence().find((p) => p.self)?.where).toBe('action:act-2.2.2');
    expect(deepQuery(pane, 'button.item[data-id="act-2.2.2"]').getAttribute('aria-current')).toBe('location');
    expect(deepText(deepQuery(pane, 'ctg-presence'))).toContain('Action 2.2.2');
  });

  it('collapses an axis', async () => {
    const { pane, rerender } = await mountPane();
    const toggle = deepQuery(pane, 'li.axis button.toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    toggle.click();
    await rerender();
    expect(deepQuery(pane, 'li.axis button.toggle').getAttribute('aria-expanded')).toBe('false');
    expect(deepText(deepQuery(pane, 'ctg-navigator'))).not.toContain('1.1.1');
  });

  it('shows a removed pilot as an error; clicking it selects the action, and the document is marked', async () => {
    const { pane, session, selected, marks, rerender } = await mountPane();
    expect(deepQueryAll(pane, 'ctg-findings li.error')).toEqual([]);
    const pilot = session.model.read('action', 'act-2.1.1').pilotId;
    session.model.update('action', 'act-2.1.1', { pilotId: null });
    await vi.waitFor(async () => {
      await rerender();
      expect(deepQueryAll(pane, 'ctg-findings button[data-rule="action-pilot-missing"]')).toHaveLength(1);
    });
    expect(deepText(deepQuery(pane, '#tab-checks'))).toContain('1 erreur');
    expect(marks.get('action:act-2.1.1')).toEqual({ type: 'error', label: expect.stringContaining("L'action 2.1.1 n'a pas de pilote") });

    await openTab(pane, 'checks');
    const finding = deepQuery(pane, 'ctg-findings button[data-rule="action-pilot-missing"]');
    expect(finding.textContent).toContain("n'a pas de pilote");
    finding.click();
    await vi.waitFor(() => expect(selected).toEqual([{ kind: 'action', id: 'act-2.1.1' }]));

    session.model.update('action', 'act-2.1.1', { pilotId: pilot });
    await vi.waitFor(() => expect(marks.has('action:act-2.1.1')).toBe(false));
  });

  it('hides the add forms from people with view access', async () => {
    const { pane } = await mountPane({ access: 'view' });
    expect(deepQueryAll(pane, 'ctg-add-form')).toEqual([]);
    expect(deepQueryAll(pane, '#tab-add')).toEqual([]);
    expect(deepText(pane)).toContain('Lecture seule');
    expect(deepText(pane)).toContain('ne permet pas de modifier la structure');
  });

  it('adds an action through the form with the proposed code', async () => {
    const { pane, ydoc, rerender } = await mountPane({ avenant: ['objective:2.2'] });
    await openTab(pane, 'add');
    expect(deepQuery<HTMLInputElement>(pane, 'input[name="kind"][value="action"]').checked).toBe(true);
    typeInto(deepQuery<HTMLSelectElement>(pane, '#add-action-objectiveId'), 'o2.2');
    await rerender();
    const code = deepQuery<HTMLInputElement>(pane, '#add-action-code');
    expect(code.value).toBe('2.2.3');
    expect(deepText(deepQuery(pane, 'ctg-add-form'))).toContain('Proposé : 2.2.3');
    typeInto(deepQuery<HTMLInputElement>(pane, '#add-action-title'), 'Café des parents itinérant');
    typeInto(deepQuery<HTMLSelectElement>(pane, '#add-action-pilotId'), 'ccvs');
    deepQuery<HTMLFormElement>(pane, 'ctg-add-form form').requestSubmit();
    await rerender();

    const created = [...ydoc.getMap<Y.Map<unknown>>('actions').values()].find((a) => a.get('code') === '2.2.3');
    expect(created?.get('pilotId')).toBe('ccvs');
    expect(String(created?.get('title'))).toBe('Café des parents itinérant');
    expect(deepText(deepQuery(pane, 'ctg-add-form'))).toContain("L'action 2.2.3 a été ajoutée.");
    await vi.waitFor(async () => {
      await rerender();
      expect(deepQuery<HTMLInputElement>(pane, '#add-action-code').value).toBe('2.2.4');
    });
    expect(deepQuery<HTMLInputElement>(pane, '#add-action-title').value).toBe('');
    expect(deepQueryAll(pane, 'ctg-navigator button.item[data-kind="action"] .code').map((c) => c.textContent)).toContain('2.2.3');
  });

  it('explains a refusal in French and keeps what was typed', async () => {
    const { pane, session, rerender } = await mountPane({ negotiating: true });
    await openTab(pane, 'add');
    typeInto(deepQuery<HTMLSelectElement>(pane, '#add-action-objectiveId'), 'o4.2');
    typeInto(deepQuery<HTMLInputElement>(pane, '#add-action-title'), 'Forum annuel des partenaires');
    typeInto(deepQuery<HTMLSelectElement>(pane, '#add-action-pilotId'), 'caf');
    await rerender();
    // Someone deletes the objective; the pane has not caught up yet when the form is sent.
    session.model.remove('objective', 'o4.2');
    deepQuery<HTMLFormElement>(pane, 'ctg-add-form form').requestSubmit();
    await rerender();
    expect(deepQuery(pane, 'ctg-add-form .alert.error').textContent).toContain("L'ajout a été refusé : Impossible de placer cet élément");
    expect(deepQuery<HTMLInputElement>(pane, '#add-action-title').value).toBe('Forum annuel des partenaires');
  });

  it('flags empty required fields next to them', async () => {
    const { pane, ydoc, rerender } = await mountPane();
    const before = ydoc.getMap('indicators').size;
    await openTab(pane, 'add');
    deepQuery(pane, 'input[name="kind"][value="indicator"]').click();
    await rerender();
    typeInto(deepQuery<HTMLInputElement>(pane, '#add-indicator-baselineYear'), '26');
    deepQuery<HTMLFormElement>(pane, 'ctg-add-form form').requestSubmit();
    await rerender();
    expect(deepQuery(pane, '#add-indicator-objectiveId-error').textContent).toBe('Ce champ est obligatoire.');
    expect(deepQuery(pane, '#add-indicator-baselineYear-error').textContent).toContain('quatre chiffres');
    expect(ydoc.getMap('indicators').size).toBe(before);
  });

  it('a refused access offers a way back to the join screen', async () => {
    const { pane, session, rerender } = await mountPane();
    const leaves: unknown[] = [];
    pane.addEventListener('ctg-leave', (event) => leaves.push(event.detail));
    session.setConnection({ status: 'refused', problem: { fr: "Lien d'accès invalide ou expiré : demandez un nouveau lien.", en: 'Invalid link.' } });
    await rerender();
    expect(deepText(pane)).toContain('Accès refusé');
    expect(deepText(pane)).toContain("Demandez un nouveau lien d'accès");
    deepQueryAll(pane, 'ctg-status button').find((b) => b.textContent?.includes('Saisir un autre lien'))?.click();
    await rerender();
    expect(leaves).toHaveLength(1);
    expect(deepQueryAll(pane, 'ctg-join')).toHaveLength(1);
    expect(deepText(deepQuery(pane, 'ctg-join'))).toContain("Lien d'accès invalide ou expiré");
    pane.session = null; // the shell disposes the session
    await rerender();
    expect(deepText(deepQuery(pane, 'ctg-join'))).toContain("Lien d'accès invalide ou expiré");
  });

  it('a change the server refused offers to take the server’s version again, not another link', async () => {
    const { pane, session, rerender } = await mountPane();
    const reloads: unknown[] = [];
    const leaves: unknown[] = [];
    pane.addEventListener('ctg-reload', (event) => reloads.push(event.detail));
    pane.addEventListener('ctg-leave', (event) => leaves.push(event.detail));
    const reason = 'Article 3 validé par toutes les parties : rouvrez-le pour le modifier.';
    session.setConnection({
      status: 'connected',
      pending: 0,
      writeRefused: true,
      problem: { fr: `Modification refusée par le serveur : ${reason}`, en: `Change refused by the server: ${reason}` },
    });
    await rerender();
    const alert = deepQuery(pane, 'ctg-status [data-problem="write-refused"]');
    expect(alert.textContent).toContain(reason);
    expect(alert.textContent).toContain('votre copie diffère de celle des autres participants');
    expect(alert.textContent).not.toContain('Les modifications pas encore envoyées seront perdues');
    expect(deepText(pane)).not.toContain("Demandez un nouveau lien d'accès");
    expect(deepQueryAll(pane, 'ctg-status button').some((b) => b.textContent?.includes('Saisir un autre lien'))).toBe(false);

    session.setConnection({ status: 'offline', pending: 2, writeRefused: true });
    await rerender();
    expect(deepQuery(pane, 'ctg-status [data-problem="write-refused"]').textContent).toContain('Les modifications pas encore envoyées seront perdues');
    deepQuery(pane, 'ctg-status button[data-act="reload"]').click();
    await rerender();
    expect(reloads).toHaveLength(1);
    expect(leaves).toHaveLength(0);
  });

  it('after a refused change, the forms write nothing more from this copy (it must be reloaded)', async () => {
    const { pane, session, rerender } = await mountPane();
    await openTab(pane, 'add');
    expect(deepQueryAll(pane, '#tab-add')).toHaveLength(1);
    session.setConnection({ status: 'connected', pending: 0, writeRefused: true });
    await rerender();
    expect(deepQueryAll(pane, '#tab-add')).toHaveLength(0);
    expect(deepQueryAll(pane, 'ctg-add-form')).toHaveLength(0);
    expect(deepQuery(pane, '[data-problem="write-refused-forms"]').textContent).toContain('reprenez d’abord la version du serveur');
    expect(deepQueryAll(pane, 'ctg-navigator').every((nav) => !nav.hasAttribute('canadd'))).toBe(true);
    // Sign-offs, discussions and the follow-up see a read-only person.
    expect(deepQuery<HTMLElement & { ctx: { access: string } | null }>(pane, 'ctg-review').ctx?.access).toBe('view');
    // The person is still who they are (the status shows their own access), only the forms are read-only.
    expect(deepText(deepQuery(pane, 'ctg-status'))).not.toContain('Lecture seule');
  });

  it('shows a failed selection in the document as a message that can be closed', async () => {
    const { pane, session } = await mountPane();
    pane.host = recordingHost({ failSelect: true }).host;
    await settle(pane);
    deepQuery(pane, 'button.item[data-id="act-1.1.1"]').click();
    await vi.waitFor(async () => {
      await settle(pane);
      expect(deepText(pane)).toContain("Impossible d'afficher cet élément dans le document (document fermé)");
    });
    expect(session.presence().find((p) => p.self)?.where).toBe('action:act-1.1.1');
    deepQuery(pane, '.notice button').click();
    await settle(pane);
    expect(deepQueryAll(pane, '.notice')).toEqual([]);
  });

  it('switches to English and remembers the choice', async () => {
    const storage = memoryStorage();
    const { pane, rerender } = await mountPane({ storage });
    expect(deepText(deepQuery(pane, '[role="tablist"]'))).toContain('Vérifications');
    deepQuery(pane, '.langs button[lang="en"]').click();
    await rerender();
    const tabs = deepText(deepQuery(pane, '[role="tablist"]'));
    expect(tabs).toContain('Checks');
    expect(tabs).not.toContain('Vérifications');
    expect(deepText(pane)).toContain('You are Claire Martin');
    expect(storage.get('concerto.lang')).toBe('en');

    const again = await mountPane({ storage });
    expect(deepText(deepQuery(again.pane, '[role="tablist"]'))).toContain('Checks');
  });
});
