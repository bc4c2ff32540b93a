// The binding between the live model and one document host. State-based and idempotent: it writes the model's
// current value into a host field (never replays operations), and turns what a person typed into the smallest
// model change by a three-way diff against the last value both sides agreed on. Applying the same change twice,
// or two add-ins on one document, never duplicates text.
import { type ChangeBatch, ConventionDoc, observeChanges, readSnapshot } from '../../shared/index.ts';
import type { EditHint, HostPort, LockQuery } from '../host/port.ts';
import { parseFieldText, readFieldText, renderedTexts, writeField } from './field-codec.ts';
import { type EntityRef, type FieldRef, type FieldValue, fieldTag, parseFieldTag } from '../../shared/field-ref.ts';
import { mergeText } from './three-way.ts';

export interface BindingProblem {
  ref: FieldRef;
  /** `invalid`: a value the model cannot take (kept in the host, marked); `locked`: typing in a locked field, put back. */
  cause: 'invalid' | 'locked';
  /** What is wrong and what to do, in French and English. */
  fr: string;
  en: string;
}

export interface BindingOptions {
  /** Re-read every field this often (ms) as a safety net for missed host events; 0 disables. */
  pollMs?: number;
  /** Read fields about to be overwritten, so typing the host has not reported yet is merged, not lost. */
  readBeforeWrite?: boolean;
  /** Comment and view access: the host follows the model, and what is typed in it is put back to the model's value. */
  readOnly?: boolean;
  /**
   * Per field, read-only for now (a part every signatory validated, a signed convention): what is typed in a locked
   * field is put back to the model's value and never written to the model. Asked at each reconcile, so it may change.
   */
  isLocked?: LockQuery;
  /**
   * Called when a typed value cannot be taken (not a date, unknown code…; the host keeps it, marked; null once it is
   * fixed), and when what was typed in a locked field is put back (the lock's reason; once per attempt).
   */
  onProblem?: (problem: BindingProblem | null, ref: FieldRef) => void;
  /**
   * Called when the host fails during a round (Office busy, document closed…). Nothing is lost: the next edit or
   * poll re-reads every field and re-renders the structure.
   */
  onError?: (error: unknown) => void;
}

const AGREED_SAVE_MS = 2000;

export class HostBinding {
  /** Per field tag, the last text the host and the model agreed on: the base of the three-way merge. */
  private readonly base = new Map<string, string>();
  private readonly invalid = new Set<string>();
  /** Locked fields typed in whose lock was reported, until the host shows the model's value again. */
  private readonly putBack = new Set<string>();
  private dirty: Set<string> | 'all' = new Set();
  private changed = new Set<string>();
  private structural = false;
  /** Entities added or restored since the last render: their fields get a base as the render shows them. */
  private appeared: EntityRef[] = [];
  private running: Promise<void> | null = null;
  private rerun = false;
  private readonly cleanups: Array<() => void> = [];
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  /** The model as this binding writes it: its transactions carry the binding as origin, to skip their echo. */
  private readonly model: ConventionDoc;

  constructor(
    model: ConventionDoc,
    readonly host: HostPort,
    private readonly options: BindingOptions = {},
  ) {
    this.model = new ConventionDoc(model.ydoc, this);
  }

  /**
   * Renders the convention in the host and starts following both sides. A document reopened after edits made
   * without the add-in is merged with the model (against the texts last agreed on, kept in the document); otherwise
   * the host is brought up to the model.
   */
  async start(): Promise<void> {
    await this.host.render(readSnapshot(this.model.ydoc));
    const agreed = (await this.host.agreed?.load()) ?? new Map<string, string>();
    const shown = await this.host.read();
    const fromModel: FieldValue[] = [];
    const toMerge = new Set<string>();
    for (const { ref, value } of shown) {
      const modelText = readFieldText(this.model, ref);
      if (modelText === undefined) continue;
      const tag = fieldTag(ref);
      const base = agreed.get(tag);
      if (base !== undefined && value !== base) {
        this.base.set(tag, base);
        toMerge.add(tag);
      } else {
        this.base.set(tag, modelText);
        if (value !== modelText) fromModel.push({ ref, value: modelText });
      }
    }
    if (fromModel.length > 0) await this.host.write(fromModel);
    this.cleanups.push(observeChanges(this.model.ydoc, (batch) => this.onModelChange(batch)));
    this.cleanups.push(this.host.onEdit((hint) => this.onHostEdit(hint)));
    if (toMerge.size > 0) {
      for (const tag of toMerge) if (this.dirty !== 'all') this.dirty.add(tag);
      this.schedule();
      await this.settled();
    }
    const pollMs = this.options.pollMs ?? (this.host.capabilities.editEvents ? 5000 : 1000);
    if (pollMs > 0) {
      const timer = setInterval(() => this.onHostEdit({ scope: 'all' }), pollMs);
      this.cleanups.push(() => clearInterval(timer));
    }
    this.saveAgreed();
  }

  /** Resolves when every pending change has been carried to the other side. */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  dispose(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
      void this.host.agreed?.save(new Map(this.base)).catch((error: unknown) => this.options.onError?.(error));
    }
  }

  /** Keeps the agreed texts in the document (coalesced: at most one save every two seconds). */
  private saveAgreed(): void {
    const store = this.host.agreed;
    if (!store || this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      store.save(new Map(this.base)).catch((error: unknown) => this.options.onError?.(error));
    }, AGREED_SAVE_MS);
  }

  private onHostEdit(hint: EditHint): void {
    if (hint.scope === 'all') this.dirty = 'all';
    else if (this.dirty !== 'all') for (const ref of hint.refs) this.dirty.add(fieldTag(ref));
    this.schedule();
  }

  private onModelChange(batch: ChangeBatch): void {
    if (batch.origin === this) return;
    if (batch.structural) this.structural = true;
    for (const change of batch.changes) {
      if (change.type === 'added' || change.type === 'restored') this.appeared.push({ kind: change.kind, id: change.id });
      if (change.type !== 'updated') continue;
      for (const field of change.fields) {
        this.changed.add(fieldTag({ kind: change.kind, id: change.id, field }));
        // A record field (an indicator's yearly values) is shown key by key.
        const prefix = fieldTag({ kind: change.kind, id: change.id, field: `${field}.` });
        for (const tag of this.base.keys()) if (tag.startsWith(prefix)) this.changed.add(tag);
      }
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.running) {
      this.rerun = true;
      return;
    }
    this.running = (async () => {
      try {
        do {
          this.rerun = false;
          try {
            await this.flush();
            this.saveAgreed();
          } catch (error) {
            this.dirty = 'all';
            this.structural = true;
            for (const tag of this.base.keys()) this.changed.add(tag);
            this.options.onError?.(error);
            return;
          }
        } while (this.rerun);
      } finally {
        this.running = null;
      }
    })();
  }

  /** One round: take the host's edits into the model, then bring the host up to the model. */
  private async flush(): Promise<void> {
    const dirty = this.dirty;
    const changed = this.changed;
    const structural = this.structural;
    this.dirty = new Set();
    this.changed = new Set();
    this.structural = false;

    const toRead =
      dirty === 'all' ? undefined : [...new Set([...dirty, ...(this.options.readBeforeWrite === false ? [] : changed)])];
    if (toRead === undefined || toRead.length > 0) {
      const refs = toRead?.map(parseFieldTag).filter((r): r is FieldRef => r !== null);
      const values = await this.host.read(refs);
      this.model.transact(() => {
        for (const { ref, value } of values) this.reconcile(ref, value, changed);
      });
    }
    if (structural) {
      // What the render shows new entities with is what host and model agree on, until someone types.
      const shown = renderedTexts(this.model, this.appeared.splice(0));
      await this.host.render(readSnapshot(this.model.ydoc));
      for (const [tag, text] of shown) if (!this.base.has(tag)) this.base.set(tag, text);
    }
    const writes: FieldValue[] = [];
    for (const tag of changed) {
      const ref = parseFieldTag(tag);
      if (!ref || this.invalid.has(tag)) continue;
      // Typed into since we read it: writing now would overwrite that typing. The next round merges it first.
      if (this.typedSinceRead(tag)) {
        this.changed.add(tag);
        continue;
      }
      const value = readFieldText(this.model, ref);
      if (value === undefined) continue;
      writes.push({ ref, value });
    }
    if (writes.length === 0) return;
    await this.host.write(writes);
    // Only what the host really shows now is agreed on (a failed write leaves the old base).
    for (const { ref, value } of writes) {
      this.base.set(fieldTag(ref), value);
      this.putBack.delete(fieldTag(ref));
    }
  }

  private typedSinceRead(tag: string): boolean {
    return this.dirty === 'all' || this.dirty.has(tag);
  }

  /** Takes one field as the host shows it into the model, merging with what changed in the model meanwhile. */
  private reconcile(ref: FieldRef, hostText: string, changed: Set<string>): void {
    const tag = fieldTag(ref);
    const modelText = readFieldText(this.model, ref);
    if (modelText === undefined) return;
    const base = this.base.get(tag) ?? modelText;
    const typed = hostText !== modelText && hostText !== base;
    const lock = typed && !this.options.readOnly ? (this.options.isLocked?.(ref) ?? null) : null;
    if (!typed || this.options.readOnly || lock) {
      // Nothing typed here (or nothing may be, locked): in step already, or the host is brought up to the model.
      if (hostText === modelText) this.base.set(tag, modelText);
      else changed.add(tag);
      if (this.invalid.delete(tag)) this.options.onProblem?.(null, ref);
      if (lock && !this.putBack.has(tag)) {
        // Typed in a locked field: put back, and the person is told why (once per attempt).
        this.putBack.add(tag);
        this.options.onProblem?.({ ref, cause: 'locked', fr: `${lock.fr} Ce qui a été tapé a été retiré.`, en: `${lock.en} What was typed was taken out.` }, ref);
      }
      return;
    }
    const parsed = parseFieldText(ref, mergeText(base, hostText, modelText));
    if (!parsed.ok) {
      if (!this.invalid.has(tag)) this.options.onProblem?.({ ref, cause: 'invalid', fr: parsed.fr, en: parsed.en }, ref);
      this.invalid.add(tag);
      return;
    }
    if (this.invalid.delete(tag)) this.options.onProblem?.(null, ref);
    writeField(this.model, ref, parsed.value);
    // The host's text is now the common ancestor of both sides, until the write below brings the host up to the
    // model (a merge with remote edits, a normalised date); that write is deferred if the person types on.
    this.base.set(tag, hostText);
    if (readFieldText(this.model, ref) !== hostText) changed.add(tag);
  }
}
