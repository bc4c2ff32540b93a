// The Word runs that read the document: some fields by tag, or every control with the body's text (the full
// read that also checks the structure). One load, one sync each.
import type { WordApi } from './word-api.ts';

export interface LoadedControl {
  id: number;
  tag: string;
  text: string;
}

/** The text of each tag's first control, or null when no control has the tag. */
export function readTags(word: WordApi, tags: readonly string[]): Promise<Array<{ tag: string; text: string | null }>> {
  return word.run(async (context) => {
    const found = tags.map((tag) => ({ tag, control: context.document.contentControls.getByTag(tag).getFirstOrNullObject() }));
    for (const { control } of found) control.load('text');
    await context.sync();
    return found.map(({ tag, control }) => ({ tag, text: control.isNullObject ? null : control.text }));
  });
}

/** Every content control (id, tag, text) in document order, and the whole body's text. */
export function readDocument(word: WordApi): Promise<{ controls: LoadedControl[]; body: string }> {
  return word.run(async (context) => {
    const all = context.document.contentControls;
    all.load('items/id,items/tag,items/text');
    const body = context.document.body;
    body.load('text');
    await context.sync();
    return { controls: all.items.map((c) => ({ id: c.id, tag: c.tag, text: c.text })), body: body.text };
  });
}
