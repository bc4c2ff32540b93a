// The action-plan import: the sample's exported workbook imported into an empty convention gives the same plan; a
// second import of the same file changes nothing; a malformed workbook gives a readable per-cell report and
// changes nothing; unknown headers ask for a mapping; an applied import is one undoable change.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTemplate, ConventionDoc, readSnapshot } from '../../shared/index.ts';
import { sampleDoc } from '../export/test-support.ts';
import { buildXlsx } from '../export/xlsx.ts';
import { planOf } from './plan-of.ts';
import { previewXlsxImport } from './preview.ts';
import { applyProposal, checkProposal, IMPORT_ORIGIN } from '../../shared/exchange/import-proposal.ts';

const TODAY = '2026-06-01';

const emptyConvention = () => {
  const doc = new Y.Doc();
  applyTemplate(doc, { conventionId: 'vide', generation: '2020', echelon: 'intercommunal', startYear: 2025 });
  return doc;
};

describe('import of an action plan (.xlsx)', () => {
  it('round trip: sample → xlsx → import into an empty convention → the same plan', async () => {
    const sample = readSnapshot(sampleDoc());
    const bytes = await buildXlsx(sample, { year: 2026 });
    const target = emptyConvention();
    const before = Y.encodeStateVector(target);
    const preview = await previewXlsxImport(bytes, target, { today: TODAY });
    expect(Y.encodeStateVector(target)).toEqual(before);
    expect(preview.needsMapping).toBe(false);
    expect(preview.issues.filter((i) => i.blocking)).toEqual([]);
    expect(preview.canApply).toBe(true);
    expect(preview.counts.added).toMatchObject({ axis: 4, action: 12, indicator: 17, milestone: 2 });
    const model = new ConventionDoc(target, IMPORT_ORIGIN);
    expect(checkProposal(model, preview.ops)).toBeNull();
    applyProposal(model, preview.ops);
    expect(planOf(readSnapshot(target))).toEqual(planOf(sample));
    // The report names the organisations it adds, on their cells.
    const added = preview.issues.find((i) => i.message.fr.includes('« MSA Sorlaine-Marches » n\'est pas une organisation'));
    expect(added).toMatchObject({ sheet: 'Plan d’actions', column: 'H', header: 'Partenaires', severity: 'warning', blocking: false });
  });

  it('importing the workbook of the same convention again changes nothing', async () => {
    const doc = sampleDoc();
    const bytes = await buildXlsx(readSnapshot(doc), { year: 2026 });
    const preview = await previewXlsxImport(bytes, doc, { today: TODAY });
    expect(preview.ops).toEqual([]);
    expect(preview.canApply).toBe(true);
  });

  it('one import is one change that « Annuler l’import » undoes', async () => {
    const bytes = await buildXlsx(readSnapshot(sampleDoc()), { year: 2026 });
    const target = emptyConvention();
    const before = JSON.stringify(readSnapshot(target));
    const undo = new Y.UndoManager(
      ['organisations', 'persons', 'axes', 'objectives', 'actions', 'indicators', 'budgetLines'].map((name) => target.getMap(name)),
      { trackedOrigins: new Set([IMPORT_ORIGIN]) },
    );
    const updates: Uint8Array[] = [];
    target.on('update', (u: Uint8Array) => updates.push(u));
    applyProposal(new ConventionDoc(target, IMPORT_ORIGIN), (await previewXlsxImport(bytes, target, { today: TODAY })).ops);
    expect(updates).toHaveLength(1);
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    expect(JSON.stringify(readSnapshot(target))).toBe(before);
  });

  it('a malformed workbook gives a readable report per cell, and nothing to apply', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Plan 2026');
    sheet.addRow(['Code', 'Objectif', 'Action', 'Pilote', 'Début', 'Fin', 'Type']);
    sheet.addRow(['1.1.1', '1.1 – Accueil', 'Créer un multi-accueil', 'Caf', 'bientôt', '31/12/2027', 'Nouvelle action']);
    sheet.addRow(['', '1.1', 'Sans code', 'Caf', '', '', '']);
    sheet.addRow(['1.1.2', '1.1', 'Type inconnu', 'Caf', '01/02/2025', '', 'Urgente']);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const target = emptyConvention();
    const before = Y.encodeStateAsUpdate(target);
    const preview = await previewXlsxImport(bytes, target, { today: TODAY });
    expect(Y.encodeStateAsUpdate(target)).toEqual(before);
    expect(preview.canApply).toBe(false);
    const blocking = preview.issues.filter((i) => i.blocking).map((i) => `${i.sheet}!${i.column}${i.row} ${i.message.fr}`);
    expect(blocking).toEqual([
      'Plan 2026!E2 « bientôt » n\'est pas une date : saisissez-la au format JJ/MM/AAAA.',
      "Plan 2026!A3 Code de l'action manquant : complétez la cellule ou retirez la ligne.",
      expect.stringMatching(/^Plan 2026!G4 « Urgente » n'est pas une valeur possible \(Maintien, Renforcement, Nouvelle action\)/),
    ]);
  });

  it('asks for a mapping when the headers are not recognised, then takes it', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Feuil1');
    sheet.addRow(['Réf.', 'Libellé action', 'Qui pilote ?', 'Remarques']);
    sheet.addRow(['2.1.1', 'Bus des ados', 'Caisse d’allocations familiales', 'à revoir']);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const target = emptyConvention();
    const first = await previewXlsxImport(bytes, target, { today: TODAY });
    expect(first).toMatchObject({ needsMapping: true, canApply: false, plan: { sheet: 'Feuil1', missing: ['title'] } });
    expect(first.issues[0]?.message.fr).toMatch(/Colonnes non reconnues dans « Feuil1 » : il manque « Action »/);
    const mapped = await previewXlsxImport(bytes, target, {
      today: TODAY,
      mapping: { sheet: 'Feuil1', columns: { 'Réf.': 'code', 'Libellé action': 'title', 'Qui pilote ?': 'pilot', Remarques: '' } },
    });
    expect(mapped.canApply).toBe(true);
    applyProposal(new ConventionDoc(target, IMPORT_ORIGIN), mapped.ops);
    const action = readSnapshot(target).axes[0]?.objectives[0]?.actions[0];
    expect(action).toMatchObject({ code: '2.1.1', title: 'Bus des ados', pilotId: 'caf' });
  });

  it('says so when the file is not a workbook', async () => {
    await expect(previewXlsxImport(new TextEncoder().encode('code;action\n1.1.1;x'), emptyConvention(), { today: TODAY })).rejects.toThrow(
      /n'est pas un classeur Excel \(\.xlsx\) lisible/,
    );
  });
});
