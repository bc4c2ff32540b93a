// The fake Word host: `run(batch)` with a fresh request context, a round-trip counter, the document tree, document
// settings, the selection, an undo stack, and the events Word fires after a batch (the add-in's own writes echo
// back as data-changed events: Word does not say who changed a control). `user` and `remote` act as people.
import { FakeRequestContext } from './context.ts';
import { type Body, type Control, controlsIn, type Paragraph, paragraphsIn, textOf, walk } from './doc.ts';
import { type EventArgs, type EventKind, EventRegistry, type EventSource } from './events.ts';
import { DocumentProxy } from './proxies.ts';
import type { WordState } from './state.ts';
import { Tree } from './tree.ts';
import { Person } from './user.ts';

export type Timing = 'web' | 'desktop';

export interface FakeWordOptions {
  /** When data-changed fires for typing: per keystroke (web) or on leaving the control (desktop). */
  timing?: Timing;
  /** Requirement sets the host claims (default WordApi 1.1 to 1.6). */
  requirementSets?: Record<string, number>;
  /** Keep an undo stack (a copy of the document per batch and per keystroke burst); off for benchmarks. */
  undo?: boolean;
}

export interface Selection {
  control: Control | null;
  paragraph: Paragraph | null;
  offset: number;
}

export type FakeContext = FakeRequestContext & { readonly document: DocumentProxy };

export class FakeWord {
  readonly tree: Tree;
  readonly settings = new Map<string, unknown>();
  readonly events = new EventRegistry();
  readonly timing: Timing;
  /** Syncs that reached the host (a sync with nothing queued does not). */
  roundTrips = 0;
  selection: Selection | null = null;
  readonly user: Person;
  /** Another person co-authoring the same file in their own Word: their edits arrive with source `Remote`. */
  readonly remote: Person;
  /** Controls typed in since the caret entered them (desktop reports them only on leaving). */
  readonly typedSinceEnter = new Set<number>();
  private readonly undoStack: Array<{ body: Body; selection: { uid: number; offset: number } | null }> = [];
  private readonly keepUndo: boolean;
  private readonly sets: Record<string, number>;
  private uid = 1;
  private controlId = 1000;
  private readonly state: WordState;

  constructor(options: FakeWordOptions = {}) {
    this.timing = options.timing ?? 'web';
    this.keepUndo = options.undo ?? true;
    this.sets = options.requirementSets ?? { WordApi: 1.6 };
    this.tree = new Tree({ uid: () => this.uid++, controlId: () => this.controlId++ });
    this.state = {
      tree: this.tree,
      settings: this.settings,
      events: this.events,
      selectControl: (control, mode) => this.moveSelection(control, mode === 'End' ? 'end' : 0, 'Local'),
    };
    this.user = new Person(this, 'Local');
    this.remote = new Person(this, 'Remote');
  }

  /** `Word.run`: the batch gets a fresh context; what it leaves queued is sent by a final sync. */
  readonly run = async <T>(batch: (context: FakeContext) => Promise<T>): Promise<T> => {
    const context = new FakeRequestContext({ execute: (actions) => this.execute(actions) }) as FakeContext;
    context.document = new DocumentProxy(context, this.state);
    const result = await batch(context);
    await context.sync();
    return result;
  };

  isSetSupported(name: string, version: string | number = 1.1): boolean {
    const supported = this.sets[name];
    return supported !== undefined && supported >= Number(version);
  }

  /** One round trip: applies the queued calls in order; a failing call rejects the sync (earlier ones stay). */
  private async execute(actions: Array<() => void>): Promise<void> {
    this.roundTrips++;
    await Promise.resolve();
    const change = this.beginChange();
    try {
      for (const action of actions) action();
    } finally {
      this.endChange(change, 'Local');
    }
  }

  // ---- changes, events, undo ---------------------------------------------------------------------------------

  /** Notes the controls' text before a change, and keeps a copy for undo. */
  beginChange(): Map<number, string> {
    if (this.keepUndo) {
      const at = this.selection?.paragraph;
      this.undoStack.push({ body: structuredClone(this.tree.body), selection: at ? { uid: at.uid, offset: this.selection?.offset ?? 0 } : null });
      if (this.undoStack.length > 50) this.undoStack.shift();
    }
    return this.controlTexts();
  }

  /** Fires what a change caused: data changed for each control whose text changed, deleted for each gone. */
  endChange(before: Map<number, string>, source: EventSource, typed = false): void {
    const after = this.controlTexts();
    for (const [id, text] of before) {
      if (!after.has(id)) this.fire('ContentControlDeleted', id, source);
      else if (after.get(id) !== text) {
        // A person typing on desktop: reported only when the caret leaves the control.
        if (typed && source === 'Local' && this.timing === 'desktop') this.typedSinceEnter.add(id);
        else this.fire('ContentControlDataChanged', id, source);
      }
    }
    if (this.selection?.paragraph && !this.tree.isAttached(this.selection.paragraph)) this.selection = null;
  }

  fire(kind: EventKind, controlId: number, source: EventSource): void {
    this.events.fire(kind, controlId, source);
  }

  /** Undo: the document goes back one step; Word fires no event for it. */
  undo(): boolean {
    const last = this.undoStack.pop();
    if (!last) return false;
    this.tree.body = last.body;
    this.tree.reindex();
    const paragraph = last.selection ? (paragraphsIn(this.tree.body).find((p) => p.uid === last.selection?.uid) ?? null) : null;
    this.selection = paragraph ? { control: this.tree.enclosingControls(paragraph)[0] ?? null, paragraph, offset: last.selection?.offset ?? 0 } : null;
    return true;
  }

  /** Moves the caret; on desktop, leaving a control typed in reports its change now. */
  moveSelection(control: Control | null, offset: number | 'end', source: EventSource): void {
    if (source === 'Remote') return;
    const before = this.selection?.control ? this.tree.enclosingControls(this.selection.control) : [];
    const after = control ? this.tree.enclosingControls(control) : [];
    for (const left of before) {
      if (after.includes(left) || !this.typedSinceEnter.has(left.id)) continue;
      this.typedSinceEnter.delete(left.id);
      this.fire('ContentControlDataChanged', left.id, 'Local');
    }
    if (!control) {
      this.selection = null;
      return;
    }
    const paragraph = control.level === 'block' ? (paragraphsIn(control)[0] ?? null) : this.paragraphAround(control);
    const length = paragraph ? textOf(paragraph).length : 0;
    this.selection = { control, paragraph, offset: offset === 'end' ? length : Math.min(offset, length) };
    if (before[0] !== control) this.fire('ContentControlSelectionChanged', control.id, 'Local');
  }

  private paragraphAround(node: Control): Paragraph | null {
    for (let at = this.tree.parent(node); at; at = this.tree.parent(at)) if (at.kind === 'paragraph') return at;
    return null;
  }

  private controlTexts(): Map<number, string> {
    const out = new Map<number, string>();
    for (const control of controlsIn(this.tree.body)) out.set(control.id, textOf(control));
    return out;
  }

  // ---- inspection for tests ----------------------------------------------------------------------------------

  /** Controls with this tag, in document order. */
  controls(tag: string): Control[] {
    return controlsIn(this.tree.body).filter((c) => c.tag === tag);
  }

  control(tag: string): Control {
    const found = this.controls(tag);
    if (found.length !== 1) throw new Error(`expected one control tagged ${tag}, found ${found.length}`);
    return found[0] as Control;
  }

  tags(): string[] {
    return controlsIn(this.tree.body).map((c) => c.tag);
  }

  /** The whole document's text, as `body.text` gives it. */
  bodyText(): string {
    return textOf(this.tree.body);
  }

  /** The document's paragraphs as `style: text` lines, to eyeball a rendering. */
  outline(): string[] {
    const out: string[] = [];
    for (const node of walk(this.tree.body)) {
      if (node.kind === 'paragraph') out.push(`${node.style}${node.listItem ? ' •' : ''}: ${textOf(node)}`);
      if (node.kind === 'table') out.push(`[table ${node.values.length}×${node.values[0]?.length ?? 0}]`);
    }
    return out;
  }

  /** Delivers pending events and waits for their handlers. */
  flushEvents(): Promise<void> {
    return this.events.flush();
  }

  lastEvents(kind?: EventKind): EventArgs[] {
    return this.events.log.filter((e) => !kind || e.eventType === kind);
  }
}
