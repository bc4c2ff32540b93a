// A person acting in the fake Word: click into a control, type, replace, erase, press Enter and type outside any
// control, try to delete a protected control, format a paragraph. Locks are enforced as Word's UI does (the
// keystrokes are refused). Local people move the caret; a Remote co-author's edits arrive with source `Remote`.
import { type Control, type Format, paragraphsIn } from './doc.ts';
import { FakeOfficeError } from './errors.ts';
import type { EventSource } from './events.ts';
import type { FakeWord } from './fake-word.ts';
import { spliceControl, typedText } from './typing.ts';

export class Person {
  constructor(
    private readonly word: FakeWord,
    readonly source: EventSource,
  ) {}

  /** Puts the caret in the control with this tag (at `offset`, default its end), or nowhere (null). */
  click(tag: string | null, offset: number | 'end' = 'end'): void {
    this.word.moveSelection(tag === null ? null : this.word.control(tag), offset, this.source);
  }

  /** Types `text` at `at` (default: the end) in the control; false when Word refuses (locked). */
  type(tag: string, text: string, at: number | 'end' = 'end'): boolean {
    const control = this.word.control(tag);
    const start = at === 'end' ? typedText(control).length : at;
    return this.splice(control, start, 0, text);
  }

  /** Selects the whole content of the control and types over it. */
  replace(tag: string, text: string): boolean {
    const control = this.word.control(tag);
    return this.splice(control, 0, typedText(control).length, text);
  }

  erase(tag: string, start: number, count: number): boolean {
    return this.splice(this.word.control(tag), start, count, '');
  }

  /** The control's text as this person reads it (paragraphs joined by '\n'). */
  read(tag: string): string {
    return typedText(this.word.control(tag));
  }

  /** Presses Enter after the block with this tag (or at the end of the document) and types, outside any field. */
  typeOutside(afterTag: string | null, text: string): boolean {
    const tree = this.word.tree;
    const change = this.word.beginChange();
    try {
      const p = afterTag === null ? tree.insertParagraph(tree.body, text, 'End', 'keyboard') : tree.insertParagraph(this.word.control(afterTag), text, 'After', 'keyboard');
      if (this.source === 'Local') this.word.selection = { control: null, paragraph: p, offset: text.length };
      return true;
    } catch (error) {
      if (error instanceof FakeOfficeError) return false;
      throw error;
    } finally {
      this.word.endChange(change, this.source, true);
    }
  }

  /** Selects the control and presses Delete: refused when it cannot be deleted (or sits in a locked control). */
  deleteControl(tag: string): boolean {
    const control = this.word.control(tag);
    const change = this.word.beginChange();
    try {
      this.word.tree.deleteControl(control, false, 'keyboard');
      return true;
    } catch (error) {
      if (error instanceof FakeOfficeError) return false;
      throw error;
    } finally {
      this.word.endChange(change, this.source);
    }
  }

  /** Ctrl+Z. */
  undo(): boolean {
    return this.word.undo();
  }

  /** Formats the `index`-th paragraph of a control (character formatting on all its text, style, list). */
  format(tag: string, index: number, format: Partial<Format> & { style?: string; listItem?: boolean }): void {
    const paragraph = paragraphsIn(this.word.control(tag))[index];
    if (!paragraph) throw new Error(`no paragraph ${index} in ${tag}`);
    if (format.style !== undefined) paragraph.style = format.style;
    if (format.listItem !== undefined) paragraph.listItem = format.listItem;
    for (const run of paragraph.children) {
      if (run.kind !== 'run') continue;
      if (format.bold !== undefined) run.bold = format.bold;
      if (format.italic !== undefined) run.italic = format.italic;
      if (format.underline !== undefined) run.underline = format.underline;
    }
  }

  private splice(control: Control, start: number, deleteCount: number, insert: string): boolean {
    try {
      this.word.tree.assertCanEdit(control, 'keyboard');
    } catch (error) {
      if (error instanceof FakeOfficeError) return false;
      throw error;
    }
    if (this.source === 'Local') this.word.moveSelection(control, start, 'Local');
    const change = this.word.beginChange();
    const result = spliceControl(this.word.tree, control, start, deleteCount, insert);
    if (this.source === 'Local') this.word.selection = { control, paragraph: result.caret.paragraph, offset: result.caret.offset };
    // Per keystroke on the web: one event per character typed (at least one for a deletion).
    const keystrokes = Math.max(1, [...insert].length);
    for (let i = 0; i < keystrokes - 1 && this.source === 'Local' && this.word.timing === 'web'; i++) this.word.fire('ContentControlDataChanged', control.id, 'Local');
    this.word.endChange(change, this.source, true);
    return true;
  }
}
