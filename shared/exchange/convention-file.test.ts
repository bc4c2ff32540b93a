import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sampleFile } from '../../test/fixtures/sample.ts';
import { ConventionDoc } from '../doc/convention-doc.ts';
import { readSnapshot } from '../snapshot.ts';
import { applyTemplate } from '../template.ts';
import { CONVENTION_FORMAT, exportConventionJson, importConventionJson } from './convention-file.ts';

function importSample(): Y.Doc {
  const doc = new Y.Doc();
  importConventionJson(doc, sampleFile());
  return doc;
}

describe('JSON import and export', () => {
  it('imports the fictional sample convention with its structure and values', () => {
    const s = readSnapshot(importSample());
    expect(s.convention).toMatchObject({ id: 'ctg-ccvs-2025', generation: '2020', echelon: 'intercommunal', startDate: '2025-01-01', endDate: '2029-12-31' });
    expect(s.signatories.map((sig) => sig.organisationId)).toEqual(['caf', 'ccvs', 'cd', 'msa']);
    expect(s.articles.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(s.axes.map((a) => a.objectives.length)).toEqual([2, 3, 3, 2]);
    const actions = s.axes.flatMap((a) => a.objectives.flatMap((o) => o.actions));
    expect(actions.map((a) => a.code)).toEqual(['1.1.1', '1.2.1', '2.1.1', '2.2.1', '2.2.2', '2.3.1', '3.1.1', '3.1.2', '3.2.1', '3.3.1', '4.1.1', '4.2.1']);
    const first = actions[0]!;
    expect(first).toMatchObject({ pilotId: 'ccvs', referentId: 'p_petit', partners: { caf: 'financeur', cd: 'avis_pmi', commune_montcler: 'foncier' } });
    expect(first.budgetLines[0]).toMatchObject({ funderId: 'ccvs', planned: { '2025': 120000, '2026': 300000 }, realised: { '2025': 118500 } });
    expect(first.milestones.map((m) => m.label)).toEqual(['Permis de construire', 'Ouverture']);
    const indicators = s.axes.flatMap((a) => a.objectives.flatMap((o) => o.indicators));
    expect(indicators).toHaveLength(17);
    expect(indicators[0]).toMatchObject({ id: 'i1', baselineValue: 48.5, targetValue: 55, values: { '2025': 49.1, '2026': 50.3 } });
    expect(s.bodies[0]?.meetings.map((m) => m.date)).toEqual(['2025-03-14', '2025-10-02', '2026-03-19', '2026-10-08']);
    expect(s.facilities).toHaveLength(9);
  });

  it('exports a file that imports back to the same convention', () => {
    const exported = exportConventionJson(importSample());
    expect(exported.format).toBe(CONVENTION_FORMAT);
    const again = new Y.Doc();
    importConventionJson(again, JSON.parse(JSON.stringify(exported)));
    expect(exportConventionJson(again)).toEqual(exported);
  });

  it('round-trips a template convention edited by hand, including deletions', () => {
    const doc = new Y.Doc();
    applyTemplate(doc, { conventionId: 'ctg-test', generation: '2014', echelon: 'communal', startYear: 2026 });
    const model = new ConventionDoc(doc);
    const axis = model.add('axis', { number: 1, title: 'Petite enfance' });
    const gone = model.add('objective', { number: '1.1', title: 'Supprimé' }, { parent: axis });
    model.remove('objective', gone);
    model.add('objective', { number: '1.1', title: 'Gardé' }, { parent: axis });
    const again = new Y.Doc();
    importConventionJson(again, exportConventionJson(doc));
    expect(readSnapshot(again)).toEqual(readSnapshot(doc));
    expect(readSnapshot(again).axes[0]?.objectives.map((o) => o.title)).toEqual(['Gardé']);
  });

  it('refuses a bad file with a readable error and changes nothing', () => {
    const doc = new Y.Doc();
    const file = sampleFile();
    const convention = file.convention as { actions: Array<Record<string, unknown>> };
    convention.actions[3]!.type = 'inventee';
    expect(() => importConventionJson(doc, file)).toThrowError(/Fichier invalide, à « axes\[1\]\.objectives\[1\]\.actions\[0\] » : Valeur invalide pour « type »/);
    expect(doc.store.clients.size).toBe(0);
    expect(() => importConventionJson(doc, { format: 'autre' })).toThrowError(/Format de fichier non reconnu/);
    expect(() => importConventionJson(doc, 'texte')).toThrowError(/n'est pas une convention/);
    expect(doc.store.clients.size).toBe(0);
  });

  it('refuses to import over an existing convention', () => {
    const doc = importSample();
    const before = Y.encodeStateVector(doc);
    expect(() => importConventionJson(doc, sampleFile())).toThrowError(/contient déjà une convention/);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});
