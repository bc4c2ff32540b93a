// The sync endpoint over real sockets, with the stock y-websocket client.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ConventionDoc } from '../../shared/index.ts';
import { sharedModel } from '../model/port.ts';
import { encodeAwareness, encodeSyncStep1, encodeUpdate, KEEPALIVE_FRAME } from '../protocol/messages.ts';
import type { RunningServer } from '../server.ts';
import { hs256Auth } from '../auth/tokens.ts';
import { type Client, client, raw, refusal, synced, TEST_SECRET, testServer, until } from './test-clients.ts';

const running: RunningServer[] = [];
const clients: Client[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.provider.destroy();
  await Promise.all(running.splice(0).map((s) => s.close()));
});

async function setup(options: Parameters<typeof testServer>[0] = {}) {
  const server = await testServer(options);
  running.push(server);
  const token = (convention: string, access: 'edit' | 'comment' | 'view', name = access) =>
    server.auth.issue({ kind: 'participant', convention, party: 'caf', access, name }, 3600);
  const connect = async (convention: string, access: 'edit' | 'comment' | 'view', doc?: Y.Doc) => {
    const c = client(server, convention, await token(convention, access), doc);
    clients.push(c);
    return c;
  };
  return { server, token, connect };
}

const preamble = (doc: Y.Doc) => doc.getText('convention.preamble');

describe('sync endpoint', () => {
  it('makes two stock clients converge and share presence', async () => {
    const { connect } = await setup();
    const a = await connect('ctg-1', 'edit');
    const b = await connect('ctg-1', 'edit');
    await Promise.all([synced(a), synced(b)]);
    expect(sharedModel.snapshot(a.doc).articles.length).toBeGreaterThan(0);
    preamble(a.doc).insert(0, 'A ');
    preamble(b.doc).insert(0, 'B ');
    await until(() => preamble(a.doc).toString() === preamble(b.doc).toString() && preamble(a.doc).length > 4);
    a.provider.awareness.setLocalStateField('user', { name: 'Alice' });
    await until(() => [...b.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Alice'));
    a.provider.disconnect();
    await until(() => ![...b.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Alice'));
  });

  it('drops a view client’s edits and says so; a comment client may only write threads', async () => {
    const { connect } = await setup();
    const editor = await connect('ctg-2', 'edit');
    await synced(editor);
    const viewer = await connect('ctg-2', 'view');
    const commenter = await connect('ctg-2', 'comment');
    await Promise.all([synced(viewer), synced(commenter)]);
    preamble(viewer.doc).insert(0, 'pirate ');
    await until(() => viewer.denied.length === 1);
    expect(viewer.denied[0]).toMatch(/lecture seule/);
    const thread = new ConventionDoc(commenter.doc).add('thread', { anchor: { kind: 'convention', id: 'ctg-2' } });
    await until(() => new ConventionDoc(editor.doc).entity('thread', thread) !== undefined);
    preamble(commenter.doc).insert(0, 'interdit ');
    await until(() => commenter.denied.length === 1);
    expect(commenter.denied[0]).toMatch(/Accès commentaire/);
    // A round trip after the refused edits: nothing of them reached the editor.
    preamble(editor.doc).insert(0, 'ok ');
    await until(() => preamble(viewer.doc).toString().includes('ok '));
    expect(preamble(editor.doc).toString()).not.toMatch(/pirate|interdit/);
    expect(editor.denied).toEqual([]);
  });

  it('refuses bad, expired, other-convention and missing tokens at the upgrade, with a reason', async () => {
    const { server, token } = await setup();
    const base = `${server.url.replace(/^http/, 'ws')}/sync`;
    const missing = await refusal(`${base}/ctg-3`);
    expect(missing).toMatchObject({ status: 401, body: { error: { code: 'token_missing' } } });
    const forged = await refusal(`${base}/ctg-3?token=${(await token('ctg-3', 'edit')).slice(0, -3)}abc`);
    expect(forged).toMatchObject({ status: 401, body: { error: { code: 'token_invalid' } } });
    const yesterday = hs256Auth(TEST_SECRET, () => Date.now() - 86_400_000);
    const expiredToken = await yesterday.issue({ kind: 'participant', convention: 'ctg-3', party: 'caf', access: 'edit', name: 'x' }, 60);
    const expired = await refusal(`${base}/ctg-3?token=${expiredToken}`);
    expect(expired).toMatchObject({ status: 401, body: { error: { code: 'token_expired' } } });
    const other = await refusal(`${base}/ctg-3?token=${await token('ctg-4', 'edit')}`);
    expect(other.status).toBe(403);
    expect(other.body.error.message).toBe('Ce jeton donne accès à une autre convention.');
    const unknown = await refusal(`${base}/jamais-vue?token=${await token('jamais-vue', 'view')}`);
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'convention_not_found' } } });
    expect(await server.storage.getConvention('ctg-3')).toBeNull();
  });

  it('closes only the sender of hostile frames, with named codes', async () => {
    const { server, token, connect } = await setup({ limits: { maxFrameBytes: 64 * 1024 } });
    const editor = await connect('ctg-5', 'edit');
    await synced(editor);
    const frames: Array<[string, Uint8Array | string, number]> = [
      ['random bytes', new Uint8Array([0xde, 0xad, 0xbe, 0xef, 0x42]), 4400],
      ['absurd length', new Uint8Array([0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]), 4400],
      ['unknown type', new Uint8Array([7, 0]), 4400],
      ['unreadable update', encodeUpdate(new Uint8Array([9, 200, 1, 2, 3, 4])), 4400],
      ['unreadable presence', encodeAwareness(new Uint8Array([1, 1, 1, 2, 0x7b, 0x7b])), 4400],
      ['text frame', 'bonjour', 1003],
      ['oversized frame', encodeUpdate(new Uint8Array(100 * 1024)), 1009],
    ];
    for (const [name, frame, code] of frames) {
      const socket = raw(server, 'ctg-5', await token('ctg-5', 'edit'));
      await socket.opened;
      socket.ws.send(frame);
      expect({ name, code: (await socket.closed).code }).toEqual({ name, code });
    }
    preamble(editor.doc).insert(0, 'toujours là ');
    const late = await connect('ctg-5', 'view');
    await until(() => preamble(late.doc).toString().startsWith('toujours là '));
    expect(editor.closes).toEqual([]);
  });

  it('limits the message rate and the connections per convention', async () => {
    const { server, token } = await setup({ limits: { rate: { perSecond: 10, burst: 20 }, maxConnectionsPerConvention: 3 } });
    const sockets = await Promise.all([0, 1, 2].map(async () => raw(server, 'ctg-6', await token('ctg-6', 'edit'))));
    await Promise.all(sockets.map((s) => s.opened));
    const full = await refusal(`${server.url.replace(/^http/, 'ws')}/sync/ctg-6?token=${await token('ctg-6', 'edit')}`);
    expect(full).toMatchObject({ status: 503, body: { error: { code: 'too_many_connections' } } });
    const flood = sockets[0]!;
    for (let i = 0; i < 50; i++) flood.ws.send(encodeSyncStep1(new Uint8Array([0])));
    expect((await flood.closed).code).toBe(4529);
    // Its slot is free again.
    const next = raw(server, 'ctg-6', await token('ctg-6', 'edit'));
    await next.opened;
    for (const s of [...sockets, next]) s.ws.close();
  });

  it('keeps a silent client alive with keepalive frames', async () => {
    const { server, token } = await setup({ limits: { keepaliveMs: 100 } });
    const socket = raw(server, 'ctg-7', await token('ctg-7', 'edit'));
    await socket.opened;
    await until(() => socket.frames.filter((f) => f.length === 3 && f.every((b, i) => b === KEEPALIVE_FRAME[i])).length >= 2);
    socket.ws.close();
  });

  it('closes a connection when its token expires (4401, no reconnection)', async () => {
    const { server } = await setup();
    await server.documents.create('ctg-8', {
      author: { name: 'a', party: 'caf' },
      source: { kind: 'template', choice: { generation: '2020', echelon: 'communal' } },
    });
    const short = await server.auth.issue({ kind: 'participant', convention: 'ctg-8', party: 'caf', access: 'view', name: 'x' }, 1);
    const c = client(server, 'ctg-8', short);
    clients.push(c);
    await synced(c);
    await until(() => c.closes.includes(4401), 3000);
    expect(c.provider.shouldConnect).toBe(false);
  });

  it('creates a new convention once when many editors connect at the same moment', async () => {
    const { server, connect } = await setup();
    const many = await Promise.all(Array.from({ length: 8 }, () => connect('ctg-9', 'edit')));
    await Promise.all(many.map(synced));
    const template = new Y.Doc();
    sharedModel.create(template, 'ctg-9', { generation: '2020', echelon: 'intercommunal' });
    for (const c of many) expect(sharedModel.snapshot(c.doc).articles.length).toBe(sharedModel.snapshot(template).articles.length);
    expect((await server.storage.readLog('ctg-9')).length).toBe(1);
  });

  it('unloads an idle convention and brings it back on the next connection', async () => {
    const { server, connect } = await setup({ idleMs: 100 });
    const first = await connect('ctg-10', 'edit');
    await synced(first);
    preamble(first.doc).insert(0, 'gardé ');
    await until(() => server.metrics.storedUpdates >= 1);
    first.provider.destroy();
    await until(() => server.documents.peek('ctg-10') === null, 3000, 'déchargement');
    expect(server.metrics.conventionsUnloaded).toBe(1);
    const second = await connect('ctg-10', 'view');
    await synced(second);
    expect(preamble(second.doc).toString()).toMatch(/^gardé /);
  });

  it('closes every socket with 1012 on shutdown and the clients come back to the next server', async () => {
    const { server, connect } = await setup();
    const c = await connect('ctg-11', 'edit');
    await synced(c);
    preamble(c.doc).insert(0, 'avant ');
    await until(() => server.metrics.storedUpdates >= 1);
    await server.close();
    running.splice(running.indexOf(server), 1);
    await until(() => c.closes.includes(1012));
    expect(c.provider.shouldConnect).toBe(true);
  });
});
