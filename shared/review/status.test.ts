import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { changeStatus, currentReview } from './commands.ts';
import { nextStatuses, statusRefusal } from './status.ts';
import { as, negotiatingSample } from './testing.ts';

const ok = { blockingErrors: 0 };

describe('the convention status', () => {
  it('follows the guide one step at a time, and only goes back before signature', () => {
    expect(nextStatuses('preparation')).toEqual(['diagnostic']);
    expect(nextStatuses('negociation')).toEqual(['validation', 'diagnostic']);
    expect(nextStatuses('signee')).toEqual(['en_cours']);
    expect(nextStatuses('echue')).toEqual([]);
    expect(statusRefusal('negociation', 'signee', '', ok)?.fr).toMatch(/étape suivante ou précédente/);
    expect(statusRefusal('en_cours', 'validation', 'oubli', ok)?.fr).toMatch(/signée : impossible de revenir/);
    expect(statusRefusal('validation', 'negociation', '', ok)?.fr).toMatch(/Indiquez pourquoi/);
    expect(statusRefusal('validation', 'signee', '', { blockingErrors: 2 })?.fr).toMatch(/2 erreur\(s\) bloquante\(s\)/);
    expect(statusRefusal('validation', 'signee', '', ok)).toBeNull();
  });

  it('records who moved it, when and why, with the status, in one change', () => {
    const model = negotiatingSample();
    const updates: Uint8Array[] = [];
    model.ydoc.on('update', (u: Uint8Array) => updates.push(u));
    changeStatus(as(model, 'caf', 'edit', 'Claire Martin'), 'validation', '', ok);
    expect(updates).toHaveLength(1);
    const review = currentReview(model);
    expect(review.snapshot.convention.status).toBe('validation');
    expect(review.events.at(-1)).toMatchObject({ act: 'status', from: 'negociation', to: 'validation', by: { name: 'Claire Martin', party: 'caf' } });
  });

  it('refuses a comment participant and a jump, changing nothing', () => {
    const model = negotiatingSample();
    const before = Y.encodeStateAsUpdate(model.ydoc);
    expect(() => changeStatus(as(model, 'caf', 'comment'), 'validation', '', ok)).toThrow(/accès ne permet pas/);
    expect(() => changeStatus(as(model, 'caf'), 'en_cours', '', ok)).toThrow(/pas à « En cours »/);
    expect(Y.encodeStateAsUpdate(model.ydoc)).toEqual(before);
  });
});
