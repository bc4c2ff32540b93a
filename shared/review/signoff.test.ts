import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readSnapshot } from '../snapshot.ts';
import { currentReview, recordSignoff } from './commands.ts';
import { as, negotiatingSample, twoPeers } from './testing.ts';
import { seededRandom } from '../../test/support/random.ts';

const PARTIES = ['caf', 'ccvs', 'cd', 'msa'];

function firstArticle(model: ReturnType<typeof negotiatingSample>) {
  return { kind: 'article', id: readSnapshot(model.ydoc).articles[0]!.id } as const;
}

describe('sign-off of a part by every signatory', () => {
  it('goes brouillon → proposé → validé once every signatory validated, and the article reads agreed', () => {
    const model = negotiatingSample();
    const article = firstArticle(model);
    expect(currentReview(model).signoff(article).stage).toBe('brouillon');
    recordSignoff(as(model, 'caf'), article, 'propose');
    for (const party of PARTIES.slice(0, 3)) recordSignoff(as(model, party), article, 'validate');
    const almost = currentReview(model).signoff(article);
    expect(almost).toMatchObject({ stage: 'propose', validatedBy: ['caf', 'ccvs', 'cd'], missing: ['msa'] });
    recordSignoff(as(model, 'msa', 'comment'), article, 'validate');
    const review = currentReview(model);
    expect(review.signoff(article).stage).toBe('valide');
    expect(review.snapshot.articles[0]?.status).toBe('agreed');
    expect(review.locks.lockOf({ kind: 'article', id: article.id, field: 'body' })?.cause).toBe('signoff');
  });

  it('refuses, in French and without writing, acts that do not apply', () => {
    const model = negotiatingSample();
    const article = firstArticle(model);
    const refused = (run: () => unknown, message: RegExp) => {
      const before = Y.encodeStateAsUpdate(model.ydoc);
      expect(run).toThrow(message);
      expect(Y.encodeStateAsUpdate(model.ydoc)).toEqual(before);
    };
    refused(() => recordSignoff(as(model, 'caf'), article, 'validate'), /doit d’abord être proposé/);
    recordSignoff(as(model, 'asso-x'), article, 'propose');
    refused(() => recordSignoff(as(model, 'asso-x'), article, 'validate'), /Seul un signataire/);
    refused(() => recordSignoff(as(model, 'caf', 'comment'), article, 'reopen', 'motif'), /accès ne permet pas/);
    refused(() => recordSignoff(as(model, 'caf'), article, 'reopen', '  '), /Indiquez pourquoi/);
    refused(() => recordSignoff(as(model, 'caf', 'view'), article, 'validate'), /accès ne permet pas/);
    refused(() => recordSignoff(as(model, 'caf'), { kind: 'action', id: 'act_inexistant' }, 'propose'), /n’existe plus/);
    expect(currentReview(model).events).toHaveLength(1);
  });

  it('lets a party withdraw its validation while the part is still proposed', () => {
    const model = negotiatingSample();
    const article = firstArticle(model);
    recordSignoff(as(model, 'caf'), article, 'propose');
    recordSignoff(as(model, 'cd'), article, 'validate');
    recordSignoff(as(model, 'cd'), article, 'withdraw');
    expect(currentReview(model).signoff(article)).toMatchObject({ stage: 'propose', validatedBy: [] });
  });

  it('merges concurrent validations by different parties: all count, on both peers', () => {
    const { a, b, sync } = twoPeers();
    const article = firstArticle(a);
    recordSignoff(as(a, 'caf'), article, 'propose');
    sync();
    recordSignoff(as(a, 'caf'), article, 'validate');
    recordSignoff(as(a, 'ccvs'), article, 'validate');
    recordSignoff(as(b, 'cd'), article, 'validate');
    recordSignoff(as(b, 'msa'), article, 'validate');
    sync();
    for (const peer of [a, b]) expect(currentReview(peer).signoff(article).stage).toBe('valide');
  });

  it('settles a reopen racing the last validation the same way on every peer, and records both', () => {
    const { a, b, sync } = twoPeers();
    const article = firstArticle(a);
    recordSignoff(as(a, 'caf'), article, 'propose');
    for (const party of ['caf', 'ccvs', 'cd']) recordSignoff(as(a, party), article, 'validate');
    sync();
    recordSignoff(as(a, 'msa'), article, 'validate');
    recordSignoff(as(b, 'caf'), article, 'reopen', 'Le montant a changé au Copil');
    sync();
    const left = currentReview(a).signoff(article);
    expect(currentReview(b).signoff(article)).toEqual(left);
    // Either order ends in a draft: validated then reopened, or reopened and the late validation has no effect.
    expect(left.stage).toBe('brouillon');
    expect(left.history).toHaveLength(6);
    const [first, second] = left.history.slice(-2);
    if (first?.event.act === 'validate') expect([first.applied, second?.applied]).toEqual([true, true]);
    else expect([first?.applied, second?.applied, second?.note?.fr]).toEqual([true, false, expect.stringMatching(/proposé/)]);
  });

  it('converges for random concurrent acts by random parties (seeded)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const random = seededRandom(seed);
      const { a, b, sync } = twoPeers();
      const article = firstArticle(a);
      const acts = ['propose', 'validate', 'withdraw', 'reopen'] as const;
      for (let step = 0; step < 30; step++) {
        const peer = random() < 0.5 ? a : b;
        const party = PARTIES[Math.floor(random() * PARTIES.length)]!;
        const act = acts[Math.floor(random() * acts.length)]!;
        try {
          recordSignoff(as(peer, party), article, act, 'motif');
        } catch {
          // refused acts write nothing
        }
        if (random() < 0.3) sync();
      }
      sync();
      expect(currentReview(b).signoff(article), `seed ${seed}`).toEqual(currentReview(a).signoff(article));
    }
  });
});
