// Seeded randomized test: two people in their own Excel (fake), one in Word (fake) and one editing the model,
// each on their own peer; messages between peers arrive in random order. The Excel users type into cells, paste
// blocks and sort the plan. Every token anyone typed ends up exactly once in every model, and every host shows it.
import { expect, it } from 'vitest';
import type * as Y from 'yjs';
import { ConventionDoc, readSnapshot } from '../../../shared/index.ts';
import { applyTemplate } from '../../../shared/template.ts';
import { FakeWord } from '../../../test/fakes/word/index.ts';
import { TestNetwork } from '../../../test/support/network.ts';
import { type Random, seededRandom } from '../../../test/support/random.ts';
import { HostBinding } from '../../binding/binding.ts';
import { readFieldText } from '../../binding/field-codec.ts';
import { type FieldRef, fieldTag } from '../../../shared/field-ref.ts';
import { WordHost } from '../word/word-host.ts';
import { applyStructureEdit } from './structure-edits.ts';
import { type ExcelUnderTest, excelHost } from './testing.ts';

const SEEDS = Number(process.env.EXCEL_SEEDS ?? 30);

interface Person {
  model: ConventionDoc;
  excel?: ExcelUnderTest;
  word?: { fake: FakeWord; host: WordHost };
  binding?: HostBinding;
}

/** Text fields every host shows: action titles and descriptions (plus, in Excel, indicator labels and titles). */
function textFields(model: ConventionDoc, excel: boolean): FieldRef[] {
  const refs: FieldRef[] = [];
  for (const axis of model.childIds('axis')) {
    if (excel) refs.push({ kind: 'axis', id: axis, field: 'title' });
    for (const objective of model.childIds('objective', axis)) {
      for (const id of model.childIds('action', objective)) {
        refs.push({ kind: 'action', id, field: 'title' }, { kind: 'action', id, field: 'description' });
      }
      if (excel) for (const id of model.childIds('indicator', objective)) refs.push({ kind: 'indicator', id, field: 'label' });
    }
  }
  return refs;
}

function insert(text: string, token: string, random: Random): string {
  const at = random.int(text.length + 1);
  return text.slice(0, at) + token + text.slice(at);
}

async function act(person: Person, token: string, random: Random): Promise<boolean> {
  const refs = textFields(person.model, true);
  if (person.excel) {
    const { excel } = person.excel;
    const roll = random();
    if (roll < 0.1) {
      const column = random.pick(['Code', 'Action', 'Description', 'Pilote']) as string;
      excel.user.sort('ctg_plan', column, random.chance(0.5) ? 'Ascending' : 'Descending');
      await excel.flushEvents();
      return false;
    }
    if (roll < 0.15) {
      // A new action typed (pasted) under the plan: its objective and its title, in one block.
      const table = excel.table('ctg_plan');
      const address = excel.user.cellAddress(table, table.rows, 'Objectif');
      excel.user.paste(table.sheet.name, address, [['1.1 – Objectif', `Nouvelle ${token}`]]);
      await excel.flushEvents();
      return true;
    }
    const ref = random.pick(refs);
    const at = ref && person.excel.cellOf(ref);
    if (!ref || !at) return false;
    const current = String(excel.tableCell(at.table, at.row, at.column).value);
    if (roll < 0.3 && at.table === 'ctg_plan') {
      // A paste over the title and description of one action: a two-cell block, no details in the event.
      const description = String(excel.tableCell(at.table, at.row, 'Description').value);
      const title = String(excel.tableCell(at.table, at.row, 'Action').value);
      const block = at.column === 'Action' ? [[insert(title, token, random), description]] : [[title, insert(description, token, random)]];
      excel.user.pasteInTable(at.table, at.row, 'Action', block);
    } else excel.user.typeInTable(at.table, at.row, at.column, insert(current, token, random));
    if (random.chance(0.6)) await excel.flushEvents();
    return true;
  }
  if (person.word) {
    const ref = random.pick(textFields(person.model, false));
    if (!ref) return false;
    const tag = fieldTag(ref);
    if (person.word.fake.controls(tag).length !== 1) return false;
    const text = person.word.fake.user.read(tag);
    person.word.fake.user.type(tag, token, random.int(text.length + 1));
    if (random.chance(0.5)) await person.word.fake.flushEvents();
    return true;
  }
  const ref = random.pick(refs);
  if (!ref) return false;
  const at = random.int((readFieldText(person.model, ref) ?? '').length + 1);
  person.model.transact(() => person.model.text(ref.kind as 'action', ref.id, ref.field).insert(at, token));
  return true;
}

async function settle(people: Person[]): Promise<void> {
  for (const p of people) {
    await p.excel?.excel.flushEvents();
    await p.word?.fake.flushEvents();
  }
  await Promise.all(people.map((p) => p.binding?.settled()));
}

async function runSeed(seed: number, withWord: boolean): Promise<void> {
  const random = seededRandom(seed);
  const network = new TestNetwork(withWord ? 4 : 3, random);
  const first = network.docs[0] as Y.Doc;
  applyTemplate(first, { conventionId: 'x', generation: '2020', echelon: 'communal', startYear: 2026 });
  const seedModel = new ConventionDoc(first);
  const axis = seedModel.add('axis', { number: 1, title: 'Axe' });
  const objective = seedModel.add('objective', { number: '1.1', title: 'Objectif' }, { parent: axis });
  for (let i = 1; i <= 3; i++) seedModel.add('action', { code: `1.1.${i}`, title: `Action ${i}`, description: 'Description.' }, { parent: objective });
  seedModel.add('indicator', { label: 'Places créées', unit: 'places' }, { parent: objective });
  network.flushAll();

  const people: Person[] = network.docs.map((doc) => ({ model: new ConventionDoc(doc) }));
  for (const [i, person] of people.entries()) {
    if (i < 2) {
      // One Excel with ExcelApi 1.18, one with 1.12 (no trigger source: the echo guard; no onRowSorted before 1.10 is
      // not reached here, but no resize and no notes).
      person.excel = excelHost({
        fake: { requirementSets: { ExcelApi: i === 0 ? '1.18' : '1.12' } },
        onStructureEdit: (edit) => void applyStructureEdit(person.model, edit),
      });
      person.binding = new HostBinding(person.model, person.excel.host, { pollMs: 0 });
    } else if (i === 3) {
      const fake = new FakeWord({ timing: 'web', undo: false });
      const host = new WordHost({ word: fake, supports: (set, version) => fake.isSetSupported(set, version), year: 2026 });
      person.word = { fake, host };
      person.binding = new HostBinding(person.model, host, { pollMs: 0 });
    }
    await person.binding?.start();
  }

  const tokens: string[] = [];
  for (let step = 0; step < 40; step++) {
    const person = people[random.int(people.length)] as Person;
    const token = String.fromCodePoint(0xe000 + step);
    if (await act(person, token, random)) tokens.push(token);
    if (random.chance(0.5)) network.deliverSome();
    if (random.chance(0.4)) await settle(people);
  }
  for (let round = 0; round < 3; round++) {
    for (const p of people) {
      p.word?.fake.user.click(null);
      p.word?.host.requestFullRead();
      p.excel?.host.requestFullRead();
    }
    await settle(people);
    network.flushAll();
    await settle(people);
  }

  const label = `seed ${seed}${withWord ? ' with Word' : ''}`;
  const snapshots = people.map((p) => readSnapshot(p.model.ydoc));
  for (const s of snapshots.slice(1)) expect(s, label).toEqual(snapshots[0]);
  const all = JSON.stringify(snapshots[0]);
  for (const token of tokens) expect(all.split(token).length - 1, `token ${token.codePointAt(0)?.toString(16)} (${label})`).toBe(1);
  for (const person of people) {
    const host = person.excel?.host ?? person.word?.host;
    if (!host) continue;
    for (const { ref, value } of await host.read()) expect(value, `${label} ${fieldTag(ref)}`).toBe(readFieldText(person.model, ref));
    person.binding?.dispose();
    host.dispose();
  }
}

for (const withWord of [false, true]) {
  it(`two Excel users${withWord ? ', a Word user' : ''} and a model user converge with no lost or duplicated text (${SEEDS} seeds)`, async () => {
    const only = Number(process.env.EXCEL_SEED ?? 0);
    for (let seed = only || 1; seed <= (only || SEEDS); seed++) await runSeed(seed, withWord);
  }, 600_000);
}
