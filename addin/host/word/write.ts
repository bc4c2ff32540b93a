// Queues the writes of a burst of field values: a short field is replaced whole; a body field only in the
// paragraphs that changed (the others keep their formatting, lists and the person's caret). Each control is
// loaded just before and just after its write, in the same sync: the adapter learns what Word now shows, and
// whether someone typed in the field while the batch was on its way (then their typing is merged back).
import type { FieldRef } from '../../../shared/field-ref.ts';
import { mergeText } from '../../binding/three-way.ts';
import type { FieldState } from './field-state.ts';
import type { FieldPart } from './layout.ts';
import { fieldText, lineChange } from './text.ts';
import type { WordContentControl, WordContext, WordParagraph } from './word-api.ts';

export interface FieldWrite {
  part: FieldPart;
  /** The text to show. */
  text: string;
  /** What Word shows now, paragraph for paragraph, when the adapter is sure of it; else the field is rewritten. */
  known: string | null;
  /** The field is locked (cannotEdit): unlocked for the write and locked again in the same batch. */
  locked: boolean;
}

export interface Written {
  write: FieldWrite;
  /** The field as it was when the batch reached it (`text` loaded). */
  before: WordContentControl;
  /** The field after the write (`id` and `text` loaded). */
  control: WordContentControl;
}

export function queueWrites(context: WordContext, writes: readonly FieldWrite[]): Written[] {
  return writes.map((write) => {
    const before = context.document.contentControls.getByTag(write.part.tag).getFirst();
    before.load('text');
    const control = context.document.contentControls.getByTag(write.part.tag).getFirst();
    if (write.locked) control.cannotEdit = false;
    if (!write.part.multiline) control.insertText(write.text, 'Replace');
    else if (write.known === null) rewrite(control, write.text);
    else patch(control, write.known, write.text);
    if (write.locked) control.cannotEdit = true;
    control.load('id,text');
    return { write, before, control };
  });
}

/** Replaces every paragraph of a body field (when its current paragraphs are not known for sure). */
function rewrite(control: WordContentControl, text: string): void {
  const [first = '', ...rest] = text.split('\n');
  control.clear();
  control.insertText(first, 'Start');
  for (const line of rest) control.insertParagraph(line, 'End');
}

/** Touches only the paragraphs between the first and the last that changed. */
function patch(control: WordContentControl, known: string, text: string): void {
  const change = lineChange(known, text);
  if (!change) return;
  const at = (index: number): WordParagraph => {
    let p = control.paragraphs.getFirst();
    for (let i = 0; i < index; i++) p = p.getNext();
    return p;
  };
  const replaced = Math.min(change.removed, change.added.length);
  let last: WordParagraph | null = null;
  for (let i = 0; i < replaced; i++) {
    last = at(change.start + i);
    last.insertText(change.added[i] as string, 'Replace');
  }
  if (change.added.length > replaced) {
    const extra = change.added.slice(replaced);
    if (last === null && change.start === 0) {
      // Inserted before the first paragraph: each goes before the (old) first one, in order.
      const first = at(0);
      for (const line of extra) first.insertParagraph(line, 'Before');
    } else {
      let anchor = last ?? at(change.start - 1);
      for (const line of extra) anchor = anchor.insertParagraph(line, 'After');
    }
  } else if (change.removed > replaced) {
    // Paragraphs are found when the batch reaches them: delete the last first, so the others keep their place.
    for (let i = change.removed - 1; i >= replaced; i--) at(change.start + i).delete();
  }
}

export interface Settled {
  /** Controls whose text the write changed: Word reports each as a data change, which is no person's edit. */
  echoes: number[];
  /** Fields that do not show what was written: someone typed in them (the binding reads them again). */
  changed: FieldRef[];
  /** Per tag, the value to write again: the typing that a write went over, merged into what was written. */
  retyped: Map<string, string>;
}

/** Takes in what the batch loaded around each write (`since`: the state's mark before the run). */
export function settleWrites(written: readonly Written[], state: FieldState, since: number): Settled {
  const settled: Settled = { echoes: [], changed: [], retyped: new Map() };
  for (const { write, before, control } of written) {
    const { part } = write;
    if (before.text !== control.text) settled.echoes.push(control.id);
    const expected = state.text(part.tag);
    const found = fieldText(before.text, part.multiline).text;
    state.remember(part, control.text, since);
    const now = state.text(part.tag);
    if (expected !== undefined && found !== expected) {
      // Someone typed in the field while the batch was on its way, and the write may have gone over it: the
      // field must show their typing (from what was expected to what was found) merged into what was written.
      // Their typing in paragraphs the write did not touch is already there.
      const merged = mergeText(expected, found, write.text);
      if (merged !== now) settled.retyped.set(part.tag, state.value(part, merged));
      settled.changed.push(part.ref);
    } else if (now !== write.text) settled.changed.push(part.ref);
  }
  return settled;
}
