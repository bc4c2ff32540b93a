import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ConventionDoc, importConventionJson, readSnapshot } from '../../shared/index.ts';
import { sampleFile } from '../../test/fixtures/sample.ts';
import { diffSnapshots } from './diff.ts';
import { summarise } from './summary.ts';
import { textHunks } from './text-hunks.ts';

function sample() {
  const doc = new Y.Doc();
  importConventionJson(doc, sampleFile());
  const model = new ConventionDoc(doc);
  const snapshot = readSnapshot(doc);
  const actions = snapshot.axes.flatMap((a) => a.objectives.flatMap((o) => o.actions));
  return { doc, model, before: snapshot as ReturnType<typeof readSnapshot>, actions };
}

const compare = (env: ReturnType<typeof sample>) => {
  const after = readSnapshot(env.doc);
  return summarise(env.before, after, diffSnapshots(env.before, after));
};

describe('the version summary', () => {
  it('says what changed, entity by entity, in one French sentence each, with names instead of ids', () => {
    const env = sample();
    const article = env.before.articles.find((a) => a.number === 4)!;
    const paragraphs = ['Le Copil se réunit deux fois par an.', 'Le comité technique prépare ses travaux.', 'Il associe les partenaires.', 'Les habitants sont consultés.'];
    env.model.update('article', article.id, { body: paragraphs.join('\n') });
    env.before = readSnapshot(env.doc);
    env.model.update('article', article.id, { body: [...paragraphs.map((p, i) => (i < 3 ? `${p.slice(0, -1)} chaque année.` : p)), 'Un bilan est publié.'].join('\n') });
    const action = env.actions.find((a) => a.code === '2.1.1')!;
    env.model.update('action', action.id, { pilotId: 'caf', endDate: '2030-06-30', partners: { ...action.partners, cd: 'financeur' } });
    const indicator = env.before.axes[0]!.objectives[0]!.indicators[0]!;
    env.model.update('indicator', indicator.id, { targetValue: 60, values: { ...indicator.values, '2027': 52.4 } });
    const summary = compare(env);
    expect(summary.map((s) => s.fr)).toEqual([
      'Article 4 : 3 paragraphes modifiés, 1 paragraphe ajouté',
      'Indicateur « Taux de couverture accueil formel 0-3 ans » : cible 55 → 60 ; valeur 2027 (vide) → 52,4',
      "Action 2.1.1 : pilote Communauté de communes du Val de Sorlaine → Caisse d'allocations familiales de la Sorlaine ; partenaire Département de la Sorlaine ajouté (financeur) ; date de fin 31/12/2029 → 30/06/2030",
    ]);
    expect(summary[0]).toMatchObject({ entity: { kind: 'article', id: article.id }, title: { fr: 'Article 4', en: 'Article 4' }, en: 'Article 4: 3 paragraphs changed, 1 paragraph added' });
    expect(summary[2]?.title).toEqual({ fr: 'Action 2.1.1', en: 'Action 2.1.1' });
    const body = summary[0]!.texts[0]!;
    expect(body.field).toBe('body');
    expect(body.hunks.slice(0, 3)).toEqual([
      { op: 'equal', text: 'Le Copil se réunit deux fois par ' },
      { op: 'delete', text: 'an.' },
      { op: 'insert', text: 'an chaque année.' },
    ]);
    expect(body.hunks.at(-1)).toEqual({ op: 'insert', text: '\nUn bilan est publié.' });
  });

  it('names added, removed and moved entities', () => {
    const env = sample();
    const [first, second] = env.before.axes[0]!.objectives;
    const action = first!.actions[0]!;
    env.model.move('action', action.id, { parent: second!.id });
    env.model.add('milestone', { label: 'Inauguration', date: '2027-10-01' }, { parent: action.id });
    env.model.remove('article', env.before.articles[5]!.id);
    expect(compare(env).map((s) => s.fr)).toEqual(['Article 6 : supprimé', `Action ${action.code} : déplacée vers objectif ${second!.number}`, 'Jalon « Inauguration » : ajouté']);
  });
});

describe('textHunks', () => {
  it('marks words inserted and deleted and keeps only the edges of long unchanged runs', () => {
    expect(textHunks('Le comité se réunit deux fois par an.', 'Le comité se réunit trois fois par an.')).toEqual([
      { op: 'equal', text: 'Le comité se réunit ' },
      { op: 'delete', text: 'deux' },
      { op: 'insert', text: 'trois' },
      { op: 'equal', text: ' fois par an.' },
    ]);
    const long = 'mot '.repeat(500);
    const hunks = textHunks(`${long}fin`, `${long}début`);
    expect(JSON.stringify(hunks).length).toBeLessThan(200);
    expect(hunks.at(-1)).toEqual({ op: 'insert', text: 'début' });
  });
});
