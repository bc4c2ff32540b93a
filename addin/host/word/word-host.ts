// The Word host adapter: the convention as content controls in the open document, behind the host port. One
// Word.run per operation, serialized; a burst of writes shares one run and one sync; what Word shows is cached
// (FieldState) from every load, so writes touch only changed paragraphs without reading first, and reads of fields
// no event and no caret points at cost no round trip. Locked fields are read-only content controls.
import type { ConventionSnapshot } from '../../../shared/index.ts';
import { type EntityRef, type FieldRef, type FieldValue, fieldTag } from '../../../shared/field-ref.ts';
import type { AgreedStore, EditHint, HostCapabilities, HostPort, LockQuery, Mark } from '../port.ts';
import { FieldDisplay } from './display.ts';
import { EditEvents } from './edit-events.ts';
import { allParts, type FieldPart, layoutConvention, type Part } from './layout.ts';
import { type WordProblem, problems } from './problems.ts';
import { containerLook, fieldDress } from './create.ts';
import { renderLayout } from './render.ts';
import { checkStructure } from './structure.ts';
import { entityTag } from './tags.ts';
import { FieldState } from './field-state.ts';
import { readDocument, readTags } from './word-reads.ts';
import type { WordApi, WordContentControl, WordHandlerResult } from './word-api.ts';
import { type FieldWrite, queueWrites, settleWrites } from './write.ts';

export interface WordHostOptions {
  word: WordApi;
  /** `Office.context.requirements.isSetSupported`: events need WordApi 1.5, document settings 1.4. */
  supports(set: string, version: string): boolean;
  /** The year whose action statuses the plan table shows (default: this year). */
  year?: number;
  /** Restored parts, text outside the fields, background failures: to show in the pane. */
  onProblem?: (problem: WordProblem) => void;
  /** How long a field a co-author edited is left to their add-in before this one reads it (ms, default 10 s). */
  remoteQuietMs?: number;
  now?: () => number;
}

const SETTING = 'ctg.convention';
const AGREED_SETTING = 'ctg.agreed';

export class WordHost implements HostPort {
  readonly name = 'word';
  readonly capabilities: HostCapabilities;
  private layout: Part[] = [];
  private readonly fields = new Map<string, FieldPart>();
  /** Every tag of the layout: a deleted control with one of them must be put back. */
  private readonly parts = new Set<string>();
  private readonly containers = new Map<string, Extract<Part, { type: 'container' }>>();
  private snapshot: ConventionSnapshot | null = null;
  private readonly display = new FieldDisplay();
  private readonly state = new FieldState(this.display);
  private readonly listened = new Set<number>();
  private readonly handlers: WordHandlerResult[] = [];
  private readonly marks = new Map<string, Mark>();
  private locks: LockQuery | null = null;
  /** Per field tag, whether Word shows the field locked (cannotEdit), as last rendered or set. */
  private readonly lockShown = new Map<string, boolean>();
  private readonly listeners = new Set<(hint: EditHint) => void>();
  private readonly events: EditEvents;
  private chain: Promise<unknown> = Promise.resolve();
  private pending = new Map<string, string>();
  private writing: Promise<void> | null = null;
  private restoring = false;
  private disposed = false;
  private lastStray = '';
  private readonly word: WordApi;
  private readonly now: () => number;

  constructor(private readonly options: WordHostOptions) {
    this.word = options.word;
    this.now = options.now ?? Date.now;
    this.capabilities = { editEvents: options.supports('WordApi', '1.5'), selection: true };
    this.events = new EditEvents(
      {
        tagOf: (id) => this.state.tagOf(id),
        emit: (hint) => this.emit(hint),
        deleted: (tags) => {
          if (tags.some((tag) => this.parts.has(tag))) this.scheduleRestore();
        },
        now: this.now,
      },
      { echoMs: 2000, remoteQuietMs: options.remoteQuietMs ?? 10_000 },
    );
    if (options.supports('WordApi', '1.4')) this.agreed = this.agreedInSettings();
  }

  readonly agreed?: AgreedStore;
  /** The agreed texts as last read from (or written to) the document. */
  private agreedLoaded: Map<string, string> | null = null;

  /** The texts last agreed on, in the document's settings: the base for merging edits made without the add-in. */
  private agreedInSettings(): AgreedStore {
    return {
      load: () =>
        this.serial(async () => {
          if (this.agreedLoaded) return this.agreedLoaded;
          return this.word.run(async (context) => {
            const setting = context.document.settings.getItemOrNullObject(AGREED_SETTING);
            setting.load('value');
            await context.sync();
            this.agreedLoaded = agreedEntries(setting.isNullObject ? null : setting.value);
            return this.agreedLoaded;
          });
        }),
      save: (entries) =>
        this.serial(() =>
          this.word.run(async (context) => {
            context.document.settings.add(AGREED_SETTING, Object.fromEntries(entries));
            await context.sync();
            this.agreedLoaded = new Map(entries);
          }),
        ),
    };
  }

  async render(snapshot: ConventionSnapshot): Promise<void> {
    await this.serial(() => this.renderNow(snapshot));
  }

  /** Queues the values; a burst of calls made while Word is busy goes out in one run. */
  write(values: readonly FieldValue[]): Promise<void> {
    for (const { ref, value } of values) this.pending.set(fieldTag(ref), value);
    if (!this.writing) {
      this.writing = this.serial(async () => {
        const batch = this.pending;
        this.pending = new Map();
        this.writing = null;
        await this.writeNow(batch, true);
      });
    }
    return this.writing;
  }

  read(refs?: readonly FieldRef[]): Promise<FieldValue[]> {
    return this.serial(() => (refs ? this.readSome(refs) : this.readAll()));
  }

  onEdit(listener: (hint: EditHint) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  select(target: EntityRef): Promise<void> {
    const container = this.containers.get(entityTag(target));
    if (!container) return Promise.resolve();
    const first = [...allParts(container.children)].find((p) => p.type === 'field');
    const tag = first?.tag ?? container.tag;
    return this.serial(() =>
      this.word.run(async (context) => {
        context.document.contentControls.getByTag(tag).getFirst().select('Start');
      }),
    );
  }

  mark(target: EntityRef, mark: Mark | null): Promise<void> {
    const tag = entityTag(target);
    if (mark) this.marks.set(tag, mark);
    else this.marks.delete(tag);
    const container = this.containers.get(tag);
    if (!container) return Promise.resolve();
    return this.serial(() =>
      this.word.run(async (context) => {
        this.decorate(container, context.document.contentControls.getByTag(tag).getFirst(), null);
      }),
    );
  }

  /** Locks and unlocks fields as `isLocked` says, in one run and one sync; later renders apply it too. */
  setLocks(isLocked: LockQuery): Promise<void> {
    return this.serial(async () => {
      this.locks = isLocked;
      await this.lockNow();
    });
  }

  /**
   * Asks the binding to re-read every field now: Word fires no event on undo/redo, so the pane calls this when
   * the document may have changed unseen (the window regains focus, after a paste), besides the periodic poll.
   */
  requestFullRead(): void {
    this.emit({ scope: 'all' });
  }

  /** The convention this document holds (document settings), or null: to re-attach when it is reopened. */
  attachedConvention(): Promise<string | null> {
    if (!this.options.supports('WordApi', '1.4')) return Promise.resolve(null);
    return this.serial(() =>
      this.word.run(async (context) => {
        const setting = context.document.settings.getItemOrNullObject(SETTING);
        setting.load('value');
        await context.sync();
        const value = setting.isNullObject ? null : setting.value;
        return value && typeof value === 'object' && 'id' in value && typeof value.id === 'string' ? value.id : null;
      }),
    );
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
    const handlers = this.handlers.splice(0);
    if (handlers.length === 0) return;
    for (const handler of handlers) handler.remove();
    const contexts = new Set(handlers.map((h) => h.context));
    void Promise.all([...contexts].map((c) => c.sync())).catch((error: unknown) => this.fail(error));
  }

  // ---- operations (each inside `serial`) ---------------------------------------------------------------------

  private async renderNow(snapshot: ConventionSnapshot): Promise<string[]> {
    this.snapshot = snapshot;
    this.display.update(snapshot);
    this.layout = layoutConvention(snapshot, { year: this.options.year ?? new Date().getFullYear() });
    this.fields.clear();
    this.containers.clear();
    this.parts.clear();
    for (const part of allParts(this.layout)) {
      this.parts.add(part.tag);
      if (part.type === 'field') this.fields.set(part.tag, part);
      if (part.type === 'container' && part.entity) this.containers.set(part.tag, part);
    }
    const listen = this.capabilities.editEvents;
    const since = this.state.mark();
    const locked = new Map<string, boolean>();
    const result = await this.word.run(async (context) => {
      const settings = this.options.supports('WordApi', '1.4') ? context.document.settings : null;
      settings?.add(SETTING, { id: snapshot.convention.id });
      // The agreed texts ride along with the render's sync, so binding a document costs no extra round trip.
      const agreed = settings && !this.agreedLoaded ? settings.getItemOrNullObject(AGREED_SETTING) : null;
      agreed?.load('value');
      const placed = await renderLayout(context, this.layout, {
        fieldText: (part) => this.state.text(part.tag) ?? this.display.show(part.ref, part.value, part.multiline),
        locked: (part) => {
          const lock = this.isLocked(part);
          locked.set(part.tag, lock);
          return lock;
        },
        visit: (part, control, loaded) => {
          if (listen && !(loaded && this.listened.has(control.id))) this.listen(part.type === 'field', control);
        },
        decorate: (part, control, loaded) => this.decorate(part, control, loaded),
        deleting: (id) => this.events.expectDeletion(id),
      });
      if (agreed) this.agreedLoaded = agreedEntries(agreed.isNullObject ? null : agreed.value);
      return placed;
    });
    this.lockShown.clear();
    for (const [tag, lock] of locked) this.lockShown.set(tag, lock);
    const stale: FieldValue[] = [];
    const unseen: FieldRef[] = [];
    for (const { part, control } of result.placed) {
      this.state.noteId(control.id, part.tag);
      if (listen) this.listened.add(control.id);
      if (part.type !== 'field') continue;
      const before = this.state.text(part.tag);
      const value = this.state.remember(part, control.text, since);
      // Typed in with no event yet: the binding may have read the field from what the adapter knew before this
      // render, so it is told now (it then holds back its write to the field and reads it again first).
      if (before !== undefined && this.state.text(part.tag) !== before) unseen.push(part.ref);
      // Same value, but shown under an old name (a renamed pilot): show it as it now reads.
      else if (value === part.value && this.state.text(part.tag) !== this.display.show(part.ref, part.value, part.multiline)) stale.push({ ref: part.ref, value });
    }
    if (unseen.length > 0) this.emit({ scope: 'fields', refs: unseen });
    if (stale.length > 0) await this.writeNow(new Map(stale.map((v) => [fieldTag(v.ref), v.value])), false);
    return result.placed.filter((p) => p.created).map((p) => p.part.tag);
  }

  private async writeNow(values: ReadonlyMap<string, string>, retry: boolean): Promise<void> {
    const writes: FieldWrite[] = [];
    for (const [tag, value] of values) {
      const part = this.fields.get(tag);
      if (!part) continue;
      const text = this.display.show(part.ref, value, part.multiline);
      if (this.state.text(tag) === text) continue;
      writes.push({ part, text, known: this.events.isQuiet(tag) ? null : this.state.lines(tag), locked: this.lockShown.get(tag) === true });
    }
    if (writes.length === 0) return;
    const since = this.state.mark();
    try {
      const written = await this.word.run(async (context) => {
        const queued = queueWrites(context, writes);
        await context.sync();
        return queued;
      });
      const { echoes, changed, retyped } = settleWrites(written, this.state, since);
      for (const id of echoes) this.events.expectEcho(id);
      if (retyped.size > 0) await this.writeNow(retyped, retry);
      if (changed.length > 0) this.emit({ scope: 'fields', refs: changed });
    } catch (error) {
      if (!retry || !isMissing(error) || !this.snapshot) throw error;
      // A field was deleted under us (undo, a co-author): put the structure back, then write again.
      const restored = await this.renderNow(this.snapshot);
      this.report(problems.restored(restored));
      await this.writeNow(values, false);
    }
  }

  /** Brings each shown field's protection and look to the lock query: only those that differ, one sync. */
  private async lockNow(): Promise<void> {
    const changes: Array<{ part: FieldPart; locked: boolean }> = [];
    for (const part of this.fields.values()) {
      const shown = this.lockShown.get(part.tag);
      const locked = this.isLocked(part);
      if (shown !== undefined && shown !== locked) changes.push({ part, locked });
    }
    if (changes.length === 0) return;
    try {
      await this.word.run(async (context) => {
        for (const { part, locked } of changes) {
          const control = context.document.contentControls.getByTag(part.tag).getFirst();
          const dressed = fieldDress(part, locked);
          control.cannotEdit = locked;
          control.title = dressed.title;
          control.color = dressed.color;
        }
        await context.sync();
      });
    } catch (error) {
      if (!isMissing(error) || !this.snapshot) throw error;
      // A field was deleted under us: the render puts the structure back, every lock included.
      this.report(problems.restored(await this.renderNow(this.snapshot)));
      return;
    }
    for (const { part, locked } of changes) this.lockShown.set(part.tag, locked);
  }

  private isLocked(part: FieldPart): boolean {
    return (this.locks?.(part.ref) ?? null) !== null;
  }

  /**
   * Reads fields. Only Word knows a field a person may have typed in without the adapter having loaded it since: one
   * an event marked dirty, or the one holding the caret (desktop reports typing only when the caret leaves, the
   * web's events come later than the keystrokes). Those are loaded, in one sync; every other field is answered from
   * what the adapter last loaded or wrote, so a burst of remote changes costs one round trip (the write), not two.
   * Without edit events nothing is known to be untouched: everything is loaded. A field typed in unseen all the
   * same (an event lost or late) is still safe: the write loads each field in its own sync and merges back typing
   * it went over (see write.ts).
   */
  private async readSome(refs: readonly FieldRef[]): Promise<FieldValue[]> {
    const parts = [...new Set(refs.map(fieldTag))]
      .map((tag) => this.fields.get(tag))
      .filter((part): part is FieldPart => part !== undefined && !this.events.isQuiet(part.tag));
    const values: FieldValue[] = [];
    const fromWord: FieldPart[] = [];
    for (const part of parts) {
      const known = this.state.text(part.tag);
      if (known === undefined || !this.capabilities.editEvents || this.state.isDirty(part.tag) || this.events.caret === part.tag) fromWord.push(part);
      else values.push({ ref: part.ref, value: this.state.value(part, known) });
    }
    if (fromWord.length === 0) return values;
    const since = this.state.mark();
    const loaded = await readTags(
      this.word,
      fromWord.map((p) => p.tag),
    );
    loaded.forEach(({ text }, i) => {
      const part = fromWord[i] as FieldPart;
      if (text === null) this.scheduleRestore();
      else values.push({ ref: part.ref, value: this.state.remember(part, text, since) });
    });
    return values;
  }

  private async readAll(): Promise<FieldValue[]> {
    const since = this.state.mark();
    const { controls, body } = await readDocument(this.word);
    const report = checkStructure(this.layout, controls, body);
    if (report.missing.length > 0 || report.duplicated.length > 0) this.scheduleRestore();
    const stray = JSON.stringify(report.stray);
    if (stray !== this.lastStray) {
      const before = this.lastStray;
      this.lastStray = stray;
      for (const s of report.stray) this.report(problems.stray(s));
      if (report.stray.length === 0 && before !== '' && before !== '[]') this.report(problems.strayGone());
    }
    const byTag = new Map<string, string>();
    for (const { id, tag, text } of controls) {
      if (byTag.has(tag)) continue;
      byTag.set(tag, text);
      this.state.noteId(id, tag);
    }
    const values: FieldValue[] = [];
    for (const part of this.fields.values()) {
      const raw = byTag.get(part.tag);
      if (raw !== undefined && !this.events.isQuiet(part.tag)) values.push({ ref: part.ref, value: this.state.remember(part, raw, since) });
    }
    return values;
  }

  // ---- helpers -----------------------------------------------------------------------------------------------

  private listen(isField: boolean, control: WordContentControl): void {
    if (isField) {
      this.handlers.push(control.onDataChanged.add(this.events.onDataChanged));
      this.handlers.push(control.onSelectionChanged.add(this.events.onSelectionChanged));
    }
    this.handlers.push(control.onDeleted.add(this.events.onDeleted));
  }

  private decorate(part: Part, control: WordContentControl, loaded: { appearance?: string } | null): void {
    if (part.type !== 'container') return;
    const look = containerLook(part, part.entity ? this.marks.get(part.tag) : undefined);
    if (loaded && loaded.appearance === look.appearance && look.appearance === 'Hidden') return;
    control.appearance = look.appearance;
    control.color = look.color;
    control.title = look.title;
  }

  private scheduleRestore(): void {
    if (this.restoring || this.disposed || !this.snapshot) return;
    this.restoring = true;
    setTimeout(() => {
      this.restoring = false;
      const snapshot = this.snapshot;
      if (!snapshot || this.disposed) return;
      this.serial(() => this.renderNow(snapshot)).then(
        (restored) => {
          if (restored.length > 0) this.report(problems.restored(restored));
        },
        (error: unknown) => this.fail(error),
      );
    }, 0);
  }

  private emit(hint: EditHint): void {
    if (hint.scope === 'fields') this.state.touched(hint.refs);
    for (const listener of this.listeners) listener(hint);
  }

  private report(problem: WordProblem): void {
    this.options.onProblem?.(problem);
  }

  private fail(error: unknown): void {
    if (!this.options.onProblem) throw error;
    this.report(problems.failed(error));
  }

  private serial<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.chain.then(operation, operation);
    this.chain = run.catch(() => undefined);
    return run;
  }
}

function isMissing(error: unknown): boolean {
  const code = error && typeof error === 'object' && 'code' in error ? error.code : null;
  return code === 'ItemNotFound' || code === 'InvalidObjectPath';
}

function agreedEntries(value: unknown): Map<string, string> {
  const entries = value && typeof value === 'object' ? Object.entries(value as Record<string, unknown>) : [];
  return new Map(entries.filter((e): e is [string, string] => typeof e[1] === 'string'));
}
