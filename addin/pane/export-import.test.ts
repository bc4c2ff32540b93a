// @vitest-environment happy-dom
// The pane's « Exporter » and import components: a download with progress and the server's error sentence, of the
// text now or of a named version chosen in the list; an import preview shown per cell, confirmed as one change and
// undone as one, refused row by row where it writes into a locked part; the mapping screen sends the person's
// choices column by column.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ImportPreview } from '../../shared/exchange/import-preview-types.ts';
import { applyTemplate, changeStatus, ConventionDoc, readSnapshot } from '../../shared/index.ts';
import { as, negotiatingSample } from '../../shared/review/testing.ts';
import './ctg-export.ts';
import './ctg-import.ts';
import { deepQuery, deepText, fakeSession, settle } from './testing.ts';

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

function mount<K extends 'ctg-export' | 'ctg-import'>(tag: K, props: Partial<HTMLElementTagNameMap[K]>): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  Object.assign(el, props);
  document.body.append(el);
  mounted.push(el);
  return el;
}

describe('<ctg-export>', () => {
  it('downloads with progress and saves the file under the server’s name', async () => {
    const saved: string[] = [];
    const seen: string[] = [];
    const el = mount('ctg-export', {
      server: 'http://ctg.test',
      conventionId: 'sorlaine',
      token: 'jeton',
      client: {
        list: async () => [{ id: 'v-copil', name: 'Copil du 12 mars', author: { name: 'Sophie Arnaud', party: 'caf' }, at: '2026-03-12T09:00:00.000Z' }],
        save: async () => {
          throw new Error('unused');
        },
        open: async () => {
          throw new Error('unused');
        },
        compare: async () => {
          throw new Error('unused');
        },
      },
    });
    el.save = (file) => saved.push(`${file.fileName} ${file.blob.size}`);
    el.fetcher = async (url) => {
      seen.push(String(url));
      const chunks = [new Uint8Array(3000), new Uint8Array(2000)];
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          const next = chunks.shift();
          if (next) controller.enqueue(next);
          else controller.close();
        },
      });
      return new Response(body, { headers: { 'Content-Length': '5000', 'Content-Disposition': 'attachment; filename="sorlaine.docx"' } });
    };
    await settle(document.body);
    await new Promise((r) => setTimeout(r, 0));
    await settle(document.body);
    const select = deepQuery<HTMLSelectElement>(el, 'select#version');
    expect([...select.options].map((o) => o.textContent?.trim())).toEqual(['Le texte actuel', 'Copil du 12 mars']);
    select.value = 'v-copil';
    select.dispatchEvent(new Event('change'));
    await el.export('docx');
    await settle(document.body);
    expect(seen).toEqual(['http://ctg.test/api/conventions/sorlaine/export?format=docx&version=v-copil']);
    expect(saved).toEqual(['sorlaine.docx 5000']);
    expect(deepText(el)).toContain('Fichier « sorlaine.docx » téléchargé.');
  });

  it('shows the server’s sentence when LibreOffice is missing, and says so when the list of versions cannot be had', async () => {
    const el = document.createElement('ctg-export');
    Object.assign(el, { conventionId: 'sorlaine', token: 'jeton' });
    el.fetcher = async () => Response.json({ error: { code: 'libreoffice_missing', message: 'LibreOffice est nécessaire pour produire un PDF.' } }, { status: 503 });
    document.body.append(el);
    mounted.push(el);
    await el.export('pdf');
    await settle(document.body);
    expect(deepText(el)).toContain('L’export a échoué : LibreOffice est nécessaire pour produire un PDF.');
    expect(deepText(el)).toContain('Les versions nommées n’ont pas pu être chargées (LibreOffice est nécessaire pour produire un PDF.)');
    el.fetcher = async () => {
      throw new TypeError('fetch failed');
    };
    await el.export('json');
    await settle(document.body);
    expect(deepText(el)).toContain('L’export a échoué : Le serveur Concerto ne répond pas');
  });
});

function preview(overrides: Partial<ImportPreview> = {}): ImportPreview {
  return {
    sheets: [{ name: 'Plan d’actions', table: 'plan', headerRow: 1, rows: 1 }],
    plan: { sheet: 'Plan d’actions', columns: [{ index: 0, header: 'Code', field: 'code' }, { index: 1, header: 'Intitulé long', field: null }], missing: [] },
    fields: [
      { key: 'code', label: { fr: 'Code', en: 'Code' }, required: true },
      { key: 'title', label: { fr: 'Action', en: 'Action' }, required: true },
    ],
    needsMapping: false,
    issues: [{ sheet: 'Plan d’actions', row: 2, column: 'G', header: 'Pilote', severity: 'warning', blocking: false, message: { fr: 'Le pilote ne signe pas.', en: 'Pilot does not sign.' } }],
    counts: { added: { axis: 1, objective: 1, action: 1 }, updated: {} },
    ops: [
      { op: 'add', kind: 'axis', id: 'axe_n', parent: null, data: { number: 9, title: 'Axe importé' } },
      { op: 'add', kind: 'objective', id: 'obj_n', parent: 'axe_n', data: { number: '9.1', title: 'Objectif importé' } },
      { op: 'add', kind: 'action', id: 'act_n', parent: 'obj_n', data: { code: '9.1.1', title: 'Action importée', pilotId: 'caf' } },
    ],
    canApply: true,
    ...overrides,
  };
}

describe('<ctg-import>', () => {
  const setup = (answer: (body: FormData) => ImportPreview, given?: Y.Doc) => {
    const ydoc = given ?? new Y.Doc();
    if (!given) applyTemplate(ydoc, { conventionId: 'vide', generation: '2020', echelon: 'intercommunal', startYear: 2025 });
    const session = fakeSession(ydoc, { name: 'Alice', party: 'caf', access: 'edit' });
    const sent: FormData[] = [];
    const el = mount('ctg-import', { session, token: 'jeton', server: 'http://ctg.test' });
    el.fetcher = async (_url, init) => {
      const body = init?.body as FormData;
      sent.push(body);
      return Response.json(answer(body));
    };
    return { ydoc, el, sent };
  };

  it('shows the report, applies nothing before « Confirmer », then one change that « Annuler » undoes', async () => {
    const { ydoc, el } = setup(() => preview());
    const before = JSON.stringify(readSnapshot(ydoc));
    const updates: Uint8Array[] = [];
    ydoc.on('update', (u: Uint8Array) => updates.push(u));
    await settle(document.body);
    await el.check(new File([new Uint8Array(4)], 'plan.xlsx'));
    await settle(document.body);
    expect(deepText(el)).toContain('Plan d’actions !G2 (Pilote) Le pilote ne signe pas.');
    expect(updates).toHaveLength(0);
    deepQuery<HTMLButtonElement>(el, '[data-action="confirm"]').click();
    await settle(document.body);
    expect(updates).toHaveLength(1);
    expect(readSnapshot(ydoc).axes.map((a) => a.title)).toEqual(['Axe importé']);
    expect(deepText(el)).toContain('Import appliqué en une seule modification.');
    deepQuery<HTMLButtonElement>(el, '[data-action="undo"]').click();
    await settle(document.body);
    expect(JSON.stringify(readSnapshot(ydoc))).toBe(before);
  });

  it('offers no « Confirmer » while a cell blocks, and sends the mapping the person chose', async () => {
    const { el, sent } = setup((body) =>
      body.get('mapping')
        ? preview({ canApply: false, issues: [{ sheet: 'Plan d’actions', row: 3, column: 'E', header: 'Début', severity: 'error', blocking: true, message: { fr: '« bientôt » n’est pas une date.', en: 'Not a date.' } }] })
        : preview({ needsMapping: true, canApply: false, ops: [] }),
    );
    await settle(document.body);
    await el.check(new File([new Uint8Array(4)], 'plan.xlsx'));
    await settle(document.body);
    expect(deepText(el)).toContain('Quelles colonnes correspondent à quoi ?');
    const select = deepQuery<HTMLSelectElement>(el, 'select[name="column-1"]');
    select.value = 'title';
    deepQuery<HTMLFormElement>(el, 'form').dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(document.body);
    await new Promise((r) => setTimeout(r, 0));
    await settle(document.body);
    expect(JSON.parse(String(sent[1]?.get('mapping')))).toEqual({ sheet: 'Plan d’actions', columns: { Code: 'code', 'Intitulé long': 'title' } });
    expect(deepText(el)).toContain('À corriger dans le fichier avant l’import');
    expect(deepQuery<HTMLButtonElement>(el, '[data-action="confirm"]').disabled).toBe(true);
  });

  it('refuses, row by row with why, the operations that write into a signed convention; « Confirmer » checks again', async () => {
    const model = negotiatingSample();
    const action = readSnapshot(model.ydoc).axes[0]!.objectives[0]!.actions[0]!;
    const objective = readSnapshot(model.ydoc).axes[0]!.objectives[0]!;
    const ops: ImportPreview['ops'] = [
      { op: 'update', kind: 'action', id: action.id, patch: { statusByYear: { '2026': { status: 'en_cours', comment: '', decision: null } } } },
      { op: 'add', kind: 'action', id: 'act_n', parent: objective.id, data: { code: '1.1.9', title: 'Action importée', pilotId: 'caf' } },
    ];
    const { el } = setup(() => preview({ ops, counts: { added: { action: 1 }, updated: { action: 1 } } }), model.ydoc);
    await settle(document.body);
    await el.check(new File([new Uint8Array(4)], 'plan.xlsx'));
    await settle(document.body);
    expect(deepQuery<HTMLButtonElement>(el, '[data-action="confirm"]').disabled).toBe(false);
    // Signed meanwhile: « Confirmer » reads the locks again, writes nothing and lists the refused row.
    changeStatus(as(model, 'caf'), 'validation', '', { blockingErrors: 0 });
    changeStatus(as(model, 'caf'), 'signee', '', { blockingErrors: 0 });
    const before = JSON.stringify(readSnapshot(model.ydoc));
    deepQuery<HTMLButtonElement>(el, '[data-action="confirm"]').click();
    await settle(document.body);
    expect(JSON.stringify(readSnapshot(model.ydoc))).toBe(before);
    const refused = deepQuery(el, 'ul.locked');
    expect(refused.querySelectorAll('li')).toHaveLength(1);
    expect(deepText(refused)).toContain('Ajout de « 1.1.9 » : Convention signée');
    expect(deepQuery<HTMLButtonElement>(el, '[data-action="confirm"]').disabled).toBe(true);
    // A new preview of the same file says so before anyone confirms.
    await el.check(new File([new Uint8Array(4)], 'plan.xlsx'));
    await settle(document.body);
    expect(deepText(deepQuery(el, 'ul.locked'))).toContain('Convention signée');
  });

  it('still applies and undoes after the element left the page and came back', async () => {
    const { ydoc, el } = setup(() => preview());
    await settle(document.body);
    el.remove();
    document.body.append(el);
    await el.check(new File([new Uint8Array(4)], 'plan.xlsx'));
    await settle(document.body);
    deepQuery<HTMLButtonElement>(el, '[data-action="confirm"]').click();
    await settle(document.body);
    expect(readSnapshot(ydoc).axes.map((a) => a.title)).toEqual(['Axe importé']);
    deepQuery<HTMLButtonElement>(el, '[data-action="undo"]').click();
    await settle(document.body);
    expect(readSnapshot(ydoc).axes).toEqual([]);
    expect(new ConventionDoc(ydoc).childIds('axis')).toEqual([]);
  });
});
