// @vitest-environment happy-dom
// The Versions tab with a fake client: name a version, the history (with the review log's status events), open one
// read only, and compare — the server's per-entity summary with highlighted text.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { importConventionJson, readSnapshot, reviewMap } from '../../shared/index.ts';
import { sampleFile } from '../../test/fixtures/sample.ts';
import type { Access } from '../session/token.ts';
import './ctg-versions.ts';
import { deepQuery, deepQueryAll, deepText, fakeSession, settle, typeInto } from './testing.ts';
import type { VersionDiff, VersionInfo, VersionsClient } from './versions-client.ts';
import { HttpFailure } from './http.ts';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

const COPIL: VersionInfo = { id: 'v-1', name: 'Version soumise au Copil du 12 mars', author: { name: 'Sophie Arnaud', party: 'caf' }, at: '2026-03-12T09:00:00.000Z' };

function fakeClient(diff: VersionDiff, options: { failList?: boolean } = {}) {
  const versions: VersionInfo[] = [COPIL];
  const calls: string[] = [];
  const client: VersionsClient = {
    list: async () => {
      calls.push('list');
      if (options.failList) throw new HttpFailure('unreachable', 'fetch failed');
      return [...versions];
    },
    save: async (name) => {
      calls.push(`save:${name}`);
      const v = { id: `v-${versions.length + 1}`, name, author: { name: 'Claire Martin', party: 'caf' }, at: '2026-04-01T10:00:00.000Z' };
      versions.push(v);
      return v;
    },
    open: async (id) => {
      calls.push(`open:${id}`);
      const doc = new Y.Doc();
      importConventionJson(doc, sampleFile());
      return { version: COPIL, snapshot: readSnapshot(doc) };
    },
    compare: async (from, to) => {
      calls.push(`compare:${from}:${to}`);
      return diff;
    },
  };
  return { client, calls };
}

const BASE: VersionDiff = {
  from: { id: 'v-1', name: COPIL.name },
  to: { id: 'current', name: 'Version en cours' },
  changes: [
    { type: 'changed', kind: 'action', id: 'act-2.1.1', field: 'pilotId', text: 'Pilote de l’action 2.1.1 : « caf » → « ccvs ».' },
    { type: 'changed', kind: 'indicator', id: 'i5', field: 'targetValue', text: 'Valeur cible de l’indicateur « Jeunes » : 180 → 200.' },
    { type: 'changed', kind: 'action', id: 'act-2.1.1', field: 'title', text: 'Titre de l’action 2.1.1 : « A » → « B ».' },
  ],
  counts: { added: 0, removed: 0, changed: 3, moved: 0 },
  summary: [
    {
      entity: { kind: 'action', id: 'act-2.1.1' },
      title: { fr: 'Action 2.1.1', en: 'Action 2.1.1' },
      fr: 'Action 2.1.1 : pilote « caf » → « ccvs » ; titre « A » → « B ».',
      en: 'Action 2.1.1: pilot "caf" → "ccvs"; title "A" → "B".',
      texts: [],
    },
    { entity: { kind: 'indicator', id: 'i5' }, title: { fr: 'Indicateur « Jeunes »', en: 'Indicator "Jeunes"' }, fr: 'Indicateur « Jeunes » : valeur cible 180 → 200.', en: 'Indicator "Jeunes": target 180 → 200.', texts: [] },
  ],
};

async function mount(diff: VersionDiff, options: { access?: Access; failList?: boolean } = {}) {
  const ydoc = new Y.Doc();
  importConventionJson(ydoc, sampleFile());
  const session = fakeSession(ydoc, { name: 'Claire Martin', party: 'caf', access: options.access ?? 'edit' });
  const { client, calls } = fakeClient(diff, options);
  const el = document.createElement('ctg-versions');
  el.session = session;
  el.client = client;
  el.snapshot = readSnapshot(ydoc);
  document.body.append(el);
  cleanups.push(() => {
    el.remove();
    session.dispose();
  });
  await settle(el);
  await new Promise((resolve) => setTimeout(resolve, 0));
  await settle(el);
  return { el, calls, ydoc };
}

const flush = async (el: Element) => {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await settle(el);
  }
};

describe('<ctg-versions>', () => {
  it('lists versions with author, party and date, and status changes from the review log', async () => {
    const { el, ydoc } = await mount(BASE);
    reviewMap(ydoc).set('ev1', { id: 'ev1', seq: 1, at: '2026-03-20T10:00:00.000Z', by: { name: 'Sophie Arnaud', party: 'caf' }, reason: '', act: 'status', from: 'negociation', to: 'validation' });
    await flush(el);
    const items = deepQueryAll(el, '.history li');
    expect(items.map((li) => deepText(li))[0]).toContain('Statut de la convention : Négociation → Validation');
    const version = deepQuery(el, 'li[data-version="v-1"]');
    expect(deepText(version)).toContain('Version soumise au Copil du 12 mars');
    expect(deepText(version)).toContain("Sophie Arnaud (Caisse d'allocations familiales de la Sorlaine)");
  });

  it('names a version, then lists it', async () => {
    const { el, calls } = await mount(BASE);
    typeInto(deepQuery<HTMLInputElement>(el, '#version-name'), 'Version du Copil du 2 avril');
    deepQuery<HTMLFormElement>(el, 'form.save').requestSubmit();
    await flush(el);
    expect(calls).toContain('save:Version du Copil du 2 avril');
    expect(deepText(el)).toContain('Version « Version du Copil du 2 avril » enregistrée.');
    expect(deepQueryAll(el, 'li[data-version]').length).toBe(2);
  });

  it('does not offer naming a version without edit access', async () => {
    const { el } = await mount(BASE, { access: 'comment' });
    expect(deepQueryAll(el, '#version-name')).toEqual([]);
    expect(deepQueryAll(el, 'li[data-version]').length).toBe(1);
  });

  it('opens a version read only: its summary and a link to its full text', async () => {
    const { el, calls } = await mount(BASE);
    const open = deepQueryAll<HTMLButtonElement>(el, 'li[data-version="v-1"] button')[0];
    open?.click();
    await flush(el);
    expect(calls).toContain('open:v-1');
    const opened = deepQuery(el, '.opened');
    expect(deepText(opened)).toContain('Version « Version soumise au Copil du 12 mars » — lecture seule');
    expect(deepText(opened)).toContain('6 articles, 4 axes');
    expect(deepQuery<HTMLAnchorElement>(opened, 'a').href).toBe('http://concerto.test/view/ctg-test?token=jeton&version=v-1');
  });

  it('compares with the current text: one French sentence per entity', async () => {
    const { el, calls } = await mount(BASE);
    deepQueryAll<HTMLButtonElement>(el, 'li[data-version="v-1"] button')[1]?.click();
    await flush(el);
    expect(calls).toContain('compare:v-1:current');
    const entities = deepQueryAll(el, '.entities > li');
    expect(entities.map((e) => e.getAttribute('data-entity'))).toEqual(['action:act-2.1.1', 'indicator:i5']);
    expect(deepText(entities[0] as Element)).toContain('Action 2.1.1 : pilote « caf » → « ccvs » ; titre « A » → « B ».');
    expect(deepText(el)).toContain('Ce qui a changé de « Version soumise au Copil du 12 mars » à « Texte actuel »');
  });

  it('shows the server’s per-entity summary with inserted and deleted text highlighted', async () => {
    const diff: VersionDiff = {
      ...BASE,
      summary: [
        {
          entity: { kind: 'article', id: 'art4' },
          title: { fr: 'Article 4', en: 'Article 4' },
          fr: 'Article 4 : 1 paragraphe modifié',
          en: 'Article 4: 1 paragraph changed',
          texts: [{ field: 'body', label: { fr: 'Texte', en: 'Text' }, hunks: [{ op: 'equal', text: 'Le comité se réunit ' }, { op: 'delete', text: 'une' }, { op: 'insert', text: 'deux' }, { op: 'equal', text: ' fois par an.' }] }],
        },
      ],
    };
    const { el } = await mount(diff);
    deepQueryAll<HTMLButtonElement>(el, 'li[data-version="v-1"] button')[1]?.click();
    await flush(el);
    const entity = deepQuery(el, '.entities > li[data-entity="article:art4"]');
    expect(deepText(entity)).toContain('Article 4 : 1 paragraphe modifié');
    expect(deepQuery(entity, 'del').textContent).toBe('une');
    expect(deepQuery(entity, 'ins').textContent).toBe('deux');
  });

  it('says so when the server cannot be reached, with a way to retry', async () => {
    const { el, calls } = await mount(BASE, { failList: true });
    expect(deepText(deepQuery(el, '[role="alert"]'))).toContain('Le serveur Concerto ne répond pas');
    deepQuery<HTMLButtonElement>(el, '[role="alert"] button').click();
    await flush(el);
    expect(calls.filter((c) => c === 'list').length).toBe(2);
  });
});
