// Seeded randomized test: two people typing in their own Word (fake, web or desktop event timing), each bound to
// its own peer, and one person editing the model directly; messages between the three peers arrive in random
// order. Every token anyone typed ends up exactly once in every model, and each Word shows its model.
import { expect, it } from 'vitest';
import { textFields } from '../../../test/support/text-fields.ts';
import type * as Y from 'yjs';
import { ConventionDoc, readSnapshot } from '../../../shared/index.ts';
import { applyTemplate } from '../../../shared/template.ts';
import { FakeWord, type Timing } from '../../../test/fakes/word/index.ts';
import { TestNetwork } from '../../../test/support/network.ts';
import { type Random, seededRandom } from '../../../test/support/random.ts';
import { HostBinding } from '../../binding/binding.ts';
import { readFieldText } from '../../binding/field-codec.ts';
import { type FieldRef, fieldTag } from '../../../shared/field-ref.ts';
import { WordHost } from './word-host.ts';

const SEEDS = Number(process.env.WORD_SEEDS ?? 30);

interface Person {
  model: ConventionDoc;
  word?: FakeWord;
  host?: WordHost;
  binding?: HostBinding;
}


async function typeInWord(person: Person, ref: FieldRef, token: string, random: Random): Promise<void> {
  const word = person.word as FakeWord;
  const tag = fieldTag(ref);
  if (word.controls(tag).length !== 1) return;
  const text = word.user.read(tag);
  // Now and then a new paragraph in a body field, so paragraph-level writes are exercised too.
  const typed = ref.field !== 'title' && random.chance(0.15) ? `\n${token}` : token;
  word.user.type(tag, typed, random.int(text.length + 1));
  if (random.chance(0.3)) word.user.click(null);
  if (random.chance(0.5)) await word.flushEvents();
}

async function runSeed(seed: number, timing: Timing): Promise<void> {
  const random = seededRandom(seed);
  const network = new TestNetwork(3, random);
  const first = network.docs[0] as Y.Doc;
  applyTemplate(first, { conventionId: 'w', generation: '2020', echelon: 'communal', startYear: 2026 });
  const seedModel = new ConventionDoc(first);
  const axis = seedModel.add('axis', { number: 1, title: 'Axe' });
  const objective = seedModel.add('objective', { number: '1.1', title: 'Objectif' }, { parent: axis });
  for (let i = 1; i <= 3; i++) seedModel.add('action', { code: `1.1.${i}`, title: `Action ${i}`, description: 'Description.' }, { parent: objective });
  network.flushAll();

  const people: Person[] = network.docs.map((doc) => ({ model: new ConventionDoc(doc) }));
  for (const person of people.slice(0, 2)) {
    const word = new FakeWord({ timing, undo: false });
    person.word = word;
    person.host = new WordHost({ word, supports: (set, version) => word.isSetSupported(set, version), year: 2026 });
    person.binding = new HostBinding(person.model, person.host, { pollMs: 0 });
    await person.binding.start();
  }

  const tokens: string[] = [];
  for (let step = 0; step < 40; step++) {
    const person = people[random.int(3)] as Person;
    const ref = random.pick(textFields(person.model));
    const token = String.fromCodePoint(0xe000 + step);
    if (ref) {
      tokens.push(token);
      if (person.word) await typeInWord(person, ref, token, random);
      else {
        const at = random.int((readFieldText(person.model, ref) ?? '').length + 1);
        person.model.transact(() => person.model.text(ref.kind as 'action', ref.id, ref.field).insert(at, token));
      }
    }
    if (random.chance(0.5)) network.deliverSome();
    if (random.chance(0.4)) await Promise.all(people.map((p) => p.binding?.settled()));
  }
  for (let round = 0; round < 3; round++) {
    for (const p of people) {
      p.word?.user.click(null);
      await p.word?.flushEvents();
      p.host?.requestFullRead();
    }
    network.flushAll();
    await Promise.all(people.map((p) => p.binding?.settled()));
  }

  const snapshots = people.map((p) => readSnapshot(p.model.ydoc));
  for (const s of snapshots.slice(1)) expect(s).toEqual(snapshots[0]);
  const all = JSON.stringify(snapshots[0]);
  for (const token of tokens) expect(all.split(token).length - 1, `token ${token.codePointAt(0)?.toString(16)} (seed ${seed}, ${timing})`).toBe(1);
  for (const person of people.slice(0, 2)) {
    for (const { ref, value } of await (person.host as WordHost).read()) expect(value, `seed ${seed} ${timing} ${fieldTag(ref)}`).toBe(readFieldText(person.model, ref));
    person.binding?.dispose();
    person.host?.dispose();
  }
}

for (const timing of ['web', 'desktop'] as const) {
  it(`two Word users (${timing} timing) and a model user converge with no lost or duplicated text (${SEEDS} seeds)`, async () => {
    const only = Number(process.env.WORD_SEED ?? 0);
    for (let seed = only || 1; seed <= (only || SEEDS); seed++) await runSeed(seed, timing);
  });
}
