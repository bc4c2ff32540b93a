import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ConventionDoc } from '../../shared/index.ts';
import { negotiatingSample } from '../../shared/review/testing.ts';
import { updateReach } from './update-reach.ts';
import { onlyText, targetsOf } from './update-targets.ts';

function setup() {
  const server = negotiatingSample();
  const client = new ConventionDoc(new Y.Doc());
  Y.applyUpdate(client.ydoc, Y.encodeStateAsUpdate(server.ydoc));
  const targets = (change: (model: ConventionDoc) => void) => {
    const before = Y.encodeStateVector(client.ydoc);
    change(client);
    const update = Y.encodeStateAsUpdate(client.ydoc, before);
    const reach = updateReach(server.ydoc, update);
    Y.applyUpdate(server.ydoc, update);
    return targetsOf(reach.touches).map(({ root: _root, ...t }) => t);
  };
  return { server, client, targets, article: client.read('article', server.childIds('article')[0]!) };
}

describe('targetsOf', () => {
  it('maps typing in a text field, a scalar, a record entry and a tombstone to (kind, id, field)', () => {
    const { targets, article, client } = setup();
    expect(targets((m) => m.text('article', article.id, 'body').insert(3, 'abc'))).toEqual([{ kind: 'article', id: article.id, field: 'body' }]);
    expect(targets((m) => m.update('article', article.id, { number: 12 }))).toEqual([{ kind: 'article', id: article.id, field: 'number' }]);
    const indicator = client.childIds('indicator', client.childIds('objective', client.childIds('axis')[0]!)[0]!)[0]!;
    expect(targets((m) => m.update('indicator', indicator, { values: { '2031': 3 } }))).toEqual([{ kind: 'indicator', id: indicator, field: 'values' }]);
    expect(targets((m) => m.remove('article', article.id))).toEqual([{ kind: 'article', id: article.id, field: 'deleted' }]);
    // Erasing the entity's map deletes everything in it too.
    expect(targets((m) => m.collection('article').delete(article.id))).toContainEqual({ kind: 'article', id: article.id, field: '*' });
  });

  it('gives a new entity, each of its fields and its new parent the parent id written in its pos', () => {
    const { targets, client } = setup();
    const action = client.childIds('action', client.childIds('objective', client.childIds('axis')[0]!)[0]!)[0]!;
    const found = targets((m) => m.add('milestone', { label: 'Ouverture' }, { parent: action, id: 'ms_1' }));
    expect(found).toContainEqual({ kind: 'milestone', id: 'ms_1', field: '*', parent: action });
    expect(found).toContainEqual({ kind: 'milestone', id: 'ms_1', field: 'label', parent: action });
    expect(found).toContainEqual({ kind: 'action', id: action, field: '*' });
  });

  it('maps the singletons’ scalar map and their own text roots to the singleton', () => {
    const { targets } = setup();
    expect(targets((m) => m.setSingleton('convention', { signaturePlace: 'Montcler' }))).toEqual([
      { kind: 'convention', id: 'convention', field: 'signaturePlace' },
    ]);
    const typed = targets((m) => m.ydoc.getText('convention.preamble').insert(0, 'Vu '));
    expect(typed).toEqual([{ kind: 'convention', id: 'convention', field: 'preamble' }]);
    expect(onlyText(typed.map((t) => ({ ...t, root: 'convention.preamble' })))).toBe(true);
    expect(targets((m) => m.ydoc.getMap('territory').set('name', 'CC'))).toEqual([{ kind: 'territory', id: 'territory', field: 'name' }]);
  });
});
