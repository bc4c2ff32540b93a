// @vitest-environment happy-dom
// Seeded randomized test of the binding: two people typing in their browser hosts and one person editing the
// model directly, on three peers whose messages arrive in random order. Every token anyone typed must end up
// exactly once in every peer's model and every host must show its model — no lost and no duplicated text.
import { expect, it } from 'vitest';
import { textFields } from '../../test/support/text-fields.ts';
import type * as Y from 'yjs';
import { TestNetwork } from '../../test/support/network.ts';
import { type Random, seededRandom } from '../../test/support/random.ts';
import { ConventionDoc, readSnapshot } from '../../shared/index.ts';
import { applyTemplate } from '../../shared/template.ts';
import { BrowserHost } from '../host/browser/browser-host.ts';
import { HostBinding } from './binding.ts';
import { type FieldRef, fieldTag } from '../../shared/field-ref.ts';
import { readFieldText } from './field-codec.ts';

const SEEDS = Number(process.env.BINDING_SEEDS ?? 40);

interface Person {
  model: ConventionDoc;
  host?: BrowserHost;
  binding?: HostBinding;
  container?: HTMLElement;
}


function typeInHost(person: Person, ref: FieldRef, token: string, random: Random): void {
  const el = person.container?.querySelector(`[data-tag="${fieldTag(ref)}"]`);
  if (!el) return;
  const text = el.textContent ?? '';
  const at = random.int(text.length + 1);
  el.textContent = text.slice(0, at) + token + text.slice(at);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

async function runSeed(seed: number): Promise<void> {
  const random = seededRandom(seed);
  const network = new TestNetwork(3, random);
  const first = network.docs[0] as Y.Doc;
  applyTemplate(first, { conventionId: 'b', generation: '2020', echelon: 'communal', startYear: 2026 });
  const seedModel = new ConventionDoc(first);
  const axis = seedModel.add('axis', { number: 1, title: 'Axe' });
  const objective = seedModel.add('objective', { number: '1.1', title: 'Objectif' }, { parent: axis });
  for (let i = 1; i <= 3; i++) seedModel.add('action', { code: `1.1.${i}`, title: `Action ${i}`, description: 'Description.' }, { parent: objective });
  network.flushAll();

  const people: Person[] = network.docs.map((doc) => ({ model: new ConventionDoc(doc) }));
  for (const person of people.slice(0, 2)) {
    person.container = document.createElement('div');
    document.body.append(person.container);
    person.host = new BrowserHost(person.container, { editable: true, year: 2026 });
    person.binding = new HostBinding(person.model, person.host, { pollMs: 0 });
    await person.binding.start();
  }

  const tokens: string[] = [];
  for (let step = 0; step < 40; step++) {
    const who = random.int(3);
    const person = people[who] as Person;
    const ref = random.pick(textFields(person.model));
    // One character of its own per token (private-use area): a diff can never split or confuse it.
    const token = String.fromCodePoint(0xe000 + step);
    if (ref) {
      tokens.push(token);
      if (person.host) typeInHost(person, ref, token, random);
      else {
        const at = random.int((readFieldText(person.model, ref) ?? '').length + 1);
        person.model.transact(() => person.model.text(ref.kind as 'action', ref.id, ref.field).insert(at, token));
      }
    }
    if (random.chance(0.5)) network.deliverSome();
    if (random.chance(0.4)) await Promise.all(people.map((p) => p.binding?.settled()));
  }
  for (let round = 0; round < 3; round++) {
    network.flushAll();
    await Promise.all(people.map((p) => p.binding?.settled()));
  }

  const snapshots = people.map((p) => readSnapshot(p.model.ydoc));
  for (const s of snapshots.slice(1)) expect(s).toEqual(snapshots[0]);
  const all = JSON.stringify(snapshots[0]);
  for (const token of tokens) expect(all.split(token).length - 1, `token ${token.codePointAt(0)?.toString(16)} (seed ${seed})`).toBe(1);
  for (const person of people.slice(0, 2)) {
    for (const { ref, value } of await (person.host as BrowserHost).read()) expect(value).toBe(readFieldText(person.model, ref));
    person.binding?.dispose();
    person.host?.dispose();
    person.container?.remove();
  }
}

it(`two browser hosts and a model user converge with no lost or duplicated text (${SEEDS} seeds)`, async () => {
  const only = Number(process.env.BINDING_SEED ?? 0);
  for (let seed = only || 1; seed <= (only || SEEDS); seed++) await runSeed(seed);
});
