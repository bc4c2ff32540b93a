// Benchmark of the Excel adapter on the fake Excel and the sample convention: round trips to write the plan and
// indicators into a new workbook, round trips for a burst of 200 remote cell changes, time to take a 500-cell
// paste into the model (one transaction).
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { excelHost } from '../../addin/host/excel/testing.ts';
import { HostBinding } from '../../addin/binding/binding.ts';
import { parseFieldText, readFieldText, writeField } from '../../addin/binding/field-codec.ts';
import { ConventionDoc, importConventionJson, readSnapshot } from '../../shared/index.ts';
import { sampleFile } from '../fixtures/sample.ts';
import { ms, summarize } from './measure.ts';

function sample(): ConventionDoc {
  const doc = new Y.Doc();
  importConventionJson(doc, sampleFile());
  return new ConventionDoc(doc);
}

async function writeSample(): Promise<{ render: number; start: number; bytes: number }> {
  const model = sample();
  const h = excelHost();
  await h.host.render(readSnapshot(model.ydoc));
  const render = h.excel.roundTrips;
  const bytes = Math.max(...h.excel.syncs.map((s) => s.requestBytes));
  const fresh = excelHost();
  await new HostBinding(model, fresh.host, { pollMs: 0 }).start();
  return { render, start: fresh.excel.roundTrips, bytes };
}

async function remoteBurst(): Promise<{ roundTrips: number; cells: number }> {
  const model = sample();
  const h = excelHost();
  const binding = new HostBinding(model, h.host, { pollMs: 0 });
  await binding.start();
  const refs = [...(h.host.session.layout?.fields.values() ?? [])].map((c) => c.ref);
  const changes = refs
    .filter((ref) => /^(values|planned|realised)\./.test(ref.field) || ['title', 'description', 'label', 'unit', 'source', 'scheme'].includes(ref.field))
    .slice(0, 200);
  const remote = new ConventionDoc(model.ydoc, 'remote');
  const before = h.excel.roundTrips;
  remote.transact(() => {
    for (const ref of changes) {
      const text = readFieldText(remote, ref) ?? '';
      const parsed = parseFieldText(ref, ref.field.includes('.') ? String(Number(text || 0) + 1) : `${text} (révisé)`);
      if (parsed.ok) writeField(remote, ref, parsed.value);
    }
  });
  await binding.settled();
  await h.excel.flushEvents();
  await binding.settled();
  return { roundTrips: h.excel.roundTrips - before, cells: changes.length };
}

async function paste500(): Promise<{ ms: number; transactions: number; roundTrips: number }> {
  const model = sample();
  const objective = model.childIds('objective', model.childIds('axis')[0])[0] as string;
  for (let i = 0; i < 50; i++) model.add('indicator', { label: `Indicateur ${i}`, unit: 'places' }, { parent: objective });
  const h = excelHost();
  const binding = new HostBinding(model, h.host, { pollMs: 0 });
  await binding.start();
  const first = h.excel.rowWhere('ctg_indicateurs', 'Indicateur', 'Indicateur 0');
  const block = Array.from({ length: 50 }, (_, i) => [`Indicateur collé ${i}`, 'Résultat', '%', 'Caf', String(i), '2024', String(i + 10), '2029', String(i + 1), String(i + 2)]);
  let transactions = 0;
  model.ydoc.on('afterTransaction', (tr: Y.Transaction) => {
    if (tr.changed.size > 0) transactions++;
  });
  const before = h.excel.roundTrips;
  const start = performance.now();
  h.excel.user.pasteInTable('ctg_indicateurs', first, 'Indicateur', block);
  await h.excel.flushEvents();
  await binding.settled();
  const elapsed = performance.now() - start;
  return { ms: elapsed, transactions, roundTrips: h.excel.roundTrips - before };
}

export async function runExcelBench(): Promise<void> {
  const written = await writeSample();
  const burst = await remoteBurst();
  const runs: number[] = [];
  let last = { ms: 0, transactions: 0, roundTrips: 0 };
  for (let i = 0; i < 25; i++) {
    last = await paste500();
    if (i >= 5) runs.push(last.ms);
  }
  const paste = summarize(runs);
  console.log('\n== Excel adapter (fake Excel, sample convention: 12 actions, 17 indicators) ==');
  console.table({
    'write plan + indicators (render, new workbook)': { result: `${written.render} round trips`, target: '≤ 3', note: `largest request ${(written.bytes / 1024).toFixed(0)} KiB` },
    'start a binding (render + read + write)': { result: `${written.start} round trips`, target: '≤ 3', note: '' },
    [`burst of ${burst.cells} remote cell changes`]: { result: `${burst.roundTrips} round trip`, target: '1', note: 'calculation and screen updating suspended' },
    '500-cell paste → model': { result: `${ms(paste.median)} median, ${ms(paste.p95)} p95`, target: '1 transaction', note: `${last.transactions} transaction, ${last.roundTrips} round trip` },
  });
}
