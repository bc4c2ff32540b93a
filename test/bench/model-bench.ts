// Benchmark of the CTG model on the fictional sample convention: validation, snapshot, encoded size, import.
import * as Y from 'yjs';
import { exportConventionJson, importConventionJson, readSnapshot, validate } from '../../shared/index.ts';
import { sampleFile } from '../fixtures/sample.ts';
import { ms, time } from './measure.ts';

export function runModelBench(): void {
  const file = sampleFile();
  const doc = new Y.Doc();
  importConventionJson(doc, file);
  const snapshot = readSnapshot(doc);
  const findings = validate(snapshot, { today: '2027-01-31' });

  const validation = time(() => validate(snapshot, { today: '2027-01-31' }), 500);
  const read = time(() => readSnapshot(doc), 300);
  const imported = time(() => importConventionJson(new Y.Doc(), file), 50, 5);
  const exported = time(() => exportConventionJson(doc), 100);
  const update = Y.encodeStateAsUpdate(doc);
  const json = JSON.stringify(exportConventionJson(doc));

  console.log('\n== CTG model, sample convention (12 actions, 17 indicators, 6 articles) ==');
  console.table({
    'validation (all rules)': { median: ms(validation.median), p95: ms(validation.p95) },
    'snapshot (Y.Doc → plain)': { median: ms(read.median), p95: ms(read.p95) },
    'import JSON → Y.Doc': { median: ms(imported.median), p95: ms(imported.p95) },
    'export Y.Doc → JSON': { median: ms(exported.median), p95: ms(exported.p95) },
  });
  console.log(`encoded Y.Doc: ${update.byteLength} bytes (${(update.byteLength / 1024).toFixed(1)} KiB); JSON export: ${json.length} bytes`);
  console.log(`findings on the sample: ${findings.length} (${findings.map((f) => `${f.severity} ${f.rule}`).join(', ')})`);
}
