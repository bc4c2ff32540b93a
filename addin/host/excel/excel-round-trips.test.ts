// Round trips are the cost that matters in Office: the sample's plan and indicators are written in two, a burst of
// 200 remote changes in one (calculation and screen updating suspended), a 500-cell paste becomes one model
// transaction, and every request stays under Excel on the web's payload limit.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ConventionDoc, importConventionJson, readSnapshot } from '../../../shared/index.ts';
import { sampleFile } from '../../../test/fixtures/sample.ts';
import { HostBinding } from '../../binding/binding.ts';
import { parseFieldText, readFieldText, writeField } from '../../binding/field-codec.ts';
import type { FieldRef } from '../../../shared/field-ref.ts';
import { excelHost } from './testing.ts';

function sample() {
  const doc = new Y.Doc();
  importConventionJson(doc, sampleFile());
  return new ConventionDoc(doc);
}

/** Fields shown in Excel that a remote peer may change to a new value of the same kind. */
function changeable(model: ConventionDoc, refs: Iterable<FieldRef>): Array<{ ref: FieldRef; value: string }> {
  const out: Array<{ ref: FieldRef; value: string }> = [];
  for (const ref of refs) {
    const text = readFieldText(model, ref) ?? '';
    if (/^(values|planned|realised)\./.test(ref.field)) out.push({ ref, value: String(Number(text || 0) + 7) });
    else if (['title', 'description', 'label', 'unit', 'source', 'scheme'].includes(ref.field)) out.push({ ref, value: `${text} (révisé)` });
  }
  return out;
}

describe('Excel round trips', () => {
  it('writes the sample’s plan and indicators in two round trips, and starts a binding in three', async () => {
    const model = sample();
    const h = excelHost();
    await h.host.render(readSnapshot(model.ydoc));
    expect(h.excel.roundTrips).toBe(2);
    expect(h.excel.syncs[1]).toMatchObject({ suspendCalculation: true, suspendScreen: true });
    const fresh = excelHost();
    await new HostBinding(model, fresh.host, { pollMs: 0 }).start();
    expect(fresh.excel.roundTrips).toBeLessThanOrEqual(3);
  });

  it('applies a burst of 200 remote cell changes in one round trip', async () => {
    const model = sample();
    const h = excelHost();
    const binding = new HostBinding(model, h.host, { pollMs: 0 });
    await binding.start();
    const changes = changeable(model, [...(h.host.session.layout?.fields.values() ?? [])].map((c) => c.ref)).slice(0, 200);
    expect(changes).toHaveLength(200);
    const remote = new ConventionDoc(model.ydoc, 'remote');
    const before = h.excel.roundTrips;
    remote.transact(() => {
      for (const { ref, value } of changes) {
        const parsed = parseFieldText(ref, value);
        if (parsed.ok) writeField(remote, ref, parsed.value);
      }
    });
    await binding.settled();
    await h.excel.flushEvents();
    await binding.settled();
    expect(h.excel.roundTrips - before).toBe(1);
    expect(h.excel.syncs.at(-1)).toMatchObject({ suspendCalculation: true, suspendScreen: true });
    for (const { ref, value } of changes.slice(0, 20)) expect(await h.host.read([ref])).toEqual([{ ref, value }]);
  });

  it('imports a 500-cell paste as one model transaction', async () => {
    const model = sample();
    const objective = model.childIds('objective', model.childIds('axis')[0])[0] as string;
    for (let i = 0; i < 50; i++) model.add('indicator', { label: `Indicateur ${i}`, unit: 'places' }, { parent: objective });
    const h = excelHost();
    const binding = new HostBinding(model, h.host, { pollMs: 0 });
    await binding.start();
    const table = h.excel.table('ctg_indicateurs');
    const first = h.excel.rowWhere('ctg_indicateurs', 'Indicateur', 'Indicateur 0');
    // 50 rows × 12 columns, from « Indicateur » to « 2026 ».
    const block = Array.from({ length: 50 }, (_, i) => [`Indicateur collé ${i}`, 'Résultat', '%', 'Caf', String(i), '2024', String(i + 10), '2029', 'Sophie Arnaud', 'trimestrielle', String(i + 1), String(i + 2)]);
    let transactions = 0;
    model.ydoc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.changed.size > 0) transactions++;
    });
    const before = h.excel.roundTrips;
    expect(h.excel.user.pasteInTable(table.name, first, 'Indicateur', block)).toBe(true);
    await h.excel.flushEvents();
    await binding.settled();
    expect(transactions).toBe(1);
    expect(h.excel.roundTrips - before).toBe(1);
    const pasted = model.childIds('indicator', objective).map((id) => model.read('indicator', id)).filter((i) => i.label.startsWith('Indicateur collé'));
    expect(pasted).toHaveLength(50);
    expect(pasted[7]).toMatchObject({ label: 'Indicateur collé 7', kind: 'resultat', unit: '%', baselineValue: 7, targetValue: 17, frequency: 'trimestrielle', values: { '2025': 8, '2026': 9 } });
    expect(model.read('person', pasted[7]!.ownerId!)).toMatchObject({ name: 'Sophie Arnaud' });
  });

  it('keeps every request under the payload limit, in as many syncs as needed', async () => {
    const model = sample();
    const objective = model.childIds('objective', model.childIds('axis')[0])[0] as string;
    for (let i = 0; i < 300; i++) model.add('action', { code: `9.9.${i}`, title: `Action ${i} ${'x'.repeat(200)}`, description: 'y'.repeat(400) }, { parent: objective });
    const h = excelHost({ fake: { payloadLimit: 64 * 1024 }, payloadBudget: 48 * 1024 });
    const binding = new HostBinding(model, h.host, { pollMs: 0 });
    await binding.start();
    expect(h.excel.syncs.length).toBeGreaterThan(4);
    for (const sync of h.excel.syncs) expect(sync.requestBytes).toBeLessThanOrEqual(64 * 1024);
    expect(h.excel.table('ctg_plan').rows).toBe(312);
    const last = model.childIds('action', objective).at(-1) as string;
    expect(await h.host.read([{ kind: 'action', id: last, field: 'title' }])).toEqual([{ ref: { kind: 'action', id: last, field: 'title' }, value: `Action 299 ${'x'.repeat(200)}` }]);
  });
});
