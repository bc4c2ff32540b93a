// What is specific to Excel: the workbook the adapter builds (tables, hidden and protected id column, headers
// protected, text kept as text, drop-down lists kept up to date), and the person's side of it — sorting and
// filtering do not break the binding, invalid values stay visible and marked, rows typed under a table become
// entities, deleted rows delete them (with an undo), computed cells are put back, marks and selection.
import { describe, expect, it } from 'vitest';
import { readSnapshot } from '../../../shared/index.ts';
import { FakeWord } from '../../../test/fakes/word/index.ts';
import { HostBinding } from '../../binding/binding.ts';
import { fieldTag } from '../../../shared/field-ref.ts';
import { WordHost } from '../word/word-host.ts';
import { conventionFixture } from '../contract.ts';
import type { ExcelProblem } from './problems.ts';
import { applyStructureEdit, type StructureEdit, type StructureOutcome } from './structure-edits.ts';
import { ExcelHost } from './excel-host.ts';
import { excelHost } from './testing.ts';

/** The contract's convention (the Caf and the authority sign it, 2026–2030), with a second action, an indicator and
 *  an organisation that does not sign, bound to an Excel host. */
async function bound(version = '1.18', now: () => number = Date.now) {
  const fixture = conventionFixture();
  const { model, objective } = fixture;
  model.add('organisation', { name: 'Commune de Montcler', type: 'commune' }, { id: 'montcler' });
  const second = model.add('action', { code: '1.1.2', title: 'Relais petite enfance', pilotId: 'caf' }, { parent: objective });
  const indicator = model.add('indicator', { label: 'Places créées', unit: 'places' }, { parent: objective });
  const problems: ExcelProblem[] = [];
  const edits: Array<{ edit: StructureEdit; outcome: StructureOutcome }> = [];
  const h = excelHost({
    fake: { requirementSets: { ExcelApi: version } },
    onProblem: (p) => problems.push(p),
    onStructureEdit: (edit) => {
      edits.push({ edit, outcome: applyStructureEdit(model, edit) });
    },
    newId: (kind) => `${kind}-new-${edits.length + 1}`,
    now,
  });
  const binding = new HostBinding(model, h.host, { pollMs: 0 });
  await binding.start();
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await h.excel.flushEvents();
      await binding.settled();
    }
  };
  return { ...fixture, second, indicator, h, binding, problems, edits, settle };
}

describe('the workbook', () => {
  it('has one table per sheet, a hidden id column, protected headers and text kept as text', async () => {
    const { h, action } = await bound();
    const { excel } = h;
    expect(excel.state.wb.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['Plan d’actions', 'Visible'],
      ['Indicateurs', 'Visible'],
      ['Axes et objectifs', 'Visible'],
      ['Budget', 'Visible'],
      ['Jalons', 'Visible'],
      ['Listes', 'Hidden'],
    ]);
    expect(excel.tableValues('ctg_plan')[0]).toEqual([
      'Identifiant', 'Code', 'Axe', 'Objectif', 'Action', 'Description', 'Pilote', 'Partenaires', 'Référent', 'Début', 'Fin', 'Type', 'Statut 2026', 'Budget prévisionnel',
    ]);
    expect(excel.tableValues('ctg_indicateurs')[0]?.slice(-5)).toEqual(['2026', '2027', '2028', '2029', '2030']);
    const plan = excel.sheet('Plan d’actions');
    expect(plan.hiddenColumns.has(0)).toBe(true);
    expect(plan.protection.protected).toBe(true);
    expect(excel.tableCell('ctg_plan', 0, 'Identifiant').value).toBe(`action:${action}`);
    // Headers are locked; the body is not; a code or a number typed in a text column stays text.
    expect(excel.user.type('Plan d’actions', 'E1', 'Intitulé')).toBe(false);
    expect(excel.user.typeInTable('ctg_plan', 0, 'Code', '2026')).toBe(true);
    expect(excel.tableCell('ctg_plan', 0, 'Code').value).toBe('2026');
    expect(excel.tableCell('ctg_plan', 0, 'Code').format).toBe('@');
  });

  it('offers drop-down lists (pilots among the signatories only) and keeps them up to date', async () => {
    const { h, model, binding, settle } = await bound();
    const pilot = h.excel.sheet('Plan d’actions').validationAt(1, 6);
    expect(pilot?.rule?.list.source).toBe('=Listes!$D$2:$D$3');
    expect(h.excel.user.listValues(pilot?.rule?.list.source ?? '')).toEqual(['Caisse d\'allocations familiales', 'Communauté de communes [à préciser]']);
    expect(pilot?.errorAlert.style).toBe('Warning');
    model.add('signatory', { organisationId: 'montcler' });
    await settle();
    await binding.settled();
    const updated = h.excel.sheet('Plan d’actions').validationAt(1, 6);
    expect(h.excel.user.listValues(updated?.rule?.list.source ?? '')).toEqual(['Caisse d\'allocations familiales', 'Communauté de communes [à préciser]', 'Commune de Montcler']);
  });
});

describe('a person in Excel', () => {
  it('renames an action: the model has it, whatever the sort', async () => {
    const { h, model, action, second, settle } = await bound();
    h.excel.user.sort('ctg_plan', 'Action', 'Descending');
    await settle();
    const row = h.excel.rowWhere('ctg_plan', 'Identifiant', `action:${action}`);
    expect(row).toBe(1);
    h.excel.user.typeInTable('ctg_plan', row, 'Action', 'Créer un multi-accueil à Montcler');
    await settle();
    expect(model.read('action', action).title).toBe('Créer un multi-accueil à Montcler');
    expect(model.read('action', second).title).toBe('Relais petite enfance');
  });

  for (const version of ['1.18', '1.9']) {
    it(`gets remote changes in the right row after a sort (ExcelApi ${version}${version === '1.9' ? ': no onRowSorted, the write finds out and is redone' : ''})`, async () => {
      const { h, model, action, second, settle } = await bound(version);
      h.excel.user.sort('ctg_plan', 'Action', 'Descending');
      await settle();
      model.update('action', action, { title: 'Créer deux multi-accueils' });
      model.update('action', second, { description: 'Un relais itinérant.' });
      await settle();
      const rows = h.excel.tableValues('ctg_plan').slice(1);
      expect(rows.map((r) => [r[0], r[4], r[5]])).toEqual([
        [`action:${second}`, 'Relais petite enfance', 'Un relais itinérant.'],
        [`action:${action}`, 'Créer deux multi-accueils', 'Vingt places.'],
      ]);
    });
  }

  it('renames an action that Word shows: the Word document follows', async () => {
    const { h, model, action, settle } = await bound();
    const word = new FakeWord({ timing: 'web', undo: false });
    const wordBinding = new HostBinding(model, new WordHost({ word, supports: (set, version) => word.isSetSupported(set, version), year: 2026 }), { pollMs: 0 });
    await wordBinding.start();
    h.excel.user.typeInTable('ctg_plan', h.excel.rowWhere('ctg_plan', 'Identifiant', `action:${action}`), 'Action', 'Créer un multi-accueil à Montcler');
    await settle();
    await wordBinding.settled();
    expect(word.user.read(fieldTag({ kind: 'action', id: action, field: 'title' }))).toBe('Créer un multi-accueil à Montcler');
  });

  it('filters without consequence: hidden rows are still bound', async () => {
    const { h, model, action, settle } = await bound();
    h.excel.user.filter('ctg_plan', 'Code', (v) => v === '1.1.2');
    model.update('action', action, { title: 'Titre mis à jour' });
    await settle();
    expect(h.excel.tableCell('ctg_plan', h.excel.rowWhere('ctg_plan', 'Identifiant', `action:${action}`), 'Action').value).toBe('Titre mis à jour');
  });

  it('keeps an unknown pilot visible and marked, out of the model, until it is corrected', async () => {
    const { h, model, action, problems, settle } = await bound();
    const row = h.excel.rowWhere('ctg_plan', 'Identifiant', `action:${action}`);
    expect(h.excel.user.typeInTable('ctg_plan', row, 'Pilote', 'Mairie de Nulle-Part')).toBe(true);
    await settle();
    expect(model.read('action', action).pilotId).toBe('caf');
    expect(h.excel.tableCell('ctg_plan', row, 'Pilote')).toMatchObject({ value: 'Mairie de Nulle-Part', fill: '#FFC7CE' });
    expect(h.excel.tableCell('ctg_plan', row, 'Pilote').note).toContain('n\'est pas une organisation');
    expect(problems.at(-1)).toMatchObject({ type: 'invalid-value', severity: 'error', ref: { id: action, field: 'pilotId' } });
    // A remote change of the pilot does not overwrite what the person typed.
    model.update('action', action, { pilotId: 'montcler' });
    await settle();
    expect(h.excel.tableCell('ctg_plan', row, 'Pilote').value).toBe('Mairie de Nulle-Part');
    h.excel.user.typeInTable('ctg_plan', row, 'Pilote', 'Caisse d’allocations familiales');
    await settle();
    expect(model.read('action', action).pilotId).toBe('caf');
    expect(h.excel.tableCell('ctg_plan', row, 'Pilote')).toMatchObject({ fill: null, note: null });
    expect(problems.at(-1)).toMatchObject({ type: 'invalid-value-fixed' });
  });

  it('keeps text typed in a number cell marked, and takes a date outside the period with a warning', async () => {
    const { h, model, action, indicator, problems, settle } = await bound();
    const i = h.excel.rowWhere('ctg_indicateurs', 'Identifiant', `indicator:${indicator}`);
    h.excel.user.typeInTable('ctg_indicateurs', i, '2027', 'environ douze');
    await settle();
    expect(model.read('indicator', indicator).values).toEqual({});
    expect(h.excel.tableCell('ctg_indicateurs', i, '2027')).toMatchObject({ value: 'environ douze', fill: '#FFC7CE' });
    h.excel.user.typeInTable('ctg_indicateurs', i, '2027', '12');
    await settle();
    expect(model.read('indicator', indicator).values).toEqual({ '2027': 12 });
    const a = h.excel.rowWhere('ctg_plan', 'Identifiant', `action:${action}`);
    h.excel.user.typeInTable('ctg_plan', a, 'Fin', '30/06/2032');
    await settle();
    expect(model.read('action', action).endDate).toBe('2032-06-30');
    expect(h.excel.tableCell('ctg_plan', a, 'Fin').fill).toBe('#FFEB9C');
    expect(problems.some((p) => p.type === 'invalid-value' && p.severity === 'warning')).toBe(true);
  });

  it('types a new action under the plan: one model transaction, a fresh id in the hidden column', async () => {
    const { h, model, objective, edits, problems, settle } = await bound();
    const table = h.excel.table('ctg_plan');
    // Without an objective the row waits, and the pane says why.
    h.excel.user.typeBelow('ctg_plan', 'Action', 'Ludothèque itinérante');
    await settle();
    expect(edits).toEqual([]);
    expect(problems.at(-1)).toMatchObject({ type: 'new-row-needs-parent' });
    let transactions = 0;
    model.ydoc.on('afterTransaction', (tr) => {
      if (tr.changed.size > 0) transactions++;
    });
    h.excel.user.typeBelow('ctg_plan', 'Objectif', '1.1');
    await settle();
    expect(edits.map((e) => e.edit.type)).toEqual(['add']);
    const id = 'action-new-1';
    expect(model.read('action', id)).toMatchObject({ title: 'Ludothèque itinérante' });
    expect(model.parentOf('action', id)).toBe(objective);
    expect(transactions).toBe(1);
    // The table grew over the row (the sheet is protected, Excel did not), and the row is bound.
    expect(table.rows).toBe(3);
    expect(h.excel.tableCell('ctg_plan', 2, 'Identifiant').value).toBe(`action:${id}`);
    expect(h.excel.tableCell('ctg_plan', 2, 'Objectif').value).toBe('1.1 – Accroître l’offre d’accueil');
    h.excel.user.typeInTable('ctg_plan', 2, 'Description', 'Dans les villages.');
    await settle();
    expect(model.read('action', id).description).toBe('Dans les villages.');
  });

  it('lists an action’s milestones on « Jalons »: typed there, they are the action’s; changed elsewhere, the row follows', async () => {
    const { h, model, action, edits, settle } = await bound();
    expect(h.excel.tableValues('ctg_jalons')[0]).toEqual(['Identifiant', 'Action', 'Date', 'Jalon']);
    h.excel.user.typeBelow('ctg_jalons', 'Jalon', 'Ouverture du premier site');
    h.excel.user.typeBelow('ctg_jalons', 'Action', '1.1.1');
    await settle();
    expect(edits.map((e) => e.edit.type)).toEqual(['add']);
    const id = 'milestone-new-1';
    expect(model.read('milestone', id)).toMatchObject({ label: 'Ouverture du premier site' });
    expect(model.parentOf('milestone', id)).toBe(action);
    h.excel.user.typeInTable('ctg_jalons', 0, 'Date', '15/09/2027');
    await settle();
    expect(model.read('milestone', id).date).toBe('2027-09-15');
    model.update('milestone', id, { label: 'Ouverture des deux sites' });
    await settle();
    expect(h.excel.tableCell('ctg_jalons', 0, 'Jalon').value).toBe('Ouverture des deux sites');
    expect(readSnapshot(model.ydoc).axes[0]?.objectives[0]?.actions.find((a) => a.id === action)?.milestones).toEqual([
      { id, date: '2027-09-15', label: 'Ouverture des deux sites' },
    ]);
  });

  it('deletes an action with its row, and puts the row back on undo', async () => {
    const { h, model, second, edits, settle } = await bound();
    const row = h.excel.rowWhere('ctg_plan', 'Identifiant', `action:${second}`);
    expect(h.excel.user.deleteRows('ctg_plan', row)).toBe(true);
    await settle();
    expect(edits.map((e) => e.edit)).toEqual([{ type: 'remove', entity: { kind: 'action', id: second }, label: expect.objectContaining({ fr: expect.stringContaining('1.1.2') }) }]);
    expect(model.isLive('action', second)).toBe(false);
    edits[0]?.outcome.undo?.();
    await settle();
    expect(model.isLive('action', second)).toBe(true);
    expect(h.excel.rowWhere('ctg_plan', 'Identifiant', `action:${second}`)).toBeGreaterThanOrEqual(0);
  });

  it('moves an action to the objective chosen in its row', async () => {
    const { h, model, axis, action, settle } = await bound();
    const other = model.add('objective', { number: '1.2', title: 'Soutenir les assistantes maternelles' }, { parent: axis });
    await settle();
    h.excel.user.typeInTable('ctg_plan', h.excel.rowWhere('ctg_plan', 'Identifiant', `action:${action}`), 'Objectif', '1.2 – Soutenir les assistantes maternelles');
    await settle();
    expect(model.parentOf('action', action)).toBe(other);
  });

  it('leaves a co-author’s edits to their own add-in: no new entity, the cell read only after a while', async () => {
    let time = 0;
    const { h, model, action, edits, settle } = await bound('1.18', () => time);
    const row = h.excel.rowWhere('ctg_plan', 'Identifiant', `action:${action}`);
    h.excel.remote.typeInTable('ctg_plan', row, 'Action', 'Titre du co-auteur');
    h.excel.remote.pasteInTable('ctg_plan', h.excel.table('ctg_plan').rows, 'Objectif', [['1.1', 'Action du co-auteur']]);
    await settle();
    h.host.requestFullRead();
    await settle();
    expect(model.read('action', action).title).toBe('Créer un multi-accueil');
    expect(edits).toEqual([]);
    time += 11_000;
    h.host.requestFullRead();
    await settle();
    expect(model.read('action', action).title).toBe('Titre du co-auteur');
    expect(edits).toEqual([]);
  });

  it('puts back a computed cell typed over', async () => {
    const { h, action, problems, settle } = await bound();
    const row = h.excel.rowWhere('ctg_plan', 'Identifiant', `action:${action}`);
    h.excel.user.typeInTable('ctg_plan', row, 'Budget prévisionnel', '999');
    await settle();
    expect(h.excel.tableCell('ctg_plan', row, 'Budget prévisionnel').value).toBe(0);
    expect(problems.at(-1)).toMatchObject({ type: 'computed-cell', column: 'Budget prévisionnel' });
  });

  it('follows an edited title in the computed cells that name it', async () => {
    const { h, objective, model, settle } = await bound();
    const row = h.excel.rowWhere('ctg_axes', 'Identifiant', `objective:${objective}`);
    h.excel.user.typeInTable('ctg_axes', row, 'Intitulé', 'Développer l’accueil');
    await settle();
    expect(model.read('objective', objective).title).toBe('Développer l’accueil');
    expect(h.excel.tableCell('ctg_plan', 0, 'Objectif').value).toBe('1.1 – Développer l’accueil');
  });
});

describe('the adapter’s own doing', () => {
  it('writes a new entity into the row of a deleted one rather than adding a row', async () => {
    const { h, model, objective, second, settle } = await bound();
    model.transact(() => {
      model.remove('action', second);
      model.add('action', { code: '1.1.3', title: 'Lieu d’accueil enfants-parents' }, { parent: objective, id: 'laep' });
    });
    await settle();
    const rows = h.excel.tableValues('ctg_plan').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[1]?.slice(0, 2)).toEqual(['action:laep', '1.1.3']);
    expect(h.excel.events.log.some((e) => e.type === 'WorksheetChanged' && e.changeType === 'RowInserted')).toBe(false);
  });

  for (const version of ['1.18', '1.12']) {
    it(`does not take its own writes for a person’s edits (ExcelApi ${version}: ${version === '1.18' ? 'trigger source' : 'echo guard'})`, async () => {
      const { h, model, action, settle } = await bound(version);
      await settle();
      const before = h.excel.roundTrips;
      model.update('action', action, { title: 'Créer deux multi-accueils' });
      await settle();
      expect(h.excel.roundTrips - before).toBe(1);
    });
  }

  it('marks an entity with a fill and a note, and clears them; selects its row', async () => {
    const { h, action } = await bound();
    await h.host.mark({ kind: 'action', id: action }, { type: 'error', label: 'Pas de référent' });
    const row = h.excel.rowWhere('ctg_plan', 'Identifiant', `action:${action}`);
    expect(h.excel.tableCell('ctg_plan', row, 'Code')).toMatchObject({ fill: '#FFC7CE', note: 'Pas de référent' });
    h.excel.user.sort('ctg_plan', 'Code', 'Descending');
    await h.excel.flushEvents();
    const moved = h.excel.rowWhere('ctg_plan', 'Identifiant', `action:${action}`);
    expect(h.excel.tableCell('ctg_plan', moved, 'Code')).toMatchObject({ fill: '#FFC7CE', note: 'Pas de référent' });
    await h.host.mark({ kind: 'action', id: action }, null);
    expect(h.excel.tableCell('ctg_plan', moved, 'Code')).toMatchObject({ fill: null, note: null });
    await h.host.select({ kind: 'action', id: action });
    expect(h.excel.state.wb.active?.name).toBe('Plan d’actions');
    expect(h.excel.state.wb.selection?.rect).toEqual({ row: moved + 1, column: 1, rows: 1, columns: 13 });
  });

  it('takes up a workbook it built before (opened again): rows stay bound, their values untouched', async () => {
    const { h, model, action, settle } = await bound();
    h.excel.user.sort('ctg_plan', 'Action', 'Descending');
    await settle();
    const reopened = new ExcelHost({ excel: h.excel, supports: (set, version) => h.excel.isSetSupported(set, version), year: 2026 });
    const binding = new HostBinding(model, reopened, { pollMs: 0 });
    const before = h.excel.roundTrips;
    const values = JSON.stringify(h.excel.tableValues('ctg_plan'));
    await binding.start();
    // A look, the tables' sizes, their rows (four tables in one sync), one batch (lists, validation, listening),
    // the full read.
    expect(h.excel.roundTrips - before).toBe(5);
    expect(JSON.stringify(h.excel.tableValues('ctg_plan'))).toBe(values);
    model.update('action', action, { title: 'Créer deux multi-accueils' });
    await binding.settled();
    expect(h.excel.tableCell('ctg_plan', h.excel.rowWhere('ctg_plan', 'Identifiant', `action:${action}`), 'Action').value).toBe('Créer deux multi-accueils');
  });

  it('rebuilds the indicator and budget tables when the convention’s years change', async () => {
    const { h, model, indicator, binding, settle } = await bound();
    model.update('indicator', indicator, { values: { '2026': 3, '2027': 5 } });
    await settle();
    model.setSingleton('convention', { startDate: '2027-01-01', endDate: '2031-12-31' });
    await h.host.render(readSnapshot(model.ydoc));
    await binding.settled();
    expect(h.excel.tableValues('ctg_indicateurs')[0]?.slice(-5)).toEqual(['2027', '2028', '2029', '2030', '2031']);
    const row = h.excel.rowWhere('ctg_indicateurs', 'Identifiant', `indicator:${indicator}`);
    expect(h.excel.tableCell('ctg_indicateurs', row, '2027').value).toBe(5);
    expect(h.excel.sheet('Indicateurs').protection.protected).toBe(true);
  });

  it('renders again after a table was removed by hand', async () => {
    const { h, model, binding, settle } = await bound();
    h.excel.state.wb.tables.splice(h.excel.state.wb.tables.indexOf(h.excel.table('ctg_plan')), 1);
    await h.host.render(readSnapshot(model.ydoc));
    await settle();
    await binding.settled();
    expect(h.excel.tableValues('ctg_plan')).toHaveLength(3);
  });
});
