import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type ChangeBatch, observeChanges } from '../changes.ts';
import { readSnapshot } from '../snapshot.ts';
import { applyTemplate } from '../template.ts';
import { ConventionDoc } from './convention-doc.ts';

function fresh() {
  const doc = new Y.Doc();
  applyTemplate(doc, { conventionId: 'ctg-x', generation: '2020', echelon: 'intercommunal', startYear: 2026 });
  const model = new ConventionDoc(doc, 'test');
  const axis = model.add('axis', { number: 1, title: 'Petite enfance', fields: ['petite_enfance'] });
  const objective = model.add('objective', { number: '1.1', title: 'Accroître l’offre' }, { parent: axis });
  const action = model.add('action', { code: '1.1.1', title: 'Créer une crèche', pilotId: 'caf' }, { parent: objective });
  return { doc, model, axis, objective, action };
}

describe('the typed model API', () => {
  it('refuses bad input with a French message and changes nothing', () => {
    const { doc, model, action, objective } = fresh();
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => model.update('action', action, { type: 'inconnue' as never })).toThrowError(/Valeur invalide pour « type »/);
    expect(() => model.update('action', action, { startDate: '31/12/2026' })).toThrowError(/date AAAA-MM-JJ attendue/);
    expect(() => model.add('action', { title: 'x' }, { parent: 'pas-la' })).toThrowError(/son parent .* n'existe pas/);
    expect(() => model.add('action', { title: 'x' })).toThrowError(/n'existe pas/);
    expect(() => model.add('axis', { title: 'x' }, { parent: objective })).toThrowError(/n'a pas de parent/);
    expect(() => model.update('action', action, { couleur: 'bleu' } as never)).toThrowError(/Champ inconnu/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('inserts and moves among siblings by index', () => {
    const { model, axis } = fresh();
    const second = model.add('objective', { number: '1.3', title: 'C' }, { parent: axis });
    const first = model.add('objective', { number: '1.0', title: 'A' }, { parent: axis, index: 0 });
    const titles = () => readSnapshot(model.ydoc).axes[0]?.objectives.map((o) => o.title);
    expect(titles()).toEqual(['A', 'Accroître l’offre', 'C']);
    model.move('objective', first, { index: 3 });
    expect(titles()).toEqual(['Accroître l’offre', 'C', 'A']);
    model.move('objective', second, { index: 0 });
    expect(titles()).toEqual(['C', 'Accroître l’offre', 'A']);
  });

  it('deleting an objective takes its actions along, and restoring brings them back', () => {
    const { model, objective, action } = fresh();
    model.remove('objective', objective);
    expect(readSnapshot(model.ydoc).axes[0]?.objectives).toEqual([]);
    expect(model.isLive('action', action)).toBe(false);
    expect(() => model.update('action', action, { title: 'x' })).toThrowError(/introuvable/);
    model.restore('objective', objective);
    expect(readSnapshot(model.ydoc).axes[0]?.objectives[0]?.actions.map((a) => a.title)).toEqual(['Créer une crèche']);
  });

  it('edits text with a minimal diff so the untouched part keeps its identity', () => {
    const { model, action } = fresh();
    const text = model.text('action', action, 'title');
    const relative = Y.createRelativePositionFromTypeIndex(text, 6); // before « une »
    model.update('action', action, { title: 'Créer une grande crèche' });
    const absolute = Y.createAbsolutePositionFromRelativePosition(relative, model.ydoc);
    expect(absolute?.index).toBe(6);
    expect(model.read('action', action).title).toBe('Créer une grande crèche');
  });

  it('reports which entities and fields changed, and whether locally', () => {
    const { doc, model, action, objective } = fresh();
    const batches: ChangeBatch[] = [];
    const stop = observeChanges(doc, (b) => batches.push(b));
    model.update('action', action, { title: 'Créer deux crèches', pilotId: 'collectivite' });
    model.setSingleton('convention', { title: 'CTG du Val', status: 'negociation' });
    const indicator = model.add('indicator', { label: 'Places' }, { parent: objective });
    model.remove('action', action);
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    const remoteBatches: ChangeBatch[] = [];
    observeChanges(remote, (b) => remoteBatches.push(b));
    new ConventionDoc(doc).update('indicator', indicator, { targetValue: 3 });
    stop();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(remote)));

    expect(batches[0]).toEqual({ local: true, origin: 'test', structural: false, changes: [{ kind: 'action', id: action, type: 'updated', fields: expect.arrayContaining(['title', 'pilotId']) }] });
    expect(batches[1]?.changes).toEqual([{ kind: 'convention', id: 'convention', type: 'updated', fields: expect.arrayContaining(['title', 'status']) }]);
    expect(batches[2]?.changes).toEqual([{ kind: 'indicator', id: indicator, type: 'added', fields: [] }]);
    expect(batches[3]).toMatchObject({ structural: true, changes: [{ kind: 'action', id: action, type: 'removed' }] });
    expect(remoteBatches.at(-1)).toMatchObject({ local: false, changes: [{ kind: 'indicator', id: indicator, type: 'updated', fields: ['targetValue'] }] });
  });

  it('runs several operations as one transaction: one update on the wire', () => {
    const { doc, model, objective } = fresh();
    let updates = 0;
    doc.on('update', () => updates++);
    model.transact(() => {
      const a = model.add('action', { code: '1.1.2', title: 'Relais petite enfance' }, { parent: objective });
      model.add('milestone', { label: 'Ouverture', date: '2027-09-01' }, { parent: a });
      model.add('budgetLine', { funderId: 'caf', planned: { '2027': 12000 } }, { parent: a });
    });
    expect(updates).toBe(1);
  });
});

describe('the template', () => {
  it('creates the French skeleton for each generation and level', () => {
    const doc = new Y.Doc();
    applyTemplate(doc, { conventionId: 'ctg-dep', generation: '2014', echelon: 'departemental', startYear: 2027 });
    const s = readSnapshot(doc);
    expect(s.convention).toMatchObject({ id: 'ctg-dep', startDate: '2027-01-01', endDate: '2030-12-31', status: 'preparation' });
    expect(s.articles.map((a) => `${a.number}. ${a.title}`)).toEqual([
      '1. Objet de la convention',
      "2. Champs d'intervention et axes prioritaires",
      '3. Diagnostic partagé',
      '4. Engagements des parties',
      "5. Plan d'actions",
      '6. Pilotage et gouvernance',
      '7. Suivi et évaluation',
      '8. Durée, révision et résiliation',
    ]);
    expect(s.articles.at(-1)?.body).toContain('durée de 4 ans');
    expect(s.organisations.map((o) => o.type)).toEqual(['caf', 'departement']);
    expect(s.territory.type).toBe('departement');
    expect(s.convention.visas[0]).toMatch(/^Vu le code de la sécurité sociale/);
    expect(() => applyTemplate(doc, { conventionId: 'x', generation: '2020', echelon: 'communal' })).toThrowError(/contient déjà/);
  });
});
