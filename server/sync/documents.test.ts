import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMemoryBus } from '../bus/memory.ts';
import { sharedModel } from '../model/port.ts';
import { CLOSE } from '../protocol/close-codes.ts';
import { decodeClientMessage, encodeUpdate } from '../protocol/messages.ts';
import { createMemoryStorage } from '../storage/memory.ts';
import type { Storage } from '../storage/port.ts';
import type { Room } from './room.ts';
import { asynchronousOnly, FakeParticipant, harness, until } from './test-support.ts';

const alice = { name: 'Alice', party: 'caf' };
const bob = { name: 'Bob', party: 'commune' };
const articleCount = (doc: Y.Doc) => sharedModel.snapshot(doc).articles.length;

/** Alice writing and Bob reading, both connected to `room` and synced. */
async function writerAndReader(room: Room): Promise<{ writer: FakeParticipant; reader: FakeParticipant }> {
  const writer = new FakeParticipant(alice);
  const reader = new FakeParticipant(bob);
  writer.connect(room);
  reader.connect(room);
  await until(() => writer.synced && reader.synced);
  return { writer, reader };
}

describe('Documents', () => {
  it('creates a convention from the template once, even with many first editors at once', async () => {
    const { documents, storage } = harness();
    const rooms = await Promise.all(Array.from({ length: 12 }, () => documents.acquire('ctg-1', alice)));
    expect(new Set(rooms).size).toBe(1);
    expect((await storage.readLog('ctg-1')).length).toBe(1);
    const template = new Y.Doc();
    sharedModel.create(template, 'ctg-1', { generation: '2020', echelon: 'intercommunal' });
    expect(articleCount(rooms[0]!.doc)).toBe(articleCount(template));
    expect(sharedModel.snapshot(rooms[0]!.doc).convention.id).toBe('ctg-1');
  });

  it('creates once across two instances sharing storage and bus', async () => {
    const storage = createMemoryStorage();
    const bus = createMemoryBus();
    const a = harness({ storage, bus, instanceId: 'a' });
    const b = harness({ storage, bus, instanceId: 'b' });
    const [roomA, roomB] = await Promise.all([a.documents.acquire('x', alice), b.documents.acquire('x', bob)]);
    expect((await storage.readLog('x')).length).toBe(1);
    expect(Y.encodeStateVector(roomA.doc)).toEqual(Y.encodeStateVector(roomB.doc));
    // An edit on one instance reaches the other through the bus, stored once.
    const editor = new FakeParticipant(alice);
    const reader = new FakeParticipant(bob, 'view');
    editor.connect(roomA);
    reader.connect(roomB);
    await until(() => editor.synced && reader.synced);
    editor.doc.getText('convention.preamble').insert(0, 'Bonjour ');
    await until(() => reader.doc.getText('convention.preamble').toString().startsWith('Bonjour '));
    expect((await storage.readLog('x')).length).toBe(2);
  });

  it('refuses to create for a non-editor and lets an editor who comes at the same time create', async () => {
    const { documents } = harness();
    await expect(documents.acquire('nope')).rejects.toMatchObject({ code: 'convention_not_found' });
    const [viewer, editor] = await Promise.allSettled([documents.acquire('y'), documents.acquire('y', alice)]);
    expect(editor.status).toBe('fulfilled');
    expect(viewer.status).toBe('rejected');
    expect(documents.openCount).toBe(1);
  });

  it('stores an update before anyone else sees it, and holds step 2 answers until then', async () => {
    let release: () => void = () => {};
    const inner = asynchronousOnly(createMemoryStorage());
    const gated: Storage = {
      ...inner,
      appendUpdates: async (updates) => {
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return inner.appendUpdates(updates);
      },
    };
    const { documents, storage } = harness({ storage: gated });
    const room = await documents.acquire('d', alice);
    const { writer, reader } = await writerAndReader(room);
    writer.doc.getText('convention.preamble').insert(0, 'Texte ');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reader.doc.getText('convention.preamble').toString()).not.toContain('Texte');
    const late = new FakeParticipant(bob);
    late.connect(room);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(late.synced).toBe(false);
    expect((await storage.readLog('d')).length).toBe(1);
    release();
    await until(() => late.synced && reader.doc.getText('convention.preamble').toString().includes('Texte'));
    expect((await storage.readLog('d')).length).toBe(2);
    expect(late.doc.getText('convention.preamble').toString()).toContain('Texte');
  });

  it('relays a change with a synchronous store: stored, then sent on, before its own call returns', async () => {
    const inner = createMemoryStorage();
    const order: string[] = [];
    let reader: FakeParticipant | null = null;
    const spied: Storage = {
      ...inner,
      appendNow: (updates) => {
        order.push(`stored, reader had ${reader?.received.length} frames`);
        inner.appendNow?.(updates);
      },
    };
    const { documents, storage } = harness({ storage: spied });
    const room = await documents.acquire('r', alice);
    const pair = await writerAndReader(room);
    const writer = pair.writer;
    reader = pair.reader;
    const before = reader.received.length;
    writer.doc.getText('convention.preamble').insert(0, 'Texte ');
    // The stock client sends as it edits: by now the change is stored and the reader has it.
    expect(order).toEqual([`stored, reader had ${before} frames`]);
    expect(reader.doc.getText('convention.preamble').toString()).toContain('Texte ');
    expect((await storage.readLog('r')).length).toBe(2);
    expect(room.doc.getText('convention.preamble').toString()).toContain('Texte ');
    // A burst of one turn: the first is stored at once, the rest together in the next transaction.
    const text = writer.doc.getText('convention.preamble');
    const seen = reader.received.length;
    for (const word of ['un ', 'deux ', 'trois ']) text.insert(0, word);
    expect(order.length).toBe(2);
    await until(() => reader!.doc.getText('convention.preamble').toString().startsWith('trois deux un '));
    expect((await storage.readLog('r')).length).toBe(5);
    expect(order.length).toBe(2);
    // The reader got them in the order they were made: the relayed one, then the two stored together.
    const words = reader.received.slice(seen).map((frame) => /un |deux |trois /.exec(Buffer.from(frame).toString('latin1'))?.[0]);
    expect(words).toEqual(['un ', 'deux ', 'trois ']);
  });

  it('relays only new content it can read: a repeat is not stored again, an unreadable update closes the sender', async () => {
    const { documents, storage } = harness();
    const room = await documents.acquire('u', alice);
    const { writer, reader } = await writerAndReader(room);
    const before = reader.received.length;
    // A client's whole copy sent back (as y-indexeddb does after a reload): nothing new, nothing stored or sent.
    room.receive(writer, encodeUpdate(Y.encodeStateAsUpdate(writer.doc)));
    expect(reader.received.length).toBe(before);
    room.receive(writer, encodeUpdate(new Uint8Array([1, 1, 200, 7, 0, 4, 9])));
    expect(writer.closed).toEqual(CLOSE.badMessage);
    expect(reader.received.length).toBe(before);
    expect((await storage.readLog('u')).length).toBe(1);
  });

  it('takes a change it held back as soon as another participant sends what it builds on', async () => {
    const { documents, storage } = harness();
    const room = await documents.acquire('t', alice);
    // A discussion exists: every update is traced, none relayed.
    room.doc.getMap('comments').set('c0', new Y.Map());
    const a = new FakeParticipant(alice);
    const b = new FakeParticipant(bob);
    a.connect(room);
    await until(() => a.synced);
    // Bob typed offline; Alice got his text from him directly (not through the server) and types right after it.
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(room.doc));
    offline.getText('convention.preamble').insert(0, 'Bob ');
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(offline), a);
    a.doc.getText('convention.preamble').insert(4, 'puis Alice ');
    expect(a.held.length).toBe(1);
    expect(room.doc.getText('convention.preamble').toString()).not.toContain('Alice');
    // Bob connects: his step 2 brings his text, and Alice's held change goes in with it, without her typing again.
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(offline), b);
    b.connect(room);
    await until(() => room.doc.getText('convention.preamble').toString().startsWith('Bob puis Alice '));
    expect(a.held).toEqual([]);
    await until(() => b.doc.getText('convention.preamble').toString().startsWith('Bob puis Alice '));
    const log = await storage.readLog('t');
    expect(log.at(-1)?.author).toEqual(alice);
  });

  it('sends every empty joiner of a storm the same step 2 bytes, built again after a change', async () => {
    const { documents, writer } = harness();
    const room = await documents.acquire('s', alice);
    const empty = new Uint8Array([0]);
    const first = room.syncStep2(empty);
    expect(room.syncStep2(empty)).toBe(first);
    const message = decodeClientMessage(first);
    expect(message.kind).toBe('sync-step2');
    const joiner = new Y.Doc();
    if (message.kind === 'sync-step2') Y.applyUpdate(joiner, message.update);
    expect(Y.encodeStateVector(joiner)).toEqual(Y.encodeStateVector(room.doc));
    room.doc.getText('convention.preamble').insert(0, 'Nouveau ');
    await writer.flush();
    const second = room.syncStep2(empty);
    expect(second).not.toBe(first);
    expect(second.length).toBeGreaterThan(first.length);
  });

  it('records who made each change', async () => {
    const { documents, storage, writer } = harness();
    const room = await documents.acquire('h', alice);
    const editor = new FakeParticipant(bob);
    editor.connect(room);
    await until(() => editor.synced);
    editor.doc.getText('convention.preamble').insert(0, 'x');
    await until(() => writer.idle);
    await writer.flush();
    const log = await storage.readLog('h');
    expect(log.map((row) => row.author)).toEqual([alice, bob]);
  });

  it('unloads an idle convention after the grace period and reloads it intact', async () => {
    const { documents, writer } = harness({ idleMs: 30 });
    const room = await documents.acquire('idle', alice);
    const editor = new FakeParticipant(alice);
    editor.connect(room);
    await until(() => editor.synced);
    editor.doc.getText('convention.preamble').insert(0, 'Gardé ');
    await writer.flush();
    room.leave(editor);
    documents.release(room);
    expect(documents.peek('idle')).toBe(room);
    await until(() => documents.peek('idle') === null);
    expect(room.isDestroyed).toBe(true);
    const again = await documents.acquire('idle');
    expect(again).not.toBe(room);
    expect(again.doc.getText('convention.preamble').toString()).toContain('Gardé ');
  });

  it('keeps a convention that is acquired again during its grace period', async () => {
    const { documents } = harness({ idleMs: 30 });
    const room = await documents.acquire('grace', alice);
    documents.release(room);
    const again = await documents.acquire('grace');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(again).toBe(room);
    expect(documents.peek('grace')).toBe(room);
  });

  it.each([
    ['queued', false],
    ['relayed', true],
  ])('closes the participants of a convention whose writes fail, so they reconnect to a clean reload (%s)', async (_path, synchronous) => {
    const inner = createMemoryStorage();
    let failing = false;
    const flaky: Storage = {
      ...asynchronousOnly(inner),
      appendUpdates: async (updates) => {
        if (failing) throw new Error('disque plein');
        return inner.appendUpdates(updates);
      },
      ...(synchronous
        ? {
            appendNow: (updates) => {
              if (failing) throw new Error('disque plein');
              inner.appendNow?.(updates);
            },
          }
        : {}),
    };
    const { documents } = harness({ storage: flaky });
    const room = await documents.acquire('f', alice);
    const editor = new FakeParticipant(alice);
    editor.connect(room);
    await until(() => editor.synced);
    failing = true;
    editor.doc.getText('convention.preamble').insert(0, 'perdu ? ');
    await until(() => editor.closed !== null);
    expect(editor.closed).toEqual(CLOSE.unavailable);
    expect(documents.peek('f')).toBeNull();
    failing = false;
    // The reconnecting client sends its offline edit again in its step 2.
    const reloaded = await documents.acquire('f');
    editor.connect(reloaded);
    await until(() => reloaded.doc.getText('convention.preamble').toString().includes('perdu ? '));
  });

  it('compacts in the background: checkpoint plus merged runs, same document', async () => {
    const { documents, storage, writer } = harness({ compactAfterRows: 1_000_000, historyWindowMs: 60_000 });
    const room = await documents.acquire('c', alice);
    const editor = new FakeParticipant(bob);
    editor.connect(room);
    await until(() => editor.synced);
    const text = editor.doc.getText('convention.preamble');
    for (let i = 0; i < 50; i++) {
      text.insert(0, `${i} `);
      await writer.flush();
    }
    const before = room.doc.getText('convention.preamble').toString();
    expect((await storage.readLog('c')).length).toBe(51);
    await documents.compact('c');
    // Rows are not settled yet (within the window): only a checkpoint.
    const loaded = await storage.load('c');
    expect(loaded.checkpoint?.seq).toBe(await storage.lastSeq('c'));
    expect(loaded.updates).toEqual([]);
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, loaded.checkpoint!.state);
    expect(fresh.getText('convention.preamble').toString()).toBe(before);
  });
});
