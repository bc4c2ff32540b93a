// The host contract: one suite every host adapter must pass (Word fake, Excel fake, browser), as Hono runs one
// router suite over every router. It checks what the binding relies on: render is idempotent and follows the
// structure, write/read round-trip field text, a person's edit is reported and reaches the model once, a locked field
// refuses typing (refused by the host or put back by the binding) until it is unlocked.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ConventionDoc, readSnapshot } from '../../shared/index.ts';
import { applyTemplate } from '../../shared/template.ts';
import { HostBinding } from '../binding/binding.ts';
import type { FieldRef } from '../../shared/field-ref.ts';
import type { EditHint, FieldLock, HostPort, LockQuery } from './port.ts';

export interface HostUnderTest {
  host: HostPort;
  /** Simulates a person replacing a field's text in the host (and the host's own events, if it has them). */
  type(ref: FieldRef, text: string): Promise<void>;
  dispose(): void;
}

export interface ContractOptions {
  /** Fields this host shows for an action (Excel shows no article bodies, Word no editable indicator values). */
  articleBody: boolean;
}

export function conventionFixture() {
  const ydoc = new Y.Doc();
  applyTemplate(ydoc, { conventionId: 'ctg-contract', generation: '2020', echelon: 'intercommunal', startYear: 2026 });
  const model = new ConventionDoc(ydoc);
  const axis = model.add('axis', { number: 1, title: 'Petite enfance', fields: ['petite_enfance'] });
  const objective = model.add('objective', { number: '1.1', title: 'Accroître l’offre d’accueil' }, { parent: axis });
  const action = model.add('action', { code: '1.1.1', title: 'Créer un multi-accueil', description: 'Vingt places.', pilotId: 'caf' }, { parent: objective });
  const article = model.childIds('article')[0] as string;
  return { ydoc, model, axis, objective, action, article };
}

export function runHostContract(name: string, create: () => HostUnderTest, options: ContractOptions): void {
  describe(`host contract: ${name}`, () => {
    it('renders the snapshot and reads back the same values, however often it renders', async () => {
      const { model, action } = conventionFixture();
      const h = create();
      const snapshot = readSnapshot(model.ydoc);
      await h.host.render(snapshot);
      const first = await h.host.read();
      await h.host.render(snapshot);
      const second = await h.host.read();
      expect(second).toEqual(first);
      expect(first).toContainEqual({ ref: { kind: 'action', id: action, field: 'title' }, value: 'Créer un multi-accueil' });
      h.dispose();
    });

    it('writes are idempotent and unknown fields are ignored', async () => {
      const { model, action } = conventionFixture();
      const h = create();
      await h.host.render(readSnapshot(model.ydoc));
      const ref = { kind: 'action', id: action, field: 'title' } as const;
      await h.host.write([{ ref, value: 'Créer deux multi-accueils' }]);
      await h.host.write([{ ref, value: 'Créer deux multi-accueils' }, { ref: { ...ref, id: 'absent' }, value: 'x' }]);
      expect(await h.host.read([ref])).toEqual([{ ref, value: 'Créer deux multi-accueils' }]);
      h.dispose();
    });

    it('follows structure changes and keeps the other fields as they are', async () => {
      const { model, objective, action } = conventionFixture();
      const h = create();
      await h.host.render(readSnapshot(model.ydoc));
      const titleRef = { kind: 'action', id: action, field: 'title' } as const;
      await h.type(titleRef, 'Créer un multi-accueil de 20 places');
      const added = model.add('action', { code: '1.1.2', title: 'Relais petite enfance', pilotId: 'caf' }, { parent: objective, index: 0 });
      await h.host.render(readSnapshot(model.ydoc));
      expect(await h.host.read([{ kind: 'action', id: added, field: 'title' }])).toEqual([
        { ref: { kind: 'action', id: added, field: 'title' }, value: 'Relais petite enfance' },
      ]);
      expect(await h.host.read([titleRef])).toEqual([{ ref: titleRef, value: 'Créer un multi-accueil de 20 places' }]);
      model.remove('action', added);
      await h.host.render(readSnapshot(model.ydoc));
      expect(await h.host.read([{ kind: 'action', id: added, field: 'title' }])).toEqual([]);
      h.dispose();
    });

    it('reports a person’s edit', async () => {
      const { model, action } = conventionFixture();
      const h = create();
      await h.host.render(readSnapshot(model.ydoc));
      const hints: EditHint[] = [];
      h.host.onEdit((hint) => hints.push(hint));
      const ref = { kind: 'action', id: action, field: 'description' } as const;
      await h.type(ref, 'Vingt places à Montcler.');
      expect(hints.some((hint) => hint.scope === 'all' || hint.refs.some((r) => r.id === action && r.field === 'description'))).toBe(true);
      h.dispose();
    });

    it('through the binding: edits reach the model once, remote changes reach the host', async () => {
      const { model, action, article } = conventionFixture();
      const h = create();
      const binding = new HostBinding(model, h.host, { pollMs: 0 });
      const second = new HostBinding(model, h.host, { pollMs: 0 }); // two add-ins on one document
      await binding.start();
      await second.start();
      const ref = { kind: 'action', id: action, field: 'title' } as const;
      await h.type(ref, 'Créer un multi-accueil à Montcler');
      await binding.settled();
      await second.settled();
      expect(model.read('action', action).title).toBe('Créer un multi-accueil à Montcler');
      model.update('action', action, { title: 'Créer un multi-accueil de 20 places à Montcler' });
      await binding.settled();
      await second.settled();
      expect(await h.host.read([ref])).toEqual([{ ref, value: 'Créer un multi-accueil de 20 places à Montcler' }]);
      if (options.articleBody) {
        const body = { kind: 'article', id: article, field: 'body' } as const;
        const before = model.read('article', article).body;
        await h.type(body, `${before} Elle est conclue pour cinq ans.`);
        await binding.settled();
        await second.settled();
        expect(model.read('article', article).body).toBe(`${before} Elle est conclue pour cinq ans.`);
      }
      binding.dispose();
      second.dispose();
      h.dispose();
    });

    it('a locked field refuses typing, follows the model, and takes typing again once unlocked', async () => {
      const { model, objective, action } = conventionFixture();
      const h = create();
      const lock: FieldLock = { fr: 'Verrouillé : la fiche action 1.1.1 a reçu la validation de toutes les parties.', en: 'Locked.' };
      const lockedIds = new Set([action]);
      let on = true;
      const isLocked: LockQuery = (ref) => (on && ref.kind === 'action' && lockedIds.has(ref.id) && !ref.field.startsWith('statusByYear') ? lock : null);
      const binding = new HostBinding(model, h.host, { pollMs: 0, isLocked });
      await binding.start();
      await h.host.setLocks(isLocked);
      await h.host.setLocks(isLocked);
      const title = { kind: 'action', id: action, field: 'title' } as const;
      await h.type(title, 'Tapé sur une partie validée');
      await binding.settled();
      expect(model.read('action', action).title).toBe('Créer un multi-accueil');
      expect(await h.host.read([title])).toEqual([{ ref: title, value: 'Créer un multi-accueil' }]);
      // The model's changes (an avenant, a co-author before the lock reached them) still reach a locked field.
      model.update('action', action, { title: 'Créer un multi-accueil de 20 places' });
      await binding.settled();
      expect(await h.host.read([title])).toEqual([{ ref: title, value: 'Créer un multi-accueil de 20 places' }]);
      // A field the host renders later is locked as well.
      const added = model.add('action', { code: '1.1.2', title: 'Relais petite enfance', pilotId: 'caf' }, { parent: objective });
      lockedIds.add(added);
      await binding.settled();
      const addedTitle = { kind: 'action', id: added, field: 'title' } as const;
      await h.type(addedTitle, 'Tapé aussi');
      await binding.settled();
      expect(model.read('action', added).title).toBe('Relais petite enfance');
      expect(await h.host.read([addedTitle])).toEqual([{ ref: addedTitle, value: 'Relais petite enfance' }]);
      on = false;
      await h.host.setLocks(isLocked);
      await h.type(title, 'Créer deux multi-accueils');
      await binding.settled();
      expect(model.read('action', action).title).toBe('Créer deux multi-accueils');
      binding.dispose();
      h.dispose();
    });

    it('selects and marks an entity without touching its text', async () => {
      const { model, action } = conventionFixture();
      const h = create();
      await h.host.render(readSnapshot(model.ydoc));
      const before = await h.host.read();
      await h.host.select({ kind: 'action', id: action });
      await h.host.mark({ kind: 'action', id: action }, { type: 'error', label: 'Pas de pilote' });
      await h.host.mark({ kind: 'action', id: action }, { type: 'comment', label: '1 discussion ouverte : « Combien de places ? »' });
      await h.host.mark({ kind: 'action', id: action }, null);
      expect(await h.host.read()).toEqual(before);
      h.dispose();
    });
  });
}
