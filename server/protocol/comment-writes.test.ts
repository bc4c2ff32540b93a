// The server keeps who said what in a discussion: messages in one's own name only, changed only by their author.
import { describe, expect, it } from 'vitest';
import { type ConventionDoc, readSnapshot, replyToThread, startThread } from '../../shared/index.ts';
import { as } from '../../shared/review/testing.ts';
import { COMMENT_REFUSALS } from './comment-writes.ts';
import { setup } from './testing.ts';

const articleOf = (model: ConventionDoc) => ({ kind: 'article' as const, id: readSnapshot(model.ydoc).articles[0]!.id });

describe('messages of a discussion', () => {
  it('are published in the writer’s own name, by comment and edit participants alike', () => {
    const env = setup();
    expect(env.connect('msa', 'comment').send((m) => startThread(as(m, 'msa', 'comment'), articleOf(m), 'Le calendrier est-il tenable ?'))).toBeNull();
    const thread = readSnapshot(env.doc).threads[0]!;
    expect(env.connect('caf').send((m) => replyToThread(as(m, 'caf'), thread.id, 'Oui, avec un report en 2026.'))).toBeNull();
    expect(readSnapshot(env.doc).threads[0]!.comments.map((c) => [c.author, c.party])).toEqual([
      ['Agent msa', 'msa'],
      ['Agent caf', 'caf'],
    ]);
  });

  it('refuses a message signed with another name or party, or unsigned', () => {
    const env = setup();
    const forged = (who: { name: string; party: string }) => (m: ConventionDoc) =>
      startThread({ model: m, actor: who, access: 'comment' }, articleOf(m), 'Au nom de la Caf : d’accord.');
    expect(env.connect('msa', 'comment').send(forged({ name: 'Agent caf', party: 'caf' }))).toBe(COMMENT_REFUSALS.identity);
    expect(env.connect('msa', 'comment').send(forged({ name: 'Agent msa', party: 'caf' }))).toBe(COMMENT_REFUSALS.identity);
    expect(env.connect('cd').send(forged({ name: 'Agent caf', party: 'caf' }))).toBe(COMMENT_REFUSALS.identity);
    expect(readSnapshot(env.doc).threads).toEqual([]);
  });

  it('lets only its author change or remove a message; anyone who comments may resolve the thread', () => {
    const env = setup();
    expect(env.connect('msa', 'comment').send((m) => startThread(as(m, 'msa', 'comment'), articleOf(m), 'Calendrier à revoir.'))).toBeNull();
    const { id: threadId, comments } = readSnapshot(env.doc).threads[0]!;
    const messageId = comments[0]!.id;
    const rewrite = (m: ConventionDoc) => m.update('comment', messageId, { text: 'Calendrier validé.' });
    expect(env.connect('caf').send(rewrite)).toBe(COMMENT_REFUSALS.notYours);
    expect(env.connect('caf').send((m) => m.remove('comment', messageId))).toBe(COMMENT_REFUSALS.notYours);
    expect(env.connect('msa', 'comment').send(rewrite)).toBeNull();
    expect(env.connect('cd', 'comment').send((m) => m.update('thread', threadId, { resolved: true }))).toBeNull();
    expect(readSnapshot(env.doc).threads[0]).toMatchObject({ resolved: true, comments: [{ text: 'Calendrier validé.', author: 'Agent msa' }] });
  });
});
