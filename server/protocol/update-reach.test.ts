import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { reachesNothing, reachesOnly, updateReach } from './update-reach.ts';

const COMMENT = ['threads', 'comments'];

/** A server doc and a client that starts from the server's state; `edit` returns the client's update. */
function setup() {
  const server = new Y.Doc();
  server.getMap('articles').set('a1', new Y.Map([['title', 'Objet']]));
  const thread = new Y.Map<unknown>();
  server.getMap('threads').set('t1', thread);
  thread.set('text', new Y.Text('Premier message'));
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const edit = (change: (doc: Y.Doc) => void): Uint8Array => {
    const before = Y.encodeStateVector(client);
    change(client);
    return Y.encodeStateAsUpdate(client, before);
  };
  return { server, client, edit };
}

const rootsOf = (server: Y.Doc, update: Uint8Array) => {
  const reach = updateReach(server, update);
  return { roots: [...reach.roots].sort(), untraceable: reach.untraceable };
};

describe('updateReach', () => {
  it('traces a new entry to its root map', () => {
    const { server, edit } = setup();
    const update = edit((doc) => doc.getMap('articles').set('a2', new Y.Map()));
    expect(rootsOf(server, update)).toEqual({ roots: ['articles'], untraceable: false });
  });

  it('traces an edit deep inside a nested type through the doc', () => {
    const { server, client, edit } = setup();
    const text = (client.getMap('threads').get('t1') as Y.Map<Y.Text>).get('text') as Y.Text;
    const update = edit(() => text.insert(5, ' et second'));
    expect(rootsOf(server, update)).toEqual({ roots: ['threads'], untraceable: false });
  });

  it('traces a long typing run through origins inside the update itself', () => {
    const { server, client, edit } = setup();
    const update = edit(() => {
      const comment = new Y.Map<unknown>();
      client.getMap('comments').set('c1', comment);
      const body = new Y.Text();
      comment.set('body', body);
      for (let i = 0; i < 3000; i++) body.insert(i, 'x');
    });
    expect(rootsOf(server, update)).toEqual({ roots: ['comments'], untraceable: false });
    expect(reachesOnly(updateReach(server, update), COMMENT)).toBe(true);
  });

  it('counts typing inside content the server has collected as a change: it fills the client’s clock', () => {
    const server = new Y.Doc();
    const article = new Y.Map<Y.Text>();
    server.getMap('articles').set('a1', article);
    article.set('body', new Y.Text('abc'));
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    server.getMap('articles').delete('a1');
    const before = Y.encodeStateVector(client);
    (client.getMap('articles').get('a1') as Y.Map<Y.Text>).get('body')!.insert(2, 'x');
    const reach = updateReach(server, Y.encodeStateAsUpdate(client, before));
    expect({ roots: [...reach.roots], untraceable: reach.untraceable, inert: reach.inert }).toEqual({ roots: [], untraceable: false, inert: true });
    // Dropping it would leave every later change of that client waiting on the server for a clock it never gets.
    expect(reachesNothing(reach)).toBe(false);
  });

  it('counts deletions of live content', () => {
    const { server, client, edit } = setup();
    const update = edit(() => client.getMap('articles').delete('a1'));
    expect(rootsOf(server, update)).toEqual({ roots: ['articles'], untraceable: false });
    expect(reachesOnly(updateReach(server, update), COMMENT)).toBe(false);
  });

  it('sees nothing in an up-to-date step 2 that repeats the whole delete set', () => {
    const { server, client } = setup();
    server.getMap('articles').delete('a1');
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const step2 = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    expect(reachesNothing(updateReach(server, step2))).toBe(true);
  });

  it('sees nothing in an update the server already has', () => {
    const { server, edit } = setup();
    const update = edit((doc) => doc.getMap('articles').set('a3', 'x'));
    Y.applyUpdate(server, update);
    expect(reachesNothing(updateReach(server, update))).toBe(true);
  });

  it('flags the deletion of ids nobody has created yet', () => {
    const { server } = setup();
    // Hand-made: 0 struct groups; delete set of 1 client (77) with 1 range (clock 100, length 5).
    const update = new Uint8Array([0, 1, 77, 1, 100, 5]);
    expect(updateReach(server, update).untraceable).toBe(true);
  });

  it('flags items whose origin the server does not know', () => {
    const { server, client, edit } = setup();
    const text = (client.getMap('threads').get('t1') as Y.Map<Y.Text>).get('text') as Y.Text;
    edit(() => text.insert(0, 'A'));
    const second = edit(() => text.insert(1, 'B'));
    expect(updateReach(server, second).untraceable).toBe(true);
  });

  it('throws on bytes Yjs cannot decode', () => {
    const { server } = setup();
    expect(() => updateReach(server, new Uint8Array([5, 200, 1, 2]))).toThrow();
  });
});
