// Locked fields in Excel: their cells greyed in one sync (cell protection is not used: Excel refuses to sort a range
// holding locked cells on a protected sheet, and the plan must stay sortable); what a person types in one is put
// back to the model's value by the binding, even a value the model could not take, and the reason reported.
import { describe, expect, it } from 'vitest';
import { HostBinding } from '../../binding/binding.ts';
import type { FieldRef } from '../../binding/field-ref.ts';
import { conventionFixture } from '../contract.ts';
import type { FieldLock, LockQuery } from '../port.ts';
import type { ExcelProblem } from './problems.ts';
import { excelHost } from './testing.ts';

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
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await h.excel.flushEvents();
      await binding.settled();
    }
  };
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
