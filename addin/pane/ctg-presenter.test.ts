// @vitest-environment happy-dom
// Following the presenter in the pane: two people whose presence is relayed in memory; one presents, the other
// follows and is asked to go wherever the presenter goes, until the presenter stops.
import { applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { importConventionJson, readSnapshot } from '../../shared/index.ts';
import { sampleFile } from '../../test/fixtures/sample.ts';
import './ctg-presence.ts';
import './ctg-presenter.ts';
import type { SelectDetail } from './events.ts';
import { deepQuery, deepText, type FakeSession, fakeSession, settle } from './testing.ts';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Relays each session's awareness changes to the other, as the server would. */
function relay(a: FakeSession, b: FakeSession): void {
  for (const [from, to] of [
    [a, b],
    [b, a],
  ] as const) {
    from.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      applyAwarenessUpdate(to.awareness, encodeAwarenessUpdate(from.awareness, [...added, ...updated, ...removed]), 'relay');
    });
  }
  applyAwarenessUpdate(b.awareness, encodeAwarenessUpdate(a.awareness, [a.ydoc.clientID]), 'relay');
  applyAwarenessUpdate(a.awareness, encodeAwarenessUpdate(b.awareness, [b.ydoc.clientID]), 'relay');
}

async function twoPeople() {
  const make = (name: string) => {
    const ydoc = new Y.Doc();
    importConventionJson(ydoc, sampleFile());
    return fakeSession(ydoc, { name, party: 'caf', access: 'edit' });
  };
  const presenter = make('Sophie Arnaud');
  const follower = make('Thomas Girard');
  relay(presenter, follower);
  const snapshot = readSnapshot(presenter.ydoc);
  const mount = (session: FakeSession) => {
    const el = document.createElement('ctg-presenter');
    el.session = session;
    el.snapshot = snapshot;
    document.body.append(el);
    return el;
  };
  const [mine, theirs] = [mount(presenter), mount(follower)];
  const moves: SelectDetail[] = [];
  theirs.addEventListener('ctg-select', (event) => {
    moves.push(event.detail);
    follower.setWhere(`${event.detail.kind}:${event.detail.id}`);
  });
  cleanups.push(() => {
    mine.remove();
    theirs.remove();
    presenter.dispose();
    follower.dispose();
  });
  await settle(document.body);
  return { presenter, follower, mine, theirs, moves };
}

describe('<ctg-presenter>', () => {
  it('lets one person present and the others follow wherever they go', async () => {
    const { presenter, mine, theirs, moves } = await twoPeople();
    presenter.setWhere('article:art1');
    deepQuery<HTMLButtonElement>(mine, 'button').click();
    await settle(document.body);
    expect(deepText(mine)).toContain('Vous présentez');
    expect(deepText(theirs)).toContain('Sophie Arnaud présente (Article 1).');
    expect(moves).toEqual([]);

    deepQuery<HTMLButtonElement>(theirs, 'button[data-follow]').click();
    await settle(document.body);
    expect(moves).toEqual([{ kind: 'article', id: 'art1' }]);
    expect(deepText(theirs)).toContain('Vous suivez Sophie Arnaud (Article 1).');

    presenter.setWhere('action:act-2.1.1');
    presenter.setWhere('action:act-2.1.1');
    await settle(document.body);
    expect(moves).toEqual([
      { kind: 'article', id: 'art1' },
      { kind: 'action', id: 'act-2.1.1' },
    ]);
    expect(deepText(theirs)).toContain('Vous suivez Sophie Arnaud (Action 2.1.1).');
  });

  it('offers no second presenter, and ends following when the presenter stops', async () => {
    const { presenter, follower, mine, theirs, moves } = await twoPeople();
    deepQuery<HTMLButtonElement>(mine, 'button').click();
    await settle(document.body);
    expect(deepText(theirs)).not.toContain('Présenter');
    deepQuery<HTMLButtonElement>(theirs, 'button[data-follow]').click();
    deepQuery<HTMLButtonElement>(mine, 'button').click();
    await settle(document.body);
    expect(deepText(theirs)).toContain('Présenter');
    presenter.setWhere('article:art2');
    await settle(document.body);
    expect(moves).toEqual([]);
    expect(follower.presence().find((p) => !p.self)?.presenting).toBe(false);
  });

  it('shows who presents in the presence list', async () => {
    const { presenter, follower } = await twoPeople();
    presenter.setPresenting(true);
    const list = document.createElement('ctg-presence');
    list.people = follower.presence();
    document.body.append(list);
    cleanups.push(() => list.remove());
    await settle(list);
    expect(deepText(list)).toContain('Sophie Arnaud présente');
  });
});
