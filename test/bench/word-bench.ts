// Benchmark of the Word adapter over the fake Word: round trips to insert the sample convention, round trips for a
// burst of 100 remote field changes, and the time to reconcile a 40-page convention (full read + diff by the
// binding, the safety-net poll) and to re-render it. Times include the fake's own work; in Word each round trip
// adds the host's latency. Run alone with `tsx test/bench/word-bench.ts`.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { HostBinding } from '../../addin/binding/binding.ts';
import type { FieldRef } from '../../shared/field-ref.ts';
import { ConventionDoc, importConventionJson, readSnapshot } from '../../shared/index.ts';
import { wordUnderTest } from '../fakes/word/host.ts';
import { sampleFile } from '../fixtures/sample.ts';
import { ms, summarize } from './measure.ts';

const CHARS_PER_PAGE = 3000;

function sampleDoc(): Y.Doc {
  const doc = new Y.Doc();
  importConventionJson(doc, sampleFile());
  return doc;
}

/** The sample grown to about `pages` pages: long article bodies and descriptions, several paragraphs each. */
function longConvention(pages: number): Y.Doc {
  const doc = sampleDoc();
  const model = new ConventionDoc(doc);
  const s = readSnapshot(doc);
  const current = () => s.articles.reduce((n, a) => n + a.body.length, 0) + s.axes.flatMap((a) => a.objectives.flatMap((o) => o.actions)).reduce((n, a) => n + a.description.length, 0);
  const missing = Math.max(0, pages * CHARS_PER_PAGE - current() - 20_000);
  const paragraph = (i: number) => `Paragraphe ${i} : ${'les signataires conviennent de coordonner leurs interventions au plus près des familles du territoire ; '.repeat(6)}`;
  const perArticle = Math.ceil(missing / 2 / s.articles.length / paragraph(0).length);
  const actions = s.axes.flatMap((a) => a.objectives.flatMap((o) => o.actions));
  const perAction = Math.ceil(missing / 2 / actions.length / paragraph(0).length);
  model.transact(() => {
    for (const a of s.articles) model.update('article', a.id, { body: [a.body, ...Array.from({ length: perArticle }, (_, i) => paragraph(i + 1))].join('\n') });
    for (const a of actions) model.update('action', a.id, { description: [a.description, ...Array.from({ length: perAction }, (_, i) => paragraph(i + 1))].join('\n') });
  });
  return doc;
}

function burstFields(model: ConventionDoc): Array<{ ref: FieldRef; text: boolean }> {
  const s = readSnapshot(model.ydoc);
  const out: Array<{ ref: FieldRef; text: boolean }> = [];
  const text = (kind: FieldRef['kind'], id: string, field: string) => out.push({ ref: { kind, id, field }, text: true });
  for (const a of s.articles) for (const field of ['title', 'body']) text('article', a.id, field);
  for (const d of s.diagnostic.sections) for (const field of ['findings', 'needs']) text('diagnosticSection', d.id, field);
  for (const axis of s.axes) {
    text('axis', axis.id, 'title');
    for (const o of axis.objectives) {
      text('objective', o.id, 'title');
      for (const a of o.actions) for (const field of ['title', 'description', 'public']) text('action', a.id, field);
    }
  }
  for (const a of s.axes.flatMap((x) => x.objectives.flatMap((o) => o.actions)))
    for (const field of ['startDate', 'endDate']) out.push({ ref: { kind: 'action', id: a.id, field }, text: false });
  return out.slice(0, 100);
}

async function insertRoundTrips(): Promise<{ render: number; bind: number; controls: number }> {
  const rendered = wordUnderTest({ undo: false });
  await rendered.host.render(readSnapshot(sampleDoc()));
  const bound = wordUnderTest({ undo: false });
  const binding = new HostBinding(new ConventionDoc(sampleDoc()), bound.host, { pollMs: 0 });
  await binding.start();
  binding.dispose();
  return { render: rendered.word.roundTrips, bind: bound.word.roundTrips, controls: rendered.word.tags().length };
}

async function burstRoundTrips(): Promise<{ trips: number; fields: number }> {
  const local = sampleDoc();
  const remote = new Y.Doc();
  Y.applyUpdate(remote, Y.encodeStateAsUpdate(local));
  const { word, host } = wordUnderTest({ undo: false });
  const binding = new HostBinding(new ConventionDoc(local), host, { pollMs: 0 });
  await binding.start();
  const other = new ConventionDoc(remote);
  const fields = burstFields(other);
  other.transact(() => {
    for (const { ref, text } of fields) {
      if (text) other.text(ref.kind as 'action', ref.id, ref.field).insert(0, 'Modifié : ');
      else other.update('action', ref.id, { [ref.field]: '2027-01-02' });
    }
  });
  const before = word.roundTrips;
  Y.applyUpdate(local, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(local)));
  await binding.settled();
  binding.dispose();
  return { trips: word.roundTrips - before, fields: fields.length };
}

async function timeAsync(fn: () => Promise<void>, runs: number): Promise<ReturnType<typeof summarize>> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

async function longReconcile() {
  const doc = longConvention(40);
  const model = new ConventionDoc(doc);
  const { word, host } = wordUnderTest({ undo: false });
  const binding = new HostBinding(model, host, { pollMs: 0 });
  const insertStart = performance.now();
  await binding.start();
  const insert = performance.now() - insertStart;
  const chars = word.bodyText().length;
  const article = readSnapshot(doc).articles[2]?.id as string;
  let n = 0;
  const reconcile = await timeAsync(async () => {
    // A person typed in a long body without Word telling; the poll finds it and takes it into the model.
    word.user.type(`ctg:article:${article}:body`, ` [${n++}]`, 10);
    const trips = word.roundTrips;
    host.requestFullRead();
    await binding.settled();
    if (word.roundTrips - trips !== 1) throw new Error(`reconcile took ${word.roundTrips - trips} round trips`);
  }, 20);
  const rerender = await timeAsync(() => host.render(readSnapshot(doc)), 20);
  binding.dispose();
  return { pages: chars / CHARS_PER_PAGE, controls: word.tags().length, insert, reconcile, rerender };
}

export async function runWordBench(): Promise<void> {
  const insert = await insertRoundTrips();
  const burst = await burstRoundTrips();
  const long = await longReconcile();
  console.log('\n== Word adapter over the fake Word (round trips are what costs in Word) ==');
  console.table({
    'insert the sample convention (render)': { value: `${insert.render} round trips`, target: '≤ 3', note: `${insert.controls} content controls` },
    'insert + bind (render, read, write)': { value: `${insert.bind} round trips`, target: '≤ 3', note: 'HostBinding.start' },
    [`burst of ${burst.fields} remote field changes`]: { value: `${burst.trips} round trip(s)`, target: '1', note: 'the write; fields with an event or the caret are read first (+1); typing a write goes over is merged back' },
  });
  console.log(`40-page convention: ${long.pages.toFixed(1)} pages (${CHARS_PER_PAGE} characters a page), ${long.controls} content controls`);
  console.table({
    'insert and bind (once)': { median: ms(long.insert), p95: '—' },
    'reconcile (full read + diff, 1 round trip)': { median: ms(long.reconcile.median), p95: ms(long.reconcile.p95) },
    're-render, nothing changed (1 round trip)': { median: ms(long.rerender.median), p95: ms(long.rerender.p95) },
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runWordBench();
