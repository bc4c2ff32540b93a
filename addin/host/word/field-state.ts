// What the adapter knows of each field as Word shows it: the text at the last load or write (so writes touch only
// the changed paragraphs, and reads of fields nobody can have typed in are answered without asking Word), whether
// its paragraphs are surely one per line, whether an event said a person changed it since (then it must be read
// from Word), and which control id carries which tag.
import type { FieldRef } from '../../../shared/field-ref.ts';
import type { FieldDisplay } from './display.ts';
import type { FieldPart } from './layout.ts';
import { fieldTag } from './tags.ts';
import { fieldText } from './text.ts';

export class FieldState {
  private readonly known = new Map<string, string>();
  /** Fields whose paragraphs may not match the known lines one for one (a manual line break was read). */
  private readonly unsure = new Set<string>();
  /** Fields an event reported as changed since their last load, with the event's number. */
  private readonly dirty = new Map<string, number>();
  private events = 0;
  private readonly tags = new Map<number, string>();

  constructor(private readonly display: FieldDisplay) {}

  /** A number to pass to `remember` for what is loaded from now on. */
  mark(): number {
    return this.events;
  }

  /** An event (or the adapter) says these fields changed in Word: read them from Word next time. */
  touched(refs: readonly FieldRef[]): void {
    this.events++;
    for (const ref of refs) this.dirty.set(fieldTag(ref), this.events);
  }

  /** Notes what Word showed in a field (loaded after `since`) and returns it as the model's value. */
  remember(part: FieldPart, raw: string, since: number): string {
    const { text, manualBreaks } = fieldText(raw, part.multiline);
    this.known.set(part.tag, text);
    // An event that came while Word was being read may be about typing after the load: it stays dirty.
    if ((this.dirty.get(part.tag) ?? 0) <= since) this.dirty.delete(part.tag);
    if (manualBreaks) this.unsure.add(part.tag);
    else this.unsure.delete(part.tag);
    return this.display.take(part.ref, text, part.multiline);
  }

  /** An event said a person changed the field since it was last loaded: only Word knows its text. */
  isDirty(tag: string): boolean {
    return this.dirty.has(tag);
  }

  /** The text Word shows, as last seen. */
  text(tag: string): string | undefined {
    return this.known.get(tag);
  }

  /** The known text, when the paragraphs are surely one per line (else a write rewrites the field whole). */
  lines(tag: string): string | null {
    return this.unsure.has(tag) ? null : (this.known.get(tag) ?? null);
  }

  /** A text as Word would show it, as the model's value. */
  value(part: FieldPart, text: string): string {
    return this.display.take(part.ref, text, part.multiline);
  }

  noteId(id: number, tag: string): void {
    this.tags.set(id, tag);
  }

  tagOf(id: number): string | undefined {
    return this.tags.get(id);
  }
}
