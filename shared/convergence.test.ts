// Seeded randomized convergence: 3–5 peers run random operations through the typed API (structure edits,
// moves, deletes and restores, concurrent typing, a parent deleted while a child is added under it) while messages
// arrive in random order and peers drop off and come back. At the end every peer must hold the same snapshot, and
// that snapshot must satisfy the structural invariants.
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { TestNetwork } from '../test/support/network.ts';
import { type Random, seededRandom } from '../test/support/random.ts';
import { ConventionDoc } from './doc/convention-doc.ts';
import { ModelError } from './doc/errors.ts';
import { ENTITY_KINDS, ENTITY_SPECS } from './layout.ts';
import { readSnapshot } from './snapshot.ts';
import { applyTemplate } from './template.ts';
import type { ConventionSnapshot, EntityKind } from './types.ts';

const SEEDS = Number(process.env.CONVERGENCE_SEEDS ?? 300);
const STRUCTURE: EntityKind[] = ['axis', 'objective', 'action', 'indicator', 'milestone', 'budgetLine'];

type Operation = (model: ConventionDoc, random: Random) => void;

const liveIds = (model: ConventionDoc, kind: EntityKind): string[] => {
  const ids: string[] = [];
  model.collection(kind).forEach((_, id) => {
    if (model.isLive(kind, id)) ids.push(id);
  });
  return ids.sort();
};

const deadIds = (model: ConventionDoc, kind: EntityKind): string[] => {
  const ids: string[] = [];
  model.collection(kind).forEach((_, id) => {
    if (!model.isLive(kind, id)) ids.push(id);
  });
  return ids.sort();
};

function parentFor(model: ConventionDoc, kind: EntityKind, random: Random): string | null | undefined {
  const parentKind = ENTITY_SPECS[kind].parent;
  return parentKind ? random.pick(liveIds(model, parentKind)) : null;
}

const OPERATIONS: Array<[weight: number, Operation]> = [
  [
    6,
    (model, random) => {
      const kind = random.pick(STRUCTURE) as EntityKind;
      const parent = parentFor(model, kind, random);
      if (parent === undefined) return;
      const data: Record<EntityKind, object> = {
        axis: { title: random.word(), number: random.int(9) },
        objective: { title: random.word(), number: `${random.int(9)}.${random.int(9)}` },
        action: { title: random.word(), code: `${random.int(9)}.${random.int(9)}.${random.int(9)}`, pilotId: 'caf' },
        indicator: { label: random.word(), targetValue: random.int(100) },
        milestone: { label: random.word(), date: '2027-06-30' },
        budgetLine: { funderId: 'caf', planned: { '2027': random.int(50_000) } },
      } as Record<EntityKind, object>;
      model.add(kind, data[kind], { parent, index: random.int(4) });
    },
  ],
  [
    3,
    (model, random) => {
      const kind = random.pick(STRUCTURE) as EntityKind;
      const id = random.pick(liveIds(model, kind));
      if (!id) return;
      const parent = random.chance(0.5) ? parentFor(model, kind, random) : undefined;
      model.move(kind, id, { parent: parent ?? undefined, index: random.int(5) });
    },
  ],
  [
    2,
    (model, random) => {
      const kind = random.pick(STRUCTURE) as EntityKind;
      const id = random.pick(liveIds(model, kind));
      if (id) model.remove(kind, id);
    },
  ],
  [
    1,
    (model, random) => {
      const kind = random.pick(STRUCTURE) as EntityKind;
      const id = random.pick(deadIds(model, kind));
      if (id) model.restore(kind, id);
    },
  ],
  [
    6,
    (model, random) => {
      // Keystroke-level typing in a shared text: an article body or an action title.
      const [kind, field] = random.chance(0.5) ? (['article', 'body'] as const) : (['action', 'title'] as const);
      const id = random.pick(liveIds(model, kind));
      if (!id) return;
      const text = model.text(kind, id, field);
      if (random.chance(0.3) && text.length > 0) {
        const at = random.int(text.length);
        model.transact(() => text.delete(at, Math.min(1 + random.int(5), text.length - at)));
      } else model.transact(() => text.insert(random.int(text.length + 1), random.word()));
    },
  ],
  [
    3,
    (model, random) => {
      const id = random.pick(liveIds(model, 'action'));
      if (!id) return;
      const year = String(2026 + random.int(5));
      const current = model.read('action', id);
      model.update('action', id, {
        pilotId: random.pick(['caf', 'collectivite']),
        statusByYear: { ...current.statusByYear, [year]: { status: random.pick(['en_cours', 'realisee'] as const) ?? 'en_cours', comment: '', decision: null } },
        partners: random.chance(0.5) ? { ...current.partners, [random.pick(['msa', 'cpam', 'cd']) ?? 'msa']: 'financeur' } : current.partners,
        indicatorIds: liveIds(model, 'indicator').filter(() => random.chance(0.3)),
        title: random.chance(0.2) ? random.word() : current.title,
      });
    },
  ],
];

const TOTAL_WEIGHT = OPERATIONS.reduce((sum, [w]) => sum + w, 0);

function randomOperation(random: Random): Operation {
  let roll = random.int(TOTAL_WEIGHT);
  for (const [weight, op] of OPERATIONS) {
    if (roll < weight) return op;
    roll -= weight;
  }
  return (OPERATIONS[0] as [number, Operation])[1];
}

function checkInvariants(doc: Y.Doc, snapshot: ConventionSnapshot): void {
  const model = new ConventionDoc(doc);
  const seen: Record<string, string[]> = {};
  const visit = (kind: EntityKind, id: string) => {
    seen[kind] ??= [];
    seen[kind].push(id);
  };
  for (const axis of snapshot.axes) {
    visit('axis', axis.id);
    for (const objective of axis.objectives) {
      visit('objective', objective.id);
      expect(model.parentOf('objective', objective.id)).toBe(axis.id);
      for (const action of objective.actions) {
        visit('action', action.id);
        expect(model.parentOf('action', action.id)).toBe(objective.id);
        for (const m of action.milestones) visit('milestone', m.id);
        for (const b of action.budgetLines) visit('budgetLine', b.id);
        for (const indicatorId of action.indicatorIds) expect(model.isLive('indicator', indicatorId)).toBe(true);
      }
      for (const i of objective.indicators) visit('indicator', i.id);
    }
  }
  for (const kind of STRUCTURE) {
    const ids = seen[kind] ?? [];
    expect(new Set(ids).size, `duplicate ${kind} ids`).toBe(ids.length);
    // Every live entity appears exactly once; nothing dead or orphaned appears.
    expect([...ids].sort(), `${kind} present iff live`).toEqual(liveIds(model, kind));
  }
  // Every sibling list is in (rank, id) order — the same order the API computes.
  for (const axis of snapshot.axes) expect(axis.objectives.map((o) => o.id)).toEqual(model.childIds('objective', axis.id));
  expect(snapshot.axes.map((a) => a.id)).toEqual(model.childIds('axis'));
}

function runSeed(seed: number): void {
  const random = seededRandom(seed);
  const peers = 3 + random.int(3);
  const network = new TestNetwork(peers, random);
  const first = network.docs[0] as Y.Doc;
  applyTemplate(first, { conventionId: `seed-${seed}`, generation: '2020', echelon: 'intercommunal', startYear: 2026 });
  new ConventionDoc(first).add('axis', { title: 'Axe initial', number: 1 }, { id: 'axe-initial' });
  network.flushAll();
  const models = network.docs.map((doc) => new ConventionDoc(doc, null, random));

  for (let step = 0; step < 60; step++) {
    const peer = random.int(peers);
    try {
      randomOperation(random)(models[peer] as ConventionDoc, random);
    } catch (error) {
      // A random operation may target something a concurrent peer just removed: the API refuses it cleanly.
      if (!(error instanceof ModelError)) throw error;
    }
    if (random.chance(0.3)) network.deliverSome();
    if (random.chance(0.05)) network.disconnect(random.int(peers));
    if (random.chance(0.1)) network.reconnect(random.int(peers));
  }

  // The classic race: one peer deletes an objective while another adds an action under it.
  const objective = liveIds(models[0] as ConventionDoc, 'objective')[0];
  if (objective && peers > 1) {
    network.disconnect(1);
    (models[0] as ConventionDoc).remove('objective', objective);
    if ((models[1] as ConventionDoc).isLive('objective', objective))
      (models[1] as ConventionDoc).add('action', { title: 'ajoutée hors ligne', code: '9.9.9' }, { parent: objective });
  }

  network.flushAll();
  const snapshots = network.docs.map((doc) => readSnapshot(doc));
  for (const snapshot of snapshots.slice(1)) expect(snapshot).toEqual(snapshots[0]);
  network.docs.forEach((doc, i) => {
    checkInvariants(doc, snapshots[i] as ConventionSnapshot);
  });
  if (objective) expect(JSON.stringify(snapshots[0])).not.toContain('ajoutée hors ligne');
}

describe('convergence of concurrent edits', () => {
  it(`converges for ${SEEDS} random seeds`, () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      try {
        runSeed(seed);
      } catch (error) {
        throw new Error(`seed ${seed} failed (replay: CONVERGENCE_SEEDS=${seed}): ${(error as Error).message}`);
      }
    }
  });

  it('keeps text typed concurrently in one article, character by character', () => {
    const network = new TestNetwork(2, seededRandom(7));
    const [a, b] = network.docs as [Y.Doc, Y.Doc];
    applyTemplate(a, { conventionId: 'c', generation: '2020', echelon: 'communal', startYear: 2026 });
    network.flushAll();
    const [ma, mb] = [new ConventionDoc(a), new ConventionDoc(b)];
    const article = ma.childIds('article')[0] as string;
    ma.update('article', article, { body: 'La Caf finance.' });
    network.flushAll();
    ma.update('article', article, { body: 'La Caf de la Sorlaine finance.' });
    mb.update('article', article, { body: 'La Caf finance les actions.' });
    network.flushAll();
    expect(ma.read('article', article).body).toBe('La Caf de la Sorlaine finance les actions.');
    expect(mb.read('article', article).body).toBe('La Caf de la Sorlaine finance les actions.');
  });

  it('brings back an action added under an objective deleted concurrently, when the objective is restored', () => {
    const network = new TestNetwork(2, seededRandom(3));
    const [a, b] = network.docs as [Y.Doc, Y.Doc];
    const ma = new ConventionDoc(a);
    const mb = new ConventionDoc(b);
    const axis = ma.add('axis', { title: 'Axe', number: 1 });
    const objective = ma.add('objective', { title: 'Objectif', number: '1.1' }, { parent: axis });
    network.flushAll();
    network.disconnect(1);
    ma.remove('objective', objective);
    const action = mb.add('action', { title: 'Nouvelle crèche', code: '1.1.1' }, { parent: objective });
    network.flushAll();
    expect(readSnapshot(a).axes[0]?.objectives).toEqual([]);
    expect(readSnapshot(b)).toEqual(readSnapshot(a));
    ma.restore('objective', objective);
    network.flushAll();
    expect(readSnapshot(b).axes[0]?.objectives[0]?.actions.map((x) => x.id)).toEqual([action]);
  });

  it('never duplicates an entity moved by two people at once', () => {
    const network = new TestNetwork(2, seededRandom(11));
    const [a, b] = network.docs as [Y.Doc, Y.Doc];
    const [ma, mb] = [new ConventionDoc(a), new ConventionDoc(b)];
    const axis1 = ma.add('axis', { title: 'A1', number: 1 });
    const axis2 = ma.add('axis', { title: 'A2', number: 2 });
    const objective = ma.add('objective', { title: 'O', number: '1.1' }, { parent: axis1 });
    network.flushAll();
    ma.move('objective', objective, { parent: axis2 });
    mb.move('objective', objective, { parent: axis1, index: 0 });
    network.flushAll();
    const objectives = readSnapshot(a).axes.flatMap((x) => x.objectives.map((o) => o.id));
    expect(objectives).toEqual([objective]);
    expect(readSnapshot(b)).toEqual(readSnapshot(a));
  });
});

it('lists every entity kind in parent-before-child order (the snapshot reader relies on it)', () => {
  for (const kind of ENTITY_KINDS) {
    const parent = ENTITY_SPECS[kind].parent;
    if (parent) expect(ENTITY_KINDS.indexOf(parent)).toBeLessThan(ENTITY_KINDS.indexOf(kind));
  }
});
