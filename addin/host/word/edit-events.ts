// Word's content-control events turned into edit hints. Hints, not truth: data-changed fires per keystroke on the
// web, only on leaving the control on desktop, never on undo; the binding re-reads and diffs, and polls as a
// safety net. Two kinds of events are not a person's edit here: the echo of the adapter's own writes (Word does
// not say who changed a control), and edits with source `Remote` (Office's own co-authoring: the co-author's
// add-in imports them; this one leaves the field alone for a while, then reads it like any other).
import type { FieldRef } from '../../../shared/field-ref.ts';
import type { EditHint } from '../port.ts';
import { classifyTag } from './tags.ts';
import type { WordEventArgs } from './word-api.ts';

export interface EditEventsEnv {
  tagOf(id: number): string | undefined;
  emit(hint: EditHint): void;
  /** A part was deleted by someone (not by the adapter): check and restore the structure. */
  deleted(tags: string[]): void;
  now(): number;
}

export interface EditEventsOptions {
  /** How long an expected echo of the adapter's own write is waited for (ms). */
  echoMs: number;
  /** How long a field edited by a co-author is left out of reads (ms). */
  remoteQuietMs: number;
}

export class EditEvents {
  private readonly echoes = new Map<number, { count: number; until: number }>();
  private readonly quietUntil = new Map<string, number>();
  private readonly deletedByAdapter = new Set<number>();
  /** The field holding the caret (entered last): on desktop its typing is reported only when the caret leaves. */
  caret: string | null = null;

  constructor(
    private readonly env: EditEventsEnv,
    private readonly options: EditEventsOptions,
  ) {}

  /** The adapter is about to write this control: its data-changed event will be an echo. */
  expectEcho(id: number): void {
    const now = this.env.now();
    const pending = this.echoes.get(id);
    const count = pending && pending.until > now ? pending.count : 0;
    this.echoes.set(id, { count: count + 1, until: now + this.options.echoMs });
  }

  /** The adapter is about to delete this control: its deleted event is not a person's doing. */
  expectDeletion(id: number): void {
    this.deletedByAdapter.add(id);
  }

  /** A co-author edited the field lately: reading it now could import their edit a second time. */
  isQuiet(tag: string): boolean {
    const until = this.quietUntil.get(tag);
    if (until === undefined) return false;
    if (until > this.env.now()) return true;
    this.quietUntil.delete(tag);
    return false;
  }

  readonly onDataChanged = async (args: WordEventArgs): Promise<void> => {
    const refs: FieldRef[] = [];
    for (const id of args.ids) {
      const tag = this.env.tagOf(id);
      const role = tag ? classifyTag(tag) : null;
      if (!tag || role?.role !== 'field') continue;
      if (args.source === 'Remote') {
        this.quietUntil.set(tag, this.env.now() + this.options.remoteQuietMs);
        continue;
      }
      if (this.consumeEcho(id)) continue;
      refs.push(role.ref);
    }
    if (refs.length > 0) this.env.emit({ scope: 'fields', refs });
  };

  readonly onDeleted = async (args: WordEventArgs): Promise<void> => {
    const tags: string[] = [];
    for (const id of args.ids) {
      if (this.deletedByAdapter.delete(id)) continue;
      const tag = this.env.tagOf(id);
      // A co-author's deletion is restored by their add-in (or by this one's next check): not twice at once.
      if (tag && args.source !== 'Remote') tags.push(tag);
    }
    if (tags.length > 0) this.env.deleted(tags);
  };

  /**
   * The caret moved to another field: re-read the one it left. On desktop, data-changed comes only on leaving a
   * control and is sometimes missed when leaving fast; this costs one small read.
   */
  readonly onSelectionChanged = async (args: WordEventArgs): Promise<void> => {
    if (args.source === 'Remote') return;
    const tag = args.ids.map((id) => this.env.tagOf(id)).find((t) => t && classifyTag(t)?.role === 'field');
    if (!tag || tag === this.caret) return;
    const left = this.caret ? classifyTag(this.caret) : null;
    this.caret = tag;
    if (left?.role === 'field') this.env.emit({ scope: 'fields', refs: [left.ref] });
  };

  private consumeEcho(id: number): boolean {
    const pending = this.echoes.get(id);
    if (!pending) return false;
    if (pending.until <= this.env.now() || pending.count <= 0) {
      this.echoes.delete(id);
      return false;
    }
    pending.count--;
    if (pending.count === 0) this.echoes.delete(id);
    return true;
  }
}
