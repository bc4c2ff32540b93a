// Locked fields in Excel: their cells greyed in one sync (cell protection is not used: Excel refuses to sort a range
// holding locked cells on a protected sheet, and the plan must stay sortable); what a person types in one is put
// back to the model's value by the binding, even a value the model could not take, and the reason reported.
import { describe, expect, it } from 'vitest';
import type { Lock, LockTarget } from '../../../shared/index.ts';
import { HostBinding } from '../../binding/binding.ts';
import type { FieldRef } from '../../../shared/field-ref.ts';
import { conventionFixture } from '../contract.ts';
import type { FieldLock, LockQuery } from '../port.ts';
import type { ExcelProblem } from './problems.ts';
import { type StructureEdit, takeStructureEdit } from './structure-edits.ts';
import { excelHost, settleBound } from './testing.ts';

const LOCK: FieldLock = { fr: 'Verrouillé : la fiche action 1.1.1 a reçu la validation de toutes les parties.', en: 'Locked.' };
const GREY = '#E7E6E6';

async function bound() {
  const { model, action } = conventionFixture();
  const problems: ExcelProblem[] = [];
  const h = excelHost({ onProblem: (p) => problems.push(p) });
  let on = true;
  const query: LockQuery = (ref: FieldRef) => (on && ref.kind === 'action' && ref.id === action && !ref.field.startsWith('statusByYear') ? LOCK : null);
  const binding = new HostBinding(model, h.host, { pollMs: 0, isLocked: query });
  await binding.start();
  const settle = () => settleBound(h.excel, binding);
  const row = h.excel.rowWhere('ctg_plan', 'Identifiant', `action:${action}`);
  return { h, model, action, problems, query, binding, settle, row, unlock: () => (on = false) };
}

describe('Excel: locked fields', () => {
  it('greys the locked cells in one sync, the follow-up columns stay as they are; unlocks in one sync', async () => {
    const { h, query, row, unlock } = await bound();
    const before = h.excel.roundTrips;
    await h.host.setLocks(query);
    expect(h.excel.roundTrips - before).toBe(1);
    expect(h.excel.tableCell('ctg_plan', row, 'Action').fill).toBe(GREY);
    expect(h.excel.tableCell('ctg_plan', row, 'Fin').fill).toBe(GREY);
    expect(h.excel.tableCell('ctg_plan', row, 'Statut 2026').fill).toBeNull();
    await h.host.setLocks(query);
    expect(h.excel.roundTrips - before).toBe(1);
    unlock();
    await h.host.setLocks(query);
    expect(h.excel.roundTrips - before).toBe(2);
    expect(h.excel.tableCell('ctg_plan', row, 'Action').fill).toBeNull();
  });

  it('puts back what is typed in a locked cell, even a value the model cannot take, and says why', async () => {
    const { h, model, action, problems, query, settle, row } = await bound();
    await h.host.setLocks(query);
    expect(h.excel.user.typeInTable('ctg_plan', row, 'Action', 'Tapé sur une fiche validée')).toBe(true);
    await settle();
    expect(model.read('action', action).title).toBe('Créer un multi-accueil');
    expect(h.excel.tableCell('ctg_plan', row, 'Action').value).toBe('Créer un multi-accueil');
    expect(problems.at(-1)).toMatchObject({ type: 'locked', ref: { id: action, field: 'title' }, fr: expect.stringContaining('toutes les parties') });
    h.excel.user.typeInTable('ctg_plan', row, 'Fin', 'pas une date');
    await settle();
    expect(h.excel.tableCell('ctg_plan', row, 'Fin')).toMatchObject({ value: '', fill: GREY });
    expect(problems.some((p) => p.type === 'invalid-value')).toBe(false);
    // The follow-up stays open.
    h.excel.user.typeInTable('ctg_plan', row, 'Statut 2026', 'En cours');
    await settle();
    expect(model.read('action', action).statusByYear['2026']?.status).toBe('en_cours');
  });
});

describe('Excel: rows in a locked part', () => {
  /** The plan's objective « 1.1 » (and so what is added, moved or deleted under it) is locked. */
  async function lockedPlan() {
    const { model, action, objective, axis } = conventionFixture();
    const second = model.add('action', { code: '1.1.2', title: 'Relais petite enfance', pilotId: 'caf' }, { parent: objective });
    const other = model.add('objective', { number: '1.2', title: 'Soutenir les assistantes maternelles' }, { parent: axis });
    const problems: ExcelProblem[] = [];
    const edits: StructureEdit[] = [];
    const lock: Lock = { cause: 'signature', message: { fr: 'Convention signée : ce texte ne change plus que par un avenant.', en: 'Signed convention.' } };
    const locks = {
      lockOf: (t: LockTarget): Lock | null =>
        (t.kind === 'objective' && t.id === objective) || (t.kind === 'action' && (t.id === action || t.id === second || t.parent === objective)) ? lock : null,
    };
    const h = excelHost({
      onProblem: (p) => problems.push(p),
      onStructureEdit: async (edit) => {
        edits.push(edit);
        await takeStructureEdit(model, edit, locks, h.host, (p) => problems.push(p));
      },
      newId: (kind) => `${kind}-new`,
    });
    const binding = new HostBinding(model, h.host, { pollMs: 0 });
    await binding.start();
    const settle = () => settleBound(h.excel, binding);
    return { h, model, action, second, other, problems, edits, settle };
  }

  it('puts a deleted row back, writes nothing, and says why', async () => {
    const { h, model, second, problems, edits, settle } = await lockedPlan();
    expect(h.excel.user.deleteRows('ctg_plan', h.excel.rowWhere('ctg_plan', 'Identifiant', `action:${second}`))).toBe(true);
    await settle();
    expect(edits.map((e) => e.type)).toEqual(["remove"]);
    expect(model.isLive('action', second)).toBe(true);
    expect(h.excel.rowWhere('ctg_plan', 'Identifiant', `action:${second}`)).toBeGreaterThanOrEqual(0);
    expect(problems.at(-1)).toMatchObject({ type: 'locked', ref: { kind: 'action', id: second, field: 'deleted' }, fr: expect.stringMatching(/^Convention signée.*La ligne supprimée a été remise\.$/) });
  });

  it('takes out a row typed under a locked objective, and puts a locked action’s parent back', async () => {
    const { h, model, action, problems, edits, settle } = await lockedPlan();
    h.excel.user.typeBelow('ctg_plan', 'Action', 'Ludothèque itinérante');
    h.excel.user.typeBelow('ctg_plan', 'Objectif', '1.1');
    await settle();
    expect(edits.map((e) => e.type)).toEqual(['add']);
    expect(model.entity('action', 'action-new')).toBeFalsy();
    expect(h.excel.rowWhere('ctg_plan', 'Identifiant', 'action:action-new')).toBe(-1);
    expect(h.excel.tableValues('ctg_plan').slice(1).map((r) => r[4])).not.toContain('Ludothèque itinérante');
    expect(problems.at(-1)).toMatchObject({ type: 'locked', ref: { field: '*' }, fr: expect.stringContaining('La ligne ajoutée a été retirée.') });

    const row = h.excel.rowWhere('ctg_plan', 'Identifiant', `action:${action}`);
    h.excel.user.typeInTable('ctg_plan', row, 'Objectif', '1.2 – Soutenir les assistantes maternelles');
    await settle();
    expect(model.parentOf('action', action)).not.toBe(null);
    expect(String(h.excel.tableCell('ctg_plan', h.excel.rowWhere('ctg_plan', 'Identifiant', `action:${action}`), 'Objectif').value)).toMatch(/^1\.1 /);
    expect(problems.at(-1)).toMatchObject({ type: 'locked', ref: { id: action, field: 'pos' } });
  });
});
