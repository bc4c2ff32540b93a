// The in-browser host: the convention rendered as a live page (view-render.ts) inside a container element.
// Fields are `contenteditable` elements or selects tagged like Word's content controls; edits are reported as
// hints from `input`/`change` events; marks are classes and titles on the entity's element; a locked field is not
// editable and reads « Verrouillé ».
import type { ConventionSnapshot } from '../../../shared/index.ts';
import { type EntityRef, type FieldRef, type FieldValue, fieldTag, parseFieldTag } from '../../../shared/field-ref.ts';
import type { EditHint, HostCapabilities, HostPort, LockQuery, Mark } from '../port.ts';
import { fieldText, lockField, morph, setFieldText } from './dom.ts';
import { renderConvention } from './view-render.ts';

export interface BrowserHostOptions {
  editable: boolean;
  /** The year whose action statuses the plan table shows (default: the current year). */
  year?: number;
}

export class BrowserHost implements HostPort {
  readonly name = 'browser';
  readonly capabilities: HostCapabilities = { editEvents: true, selection: true };
  private readonly listeners = new Set<(hint: EditHint) => void>();
  private readonly marks = new Map<string, Mark>();
  private locks: LockQuery | null = null;

  constructor(
    readonly container: HTMLElement,
    private readonly options: BrowserHostOptions,
  ) {
    container.addEventListener('input', this.onInput);
    container.addEventListener('change', this.onInput);
  }

  async render(snapshot: ConventionSnapshot): Promise<void> {
    const next = renderConvention(snapshot, { editable: this.options.editable, year: this.options.year ?? new Date().getFullYear() });
    const live = this.container.firstElementChild;
    if (live && live.getAttribute('data-key') === next.getAttribute('data-key')) morph(live, next);
    else this.container.replaceChildren(next);
    for (const [key, mark] of this.marks) this.applyMark(key, mark);
    this.applyLocks();
  }

  async write(values: readonly FieldValue[]): Promise<void> {
    for (const { ref, value } of values) {
      const el = this.field(ref);
      if (el) setFieldText(el, value);
    }
  }

  async read(refs?: readonly FieldRef[]): Promise<FieldValue[]> {
    const elements = refs
      ? refs.map((ref) => this.field(ref)).filter((el): el is Element => el !== null)
      : Array.from(this.container.querySelectorAll('[data-tag]'));
    const values: FieldValue[] = [];
    for (const el of elements) {
      const ref = parseFieldTag(el.getAttribute('data-tag') ?? '');
      if (ref) values.push({ ref, value: fieldText(el) });
    }
    return values;
  }

  onEdit(listener: (hint: EditHint) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async select(target: EntityRef): Promise<void> {
    const el = this.entityElement(target);
    if (!el) return;
    el.scrollIntoView({ behavior: 'smooth', block: 'center' });
    el.classList.add('ctg-flash');
    setTimeout(() => el.classList.remove('ctg-flash'), 1200);
    const field = el.querySelector<HTMLElement>('[data-tag][contenteditable], select[data-tag]');
    field?.focus({ preventScroll: true });
  }

  async mark(target: EntityRef, mark: Mark | null): Promise<void> {
    const key = `${target.kind}:${target.id}`;
    if (mark) this.marks.set(key, mark);
    else this.marks.delete(key);
    this.applyMark(key, mark);
  }

  async setLocks(isLocked: LockQuery): Promise<void> {
    this.locks = isLocked;
    this.applyLocks();
  }

  dispose(): void {
    this.container.removeEventListener('input', this.onInput);
    this.container.removeEventListener('change', this.onInput);
    this.listeners.clear();
  }

  private readonly onInput = (event: Event): void => {
    const el = (event.target as Element | null)?.closest?.('[data-tag]');
    const ref = el ? parseFieldTag(el.getAttribute('data-tag') ?? '') : null;
    if (!ref) return;
    for (const listener of this.listeners) listener({ scope: 'fields', refs: [ref] });
  };

  private field(ref: FieldRef): Element | null {
    return this.container.querySelector(`[data-tag="${cssEscape(fieldTag(ref))}"]`);
  }

  private entityElement(target: EntityRef): HTMLElement | null {
    return this.container.querySelector<HTMLElement>(`[data-entity="${cssEscape(`${target.kind}:${target.id}`)}"]`);
  }

  private applyMark(key: string, mark: Mark | null): void {
    for (const el of this.container.querySelectorAll<HTMLElement>(`[data-entity="${cssEscape(key)}"]`)) {
      for (const type of ['error', 'warning', 'presence', 'locked', 'comment']) el.classList.toggle(`ctg-mark-${type}`, mark?.type === type);
      if (mark) el.setAttribute('data-mark', mark.label);
      else el.removeAttribute('data-mark');
    }
  }

  private applyLocks(): void {
    const query = this.locks;
    if (!query) return;
    for (const el of this.container.querySelectorAll<HTMLElement>('[data-tag]')) {
      const ref = parseFieldTag(el.getAttribute('data-tag') ?? '');
      if (ref) lockField(el, query(ref), this.options.editable);
    }
  }
}

/** Escapes a value for use inside a double-quoted CSS attribute selector. */
function cssEscape(value: string): string {
  return value.replace(/["\\]/g, '\\$&');
}
