// Reopening a document that was edited in Word without the add-in: the offline edits and what the others changed
// meanwhile are merged, against the texts last agreed on (kept in the document's settings).
import { expect, it } from 'vitest';
import { wordUnderTest } from '../../../test/fakes/word/host.ts';
import { HostBinding } from '../../binding/binding.ts';
import { fieldTag } from '../../../shared/field-ref.ts';
import { conventionFixture } from '../contract.ts';
import { WordHost } from './word-host.ts';

it('merges edits made in Word while the add-in was closed with the changes made meanwhile', async () => {
  const { model, action } = conventionFixture();
  const first = wordUnderTest();
  const binding = new HostBinding(model, first.host, { pollMs: 0 });
  await binding.start();
  binding.dispose(); // the add-in closes; the agreed texts are saved with the document
  await first.host.read();
  first.host.dispose();

  const title = { kind: 'action', id: action, field: 'title' } as const;
  first.word.user.replace(fieldTag(title), 'Créer un multi-accueil à Montcler'); // typed with no add-in running
  model.update('action', action, { title: 'Ouvrir et créer un multi-accueil', description: 'Vingt places, ouverture 2027.' });

  const reopened = new WordHost({ word: first.word, supports: (set, version) => first.word.isSetSupported(set, version), year: 2026 });
  const again = new HostBinding(model, reopened, { pollMs: 0 });
  await again.start();
  expect(model.read('action', action).title).toBe('Ouvrir et créer un multi-accueil à Montcler');
  expect(await reopened.read([title])).toEqual([{ ref: title, value: 'Ouvrir et créer un multi-accueil à Montcler' }]);
  const description = { kind: 'action', id: action, field: 'description' } as const;
  expect(await reopened.read([description])).toEqual([{ ref: description, value: 'Vingt places, ouverture 2027.' }]);
  again.dispose();
  reopened.dispose();
});
