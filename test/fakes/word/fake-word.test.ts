// The fake itself: it must behave like Word where the adapter relies on it (unloaded reads throw, calls run at
// sync in order, locks hold, events fire when Word fires them and not otherwise).
import { describe, expect, it } from 'vitest';
import { ErrorCodes, FakeOfficeError, FakeWord } from './index.ts';

async function twoFields(word: FakeWord) {
  await word.run(async (context) => {
    const body = context.document.body;
    const box = body.insertParagraph('', 'End').insertContentControl();
    box.tag = 'ctg:action:a1';
    box.cannotDelete = true;
    const heading = box.insertParagraph('Fiche action 1.1.1', 'End');
    heading.styleBuiltIn = 'Heading4';
    const label = heading.insertContentControl();
    label.tag = 'ctg:label:action.code.a1';
    label.cannotEdit = true;
    label.cannotDelete = true;
    const title = box.insertParagraph('Créer un multi-accueil', 'End').insertContentControl('PlainText');
    title.tag = 'ctg:action:a1:title';
    const description = box.insertParagraph('Vingt places.', 'End').insertContentControl();
    description.tag = 'ctg:action:a1:description';
    description.insertParagraph('Ouverture en 2027.', 'End');
    box.paragraphs.getFirst().delete();
    await context.sync();
  });
}

describe('fake Word: batching like Office', () => {
  it('throws on a property that was not loaded, and reads it after load and sync', async () => {
    const word = new FakeWord();
    await twoFields(word);
    await word.run(async (context) => {
      const control = context.document.contentControls.getByTag('ctg:action:a1:title').getFirst();
      expect(() => control.text).toThrowError(FakeOfficeError);
      control.load('text');
      expect(() => control.text).toThrow(/not available/);
      await context.sync();
      expect(control.text).toBe('Créer un multi-accueil');
      expect(() => control.tag).toThrow(expect.objectContaining({ code: ErrorCodes.propertyNotLoaded }));
      const all = context.document.contentControls;
      expect(() => all.items).toThrow(/items/);
    });
  });

  it('runs queued calls only at sync, in order, and counts one round trip per sync that sends something', async () => {
    const word = new FakeWord();
    await twoFields(word);
    const before = word.roundTrips;
    await word.run(async (context) => {
      const title = context.document.contentControls.getByTag('ctg:action:a1:title').getFirst();
      title.insertText('Un', 'Replace');
      title.insertText(' deux', 'End');
      expect(word.user.read('ctg:action:a1:title')).toBe('Créer un multi-accueil');
      await context.sync();
      expect(word.user.read('ctg:action:a1:title')).toBe('Un deux');
      await context.sync(); // nothing queued: no round trip
    });
    expect(word.roundTrips - before).toBe(1);
  });

  it('nests controls, finds them by tag, and keeps the structure and styles', async () => {
    const word = new FakeWord();
    await twoFields(word);
    expect(word.tags()).toEqual(['ctg:action:a1', 'ctg:label:action.code.a1', 'ctg:action:a1:title', 'ctg:action:a1:description']);
    expect(word.outline()).toEqual(['Normal: ', 'Heading4: Fiche action 1.1.1', 'Normal: Créer un multi-accueil', 'Normal: Vingt places.', 'Normal: Ouverture en 2027.']);
    await word.run(async (context) => {
      const box = context.document.contentControls.getByTag('ctg:action:a1').getFirst();
      box.load('text');
      const inner = box.contentControls.load('items/tag');
      const missing = context.document.contentControls.getByTag('absent').getFirstOrNullObject();
      missing.load('tag');
      await context.sync();
      expect(box.text).toBe('Fiche action 1.1.1\rCréer un multi-accueil\rVingt places.\rOuverture en 2027.');
      expect(inner.items.map((c) => c.tag)).toEqual(['ctg:label:action.code.a1', 'ctg:action:a1:title', 'ctg:action:a1:description']);
      expect(missing.isNullObject).toBe(true);
    });
  });

  it('rejects the sync at the first failing call, keeping the calls before it', async () => {
    const word = new FakeWord();
    await twoFields(word);
    const failed = word.run(async (context) => {
      context.document.contentControls.getByTag('ctg:action:a1:title').getFirst().insertText('Avant', 'Replace');
      context.document.contentControls.getByTag('absent').getFirst().insertText('x', 'Replace');
      await context.sync();
    });
    await expect(failed).rejects.toMatchObject({ code: ErrorCodes.itemNotFound });
    expect(word.user.read('ctg:action:a1:title')).toBe('Avant');
  });

  it('enforces cannotEdit and cannotDelete on people and on the API', async () => {
    const word = new FakeWord();
    await twoFields(word);
    expect(word.user.type('ctg:label:action.code.a1', 'x')).toBe(false);
    expect(word.user.deleteControl('ctg:action:a1')).toBe(false);
    expect(word.user.deleteControl('ctg:action:a1:title')).toBe(true);
    const locked = word.run(async (context) => {
      context.document.contentControls.getByTag('ctg:label:action.code.a1').getFirst().insertText('Autre', 'Replace');
    });
    await expect(locked).rejects.toMatchObject({ code: ErrorCodes.accessDenied });
  });

  it('keeps the formatting of paragraphs a person typed in, and of the others', async () => {
    const word = new FakeWord();
    await twoFields(word);
    word.user.format('ctg:action:a1:description', 1, { bold: true, listItem: true });
    word.user.type('ctg:action:a1:description', ' Rue des Lilas', 'Vingt places.'.length);
    word.user.type('ctg:action:a1:description', '\nTroisième ligne');
    expect(word.user.read('ctg:action:a1:description')).toBe('Vingt places. Rue des Lilas\nOuverture en 2027.\nTroisième ligne');
    const [, second, third] = word.control('ctg:action:a1:description').blocks;
    expect(second).toMatchObject({ listItem: true, children: [{ text: 'Ouverture en 2027.', bold: true }] });
    expect(third).toMatchObject({ listItem: true, children: [{ text: 'Troisième ligne', bold: true }] });
  });
});

describe('fake Word: events as Word fires them', () => {
  async function listening(timing: 'web' | 'desktop') {
    const word = new FakeWord({ timing });
    await twoFields(word);
    const seen: string[] = [];
    await word.run(async (context) => {
      const controls = context.document.contentControls.load('items/tag');
      await context.sync();
      for (const control of controls.items) {
        const tag = control.tag;
        control.onDataChanged.add(async (args) => void seen.push(`changed ${tag} ${args.source}`));
        control.onDeleted.add(async (args) => void seen.push(`deleted ${tag} ${args.source}`));
      }
    });
    return { word, seen };
  }

  it('web: fires data changed per keystroke', async () => {
    const { word, seen } = await listening('web');
    word.user.type('ctg:action:a1:title', ' !!');
    await word.flushEvents();
    expect(seen.filter((s) => s === 'changed ctg:action:a1:title Local')).toHaveLength(3);
  });

  it('desktop: fires data changed only when the caret leaves the control', async () => {
    const { word, seen } = await listening('desktop');
    word.user.type('ctg:action:a1:title', ' !!');
    word.user.type('ctg:action:a1:title', '?');
    await word.flushEvents();
    expect(seen.filter((s) => s.includes(':title'))).toEqual([]);
    word.user.click('ctg:action:a1:description');
    await word.flushEvents();
    expect(seen.filter((s) => s.includes(':title'))).toEqual(['changed ctg:action:a1:title Local']);
  });

  it('fires nothing on undo, echoes the add-in’s own writes, and marks co-authors’ edits Remote', async () => {
    const { word, seen } = await listening('web');
    word.user.type('ctg:action:a1:title', 'x');
    await word.flushEvents();
    seen.length = 0;
    word.user.undo();
    await word.flushEvents();
    expect(seen).toEqual([]);
    expect(word.user.read('ctg:action:a1:title')).toBe('Créer un multi-accueil');
    await word.run(async (context) => {
      context.document.contentControls.getByTag('ctg:action:a1:title').getFirst().insertText('Écrit par l’add-in', 'Replace');
    });
    word.remote.type('ctg:action:a1:description', ' (co-auteur)');
    await word.flushEvents();
    expect(seen).toContain('changed ctg:action:a1:title Local');
    expect(seen).toContain('changed ctg:action:a1:description Remote');
    word.user.deleteControl('ctg:action:a1:title');
    await word.flushEvents();
    expect(seen).toContain('deleted ctg:action:a1:title Local');
  });
});
