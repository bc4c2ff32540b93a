import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ConventionDoc } from '../../shared/index.ts';
import { sharedModel } from '../model/port.ts';
import { diffSnapshots } from './diff.ts';

function convention() {
  const doc = new Y.Doc();
  sharedModel.create(doc, 'ctg-test', { generation: '2020', echelon: 'intercommunal', startYear: 2025 });
  const model = new ConventionDoc(doc);
  const axis = model.add('axis', { number: 1, title: 'Petite enfance' });
  const objective = model.add('objective', { number: '1.1', title: 'Développer l’accueil' }, { parent: axis });
  const other = model.add('objective', { number: '1.2', title: 'Soutenir les familles' }, { parent: axis });
  const action = model.add('action', { code: '1.1.1', title: 'Créer un RPE' }, { parent: objective });
  const indicator = model.add('indicator', { label: 'Places d’accueil', values: { '2025': 120 } }, { parent: objective });
  return { doc, model, objective, other, action, indicator };
}

describe('diffSnapshots', () => {
  it('finds nothing between a snapshot and itself', () => {
    const { doc } = convention();
    const snapshot = sharedModel.snapshot(doc);
    expect(diffSnapshots(snapshot, snapshot).changes).toEqual([]);
  });

  it('names the article text, action field and indicator value that changed, in French', () => {
    const { doc, model, action, indicator, other } = convention();
    const before = sharedModel.snapshot(doc);
    const article = before.articles[0]!;
    model.text('article', article.id, 'body').insert(0, 'Les parties conviennent de ce qui suit.\n');
    model.update('action', action, { public: 'Familles du territoire' });
    model.update('indicator', indicator, { values: { '2025': 135, '2026': 150 } });
    model.update('article', article.id, { status: 'agreed' });
    model.move('action', action, { parent: other });
    const milestone = model.add('milestone', { label: 'Ouverture' }, { parent: action });
    const after = sharedModel.snapshot(doc);

    const diff = diffSnapshots(before, after);
    const texts = diff.changes.map((c) => c.text);
    expect(texts).toContain(`Texte de l’article 1 « ${article.title} » réécrit (+40 / −0 caractères).`);
    expect(texts).toContain(`Statut de l’article 1 « ${article.title} » : Brouillon → Validé.`);
    expect(texts).toContain('Public visé de l’action 1.1.1 « Créer un RPE » : (vide) → « Familles du territoire ».');
    expect(texts).toContain('Valeur 2025 de l’indicateur « Places d’accueil » : 120 → 135.');
    expect(texts).toContain('Valeur 2026 de l’indicateur « Places d’accueil » : (vide) → 150.');
    expect(texts).toContain(
      'L’action 1.1.1 « Créer un RPE » : déplacée de l’objectif 1.1 « Développer l’accueil » vers l’objectif 1.2 « Soutenir les familles ».',
    );
    expect(texts).toContain('Le jalon « Ouverture » (l’action 1.1.1 « Créer un RPE ») : ajouté.');
    expect(diff.changes.find((c) => c.id === milestone)).toMatchObject({ type: 'added', kind: 'milestone' });
    expect(diff.counts).toMatchObject({ added: 1, moved: 1 });
  });

  it('reports removed entities with their kind', () => {
    const { doc, model, objective } = convention();
    const before = sharedModel.snapshot(doc);
    model.remove('objective', objective);
    const diff = diffSnapshots(before, sharedModel.snapshot(doc));
    expect(diff.changes.filter((c) => c.type === 'removed').map((c) => c.kind)).toEqual([
      'objective',
      'action',
      'indicator',
    ]);
    expect(diff.changes[0]!.text).toBe('L’objectif 1.1 « Développer l’accueil » (l’axe 1 « Petite enfance ») : supprimé.');
  });
});
