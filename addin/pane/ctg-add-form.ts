// <ctg-add-form>: add an axis, objective, action or indicator; proposes numbers, explains refusals, loses nothing.
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { type ConventionDoc, type ConventionSnapshot, INDICATOR_KINDS, type Lock, readReviewLog, readSnapshot, reviewOf } from '../../shared/index.ts';
import { type Lang, type MessageKey, pick, t } from '../i18n.ts';
import {
  ADD_KINDS,
  type AddKind,
  type AddLocks,
  type AddValues,
  addEntry,
  addLockOf,
  clearedValues,
  emptyValues,
  PARENT_FIELD,
  type Problem,
  proposal,
} from './add-entry.ts';
import { inward, type SelectDetail } from './events.ts';
import { signatoryOrganisations } from './plan-numbers.ts';
import { theme } from './theme.ts';

type Option = { value: string; label: string; group?: string; lock?: Lock | null };
type Outcome = { done: Problem; ref: SelectDetail } | { error: Problem | { fr: string; en: string } } | null;

export class CtgAddForm extends LitElement {
  static override properties = {
    snapshot: { attribute: false },
    model: { attribute: false },
    locks: { attribute: false },
    lang: {},
    kind: { state: true },
    values: { state: true },
    problems: { state: true },
    outcome: { state: true },
  };

  declare snapshot: ConventionSnapshot | null;
  /** Where to add; with its `ydoc`, the locks are read again from it right before adding. */
  declare model: (Pick<ConventionDoc, 'add'> & Partial<Pick<ConventionDoc, 'ydoc'>>) | null;
  /** The review's lock policy as the pane last computed it: locked targets are shown disabled, with why. */
  declare locks: AddLocks | null;
  declare lang: Lang;
  declare kind: AddKind;
  declare values: AddValues;
  declare problems: Record<string, Problem>;
  declare outcome: Outcome;

  constructor() {
    super();
    this.snapshot = null;
    this.model = null;
    this.locks = null;
    this.lang = 'fr';
    this.kind = 'action';
    this.values = emptyValues();
    this.problems = {};
    this.outcome = null;
  }

  override render() {
    const lang = this.lang;
    const lock = this.targetLock();
    return html`
      <section aria-labelledby="add-title">
        <h2 id="add-title">${t(lang, 'add.title')}</h2>
        <fieldset class="kinds">
          <legend>${t(lang, 'add.kind')}</legend>
          ${ADD_KINDS.map(
            (kind) => html`
              <label class="kind">
                <input type="radio" name="kind" value=${kind} .checked=${live(this.kind === kind)} @change=${() => this.choose(kind)} />
                ${t(lang, `add.kind.${kind}`)}
              </label>
            `,
          )}
        </fieldset>
        ${this.renderOutcome()}
        <form novalidate @submit=${this.submit}>
          ${this.renderFields()}
          ${lock ? html`<p class="alert info lock" id="add-lock">${pick(lang, lock.message)}</p>` : nothing}
          <button class="primary" type="submit" ?disabled=${lock !== null} aria-describedby=${lock ? 'add-lock' : nothing}>${t(lang, `add.submit.${this.kind}`)}</button>
        </form>
      </section>
    `;
  }

  private renderFields(): TemplateResult {
    const s = this.snapshot;
    if (!s) return html``;
    const lang = this.lang;
    const lockOf = (parent: string) => addLockOf(this.locks, this.kind, parent);
    const axes: Option[] = s.axes.map((a) => ({ value: a.id, label: `${t(lang, 'nav.axis', { n: a.number })} – ${a.title}`, lock: lockOf(a.id) }));
    const objectives: Option[] = s.axes.flatMap((a) =>
      a.objectives.map((o) => ({ value: o.id, label: `${o.number} – ${o.title}`, group: t(lang, 'nav.axis', { n: a.number }), lock: lockOf(o.id) })),
    );
    switch (this.kind) {
      case 'axis':
        return html`${this.input('number', 'add.field.axisNumber', { proposed: true, inputmode: 'numeric' })}${this.input('title', 'add.field.title')}`;
      case 'objective':
        return html`
          ${this.select('axisId', 'add.field.axis', axes, 'add.error.noAxis')}
          ${this.input('number', 'add.field.objectiveNumber', { proposed: true })}${this.input('title', 'add.field.title')}
        `;
      case 'action': {
        const pilots = signatoryOrganisations(s).map((o) => ({ value: o.id, label: o.name }));
        return html`
          ${this.select('objectiveId', 'add.field.objective', objectives, 'add.error.noObjective')}
          ${this.input('code', 'add.field.code', { proposed: true, before: 'add.field.code.first' })}${this.input('title', 'add.field.title')}
          ${this.select('pilotId', 'add.field.pilot', pilots, 'add.error.noSignatory')}
        `;
      }
      case 'indicator': {
        const kinds = INDICATOR_KINDS.codes.map((code) => ({ value: code, label: pick(lang, INDICATOR_KINDS.labels[code]) }));
        return html`
          ${this.select('objectiveId', 'add.field.objective', objectives, 'add.error.noObjective')}
          ${this.input('label', 'add.field.label')}${this.select('kind', 'add.field.kind', kinds, null)}
          ${this.input('unit', 'add.field.unit', { hint: t(lang, 'add.field.unit.hint') })}
          ${this.pair('baseline', 'add.field.baseline')}${this.pair('target', 'add.field.target')}
        `;
      }
    }
  }

  private renderOutcome() {
    const outcome = this.outcome;
    if (!outcome) return nothing;
    if ('done' in outcome)
      return html`<div class="alert success" role="status">
        <p>${t(this.lang, outcome.done.key, outcome.done.params)}</p>
        <button class="link" type="button" @click=${() => this.dispatchEvent(inward('ctg-select', outcome.ref))}>${t(this.lang, 'add.show')}</button>
      </div>`;
    const error = outcome.error;
    return html`<p class="alert error" role="alert">${'key' in error ? t(this.lang, error.key, error.params) : t(this.lang, 'add.error.model', { message: pick(this.lang, error) })}</p>`;
  }

  private input(field: string, label: MessageKey, options: { proposed?: boolean; hint?: string; inputmode?: string; before?: MessageKey } = {}) {
    const stored = this.value(field);
    const proposed = options.proposed && this.snapshot ? proposal(this.kind, this.values, this.snapshot) : '';
    const hint = options.hint ?? (proposed ? t(this.lang, 'add.field.proposed', { value: proposed }) : options.before ? t(this.lang, options.before) : '');
    return this.wrap(field, t(this.lang, label), hint, (id, described) => html`
      <input id=${id} name=${field} type="text" inputmode=${options.inputmode ?? 'text'} autocomplete="off" .value=${live(stored ?? proposed)}
        aria-invalid=${this.problems[field] ? 'true' : 'false'} aria-describedby=${described} @input=${this.onInput(field)} />
    `);
  }

  private select(field: string, label: MessageKey, options: Option[], whenEmpty: MessageKey | null) {
    if (options.length === 0 && whenEmpty) return html`<p class="alert info">${t(this.lang, whenEmpty)}</p>`;
    const value = this.value(field) ?? '';
    const option = (o: Option) =>
      html`<option value=${o.value} ?selected=${o.value === value} ?disabled=${Boolean(o.lock)} title=${o.lock ? pick(this.lang, o.lock.message) : nothing}>${o.label}${o.lock ? ` (${t(this.lang, 'add.locked')})` : ''}</option>`;
    const groups = [...new Set(options.map((o) => o.group))];
    return this.wrap(field, t(this.lang, label), '', (id, described) => html`
      <select id=${id} name=${field} .value=${live(value)} aria-invalid=${this.problems[field] ? 'true' : 'false'} aria-describedby=${described} @change=${this.onInput(field)}>
        ${whenEmpty ? html`<option value="" ?selected=${value === ''}>${t(this.lang, 'add.choose')}</option>` : nothing}
        ${groups.map((group) => {
          const list = options.filter((o) => o.group === group).map(option);
          return group === undefined ? list : html`<optgroup label=${group}>${list}</optgroup>`;
        })}
      </select>
    `);
  }

  private pair(prefix: 'baseline' | 'target', legend: MessageKey) {
    return html`<fieldset class="pair">
      <legend>${t(this.lang, legend)}</legend>
      ${this.input(`${prefix}Value`, 'add.field.value', { inputmode: 'decimal' })}${this.input(`${prefix}Year`, 'add.field.year', { inputmode: 'numeric' })}
    </fieldset>`;
  }

  private wrap(field: string, label: string, hint: string, control: (id: string, describedBy: string) => TemplateResult) {
    const id = `add-${this.kind}-${field}`;
    const problem = this.problems[field];
    const described = [hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for=${id}>${label}${hint ? html`<span class="hint" id="${id}-hint">${hint}</span>` : nothing}</label>
      ${control(id, described)}
      ${problem ? html`<p class="field-error" id="${id}-error">${t(this.lang, problem.key, problem.params)}</p>` : nothing}
    </div>`;
  }

  /**
   * The lock on what the form would add now: an axis (nothing to choose), the chosen parent, or — when every parent
   * is locked (a signed convention) — the first one's; null when it can be added.
   */
  private targetLock(): Lock | null {
    const s = this.snapshot;
    if (!s || !this.locks) return null;
    const field = PARENT_FIELD[this.kind];
    if (!field) return addLockOf(this.locks, this.kind, null);
    const chosen = this.value(field) ?? '';
    if (chosen) return addLockOf(this.locks, this.kind, chosen);
    const parents = field === 'axisId' ? s.axes.map((a) => a.id) : s.axes.flatMap((a) => a.objectives.map((o) => o.id));
    const locks = parents.map((id) => addLockOf(this.locks, this.kind, id));
    return locks.length > 0 && locks.every((l) => l !== null) ? locks[0]! : null;
  }

  /** The policy right now (the pane's may be a moment old), read from the model's document when it has one. */
  private locksNow(): AddLocks | null {
    const ydoc = this.model?.ydoc;
    return ydoc ? reviewOf(readSnapshot(ydoc), readReviewLog(ydoc)).locks : this.locks;
  }

  private value(field: string): string | null {
    return (this.values[this.kind] as unknown as Record<string, string | null>)[field] ?? null;
  }

  private onInput(field: string) {
    return (event: Event) => {
      const target = event.target as HTMLInputElement | HTMLSelectElement;
      // reason: one generic handler for every field; `field` always names a key of this kind's values.
      const next = { ...this.values[this.kind], [field]: target.value } as unknown as AddValues[AddKind];
      this.values = { ...this.values, [this.kind]: next };
    };
  }

  private choose(kind: AddKind): void {
    this.kind = kind;
    this.problems = {};
    this.outcome = null;
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (!this.model || !this.snapshot) return;
    const kind = this.kind;
    const result = addEntry(this.model, this.snapshot, kind, this.values, this.locksNow());
    if (result.ok) {
      this.values = { ...this.values, [kind]: clearedValues(kind, this.values[kind]) };
      this.problems = {};
      this.outcome = { done: result.done, ref: { kind, id: result.id } };
      return;
    }
    this.problems = result.fields;
    this.outcome = { error: result.error ?? { key: 'add.error.form' } };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  static override styles = [
    theme,
    css`
      section { padding: 12px 16px; }
      fieldset { border: 0; margin: 0 0 14px; padding: 0; }
      legend { font-weight: 500; margin-bottom: 6px; padding: 0; }
      .kinds { display: grid; grid-template-columns: 1fr 1fr; gap: 6px; }
      .kinds legend { grid-column: 1 / -1; }
      .kind {
        display: flex;
        align-items: center;
        gap: 6px;
        margin: 0;
        padding: 6px 8px;
        border: 1px solid var(--ctg-border);
        border-radius: 4px;
        font-weight: 400;
        cursor: pointer;
      }
      .kind:has(input:checked) { border-color: var(--ctg-blue); box-shadow: inset 0 0 0 1px var(--ctg-blue); background: var(--ctg-blue-light); }
      .kind input { width: auto; min-height: 0; margin: 0; accent-color: var(--ctg-blue); }
      .pair { display: grid; grid-template-columns: 3fr 2fr; gap: 0 10px; }
      .pair legend { grid-column: 1 / -1; }
      button.primary { width: 100%; }
    `,
  ];
}

if (!customElements.get('ctg-add-form')) customElements.define('ctg-add-form', CtgAddForm);

declare global {
  interface HTMLElementTagNameMap {
    'ctg-add-form': CtgAddForm;
  }
}
