// <ctg-import>: importing an action plan from Excel — send the workbook, show the report per cell (and the mapping
// screen when the headers are not recognised), then « Confirmer l'import » applies it as one change that
// « Annuler l'import » undoes. Nothing is written before the confirmation, nor into a locked part (each refused
// operation is listed with why). Self-contained: session, server, token.
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import type { ImportOp, LockedOp } from '../../shared/exchange/import-proposal.ts';
import type { ImportPreview } from '../../shared/exchange/import-preview-types.ts';
import { readSnapshot } from '../../shared/index.ts';
import { type Lang, pick, t } from '../i18n.ts';
import { failureText, httpJson } from './http.ts';
import { ImportUndo } from './import-undo.ts';
import { partLabel } from './review-format.ts';
import type { PaneSession } from './session-port.ts';
import { theme } from './theme.ts';

type State =
  | { kind: 'idle' }
  | { kind: 'reading' }
  /** `locked`: the operations the review's locks refuse (read when the preview came, and again on « Confirmer »). */
  | { kind: 'preview'; preview: ImportPreview; file: File; locked: readonly LockedOp[] }
  | { kind: 'applied' }
  | { kind: 'undone' }
  | { kind: 'failed'; message: string };

export class CtgImport extends LitElement {
  static override properties = {
    session: { attribute: false },
    server: {},
    token: {},
    lang: {},
    state: { state: true },
  };

  declare session: PaneSession | null;
  /** The Concerto server's base URL (empty: this page's origin). */
  declare server: string;
  declare token: string;
  declare lang: Lang;
  declare state: State;
  fetcher: typeof fetch = (...args) => fetch(...args);
  private undo: ImportUndo | null = null;

  constructor() {
    super();
    this.session = null;
    this.server = '';
    this.token = '';
    this.lang = 'fr';
    this.state = { kind: 'idle' };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.follow();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session')) this.follow();
  }

  /** One undo per session's document, made again when the element comes back to the page. */
  private follow(): void {
    if (this.undo && this.undo.ydoc === this.session?.ydoc) return;
    this.undo?.destroy();
    this.undo = this.session ? new ImportUndo(this.session.ydoc) : null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.undo?.destroy();
    this.undo = null;
  }

  override render() {
    const lang = this.lang;
    const access = this.session?.identity.access;
    if (access && access !== 'edit') return html`<section><p class="alert info">${t(lang, 'import.readonly', { access: t(lang, `access.${access}`) })}</p></section>`;
    return html`
      <section aria-labelledby="import-title">
        <h2 id="import-title">${t(lang, 'import.title')}</h2>
        <p class="muted">${t(lang, 'import.intro')}</p>
        <label for="file">${t(lang, 'import.file')}</label>
        <input id="file" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" ?disabled=${this.state.kind === 'reading'}
          @change=${(e: Event) => {
            const file = (e.target as HTMLInputElement).files?.[0];
            if (file) void this.check(file);
          }} />
        ${this.body()}
      </section>
    `;
  }

  private body() {
    const lang = this.lang;
    const s = this.state;
    switch (s.kind) {
      case 'idle':
        return nothing;
      case 'reading':
        return html`<p role="status"><progress></progress> ${t(lang, 'import.reading')}</p>`;
      case 'failed':
        return html`<p class="alert error" role="alert">${t(lang, 'import.failed', { message: s.message })}</p>`;
      case 'undone':
        return html`<p class="alert info" role="status">${t(lang, 'import.undone')}</p>`;
      case 'applied':
        return html`<p class="alert success" role="status">${t(lang, 'import.applied')}</p>
          <button type="button" class="secondary" data-action="undo" @click=${() => this.undoImport()}>${t(lang, 'import.undo')}</button>`;
      case 'preview':
        return s.preview.needsMapping ? this.mapping(s.preview, s.file) : this.report(s.preview, s.file, s.locked);
    }
  }

  private mapping(preview: ImportPreview, file: File) {
    const lang = this.lang;
    const plan = preview.plan;
    if (!plan) return html`<p class="alert error">${preview.issues.map((i) => pick(lang, i.message)).join(' ')}</p>`;
    return html`
      <form @submit=${(e: Event) => this.remap(e, file, plan.sheet)}>
        <h3>${t(lang, 'import.mapping')}</h3>
        <p>${t(lang, 'import.mapping.intro', { sheet: plan.sheet })}</p>
        ${preview.issues.map((i) => html`<p class="alert error">${pick(lang, i.message)}</p>`)}
        ${plan.columns.map(
          (c) => html`<label>${c.header || `#${c.index + 1}`}
            <select name="column-${c.index}" data-column=${c.index}>
              <option value="">${t(lang, 'import.mapping.ignore')}</option>
              ${preview.fields.map((f) => html`<option value=${f.key} ?selected=${c.field === f.key}>${pick(lang, f.label)}${f.required ? ' *' : ''}</option>`)}
            </select>
          </label>`,
        )}
        <button type="submit" class="primary">${t(lang, 'import.mapping.apply')}</button>
      </form>
    `;
  }

  private report(preview: ImportPreview, file: File, locked: readonly LockedOp[]) {
    const lang = this.lang;
    const sum = (counts: Partial<Record<string, number>>) => Object.values(counts).reduce<number>((a, b) => a + (b ?? 0), 0);
    const where = (i: ImportPreview['issues'][number]) => `${i.sheet}${i.row !== null ? ` !${i.column ?? ''}${i.row}` : ''}${i.header ? ` (${i.header})` : ''}`;
    const blocking = preview.issues.filter((i) => i.blocking);
    const checks = preview.issues.filter((i) => !i.blocking);
    const list = (issues: ImportPreview['issues']) =>
      html`<ul>${issues.map((i) => html`<li class=${i.severity}><strong>${where(i)}</strong> ${pick(lang, i.message)}</li>`)}</ul>`;
    return html`
      <p role="status">${preview.ops.length === 0 ? t(lang, 'import.nothing') : t(lang, 'import.summary', { added: sum(preview.counts.added), updated: sum(preview.counts.updated) })}</p>
      ${blocking.length > 0 ? html`<h3 class="error">${t(lang, 'import.blocking')}</h3>${list(blocking)}` : nothing}
      ${locked.length > 0
        ? html`<h3 class="error">${t(lang, 'import.locked')}</h3>
            <ul class="locked">${locked.map((l) => html`<li class="error"><strong>${this.describe(l.op)}${lang === 'fr' ? ' :' : ':'}</strong> ${pick(lang, l.reason)}</li>`)}</ul>`
        : nothing}
      ${checks.length > 0 ? html`<h3>${t(lang, 'import.checks')}</h3>${list(checks)}` : nothing}
      <div class="buttons">
        <button type="button" class="primary" data-action="confirm" ?disabled=${!preview.canApply || preview.ops.length === 0 || locked.length > 0} @click=${() => this.confirm(preview, file)}>
          ${t(lang, 'import.confirm')}
        </button>
        <button type="button" class="secondary" @click=${() => {
          this.state = { kind: 'idle' };
        }}>${t(lang, 'import.cancel')}</button>
      </div>
    `;
  }

  /** Sends the workbook (and the mapping, if any) for a preview; nothing is applied. */
  async check(file: File, mapping?: { sheet: string; columns: Record<string, string> }): Promise<void> {
    const id = this.session?.model.meta().conventionId ?? '';
    this.state = { kind: 'reading' };
    try {
      const form = new FormData();
      form.set('file', file, file.name);
      if (mapping) form.set('mapping', JSON.stringify(mapping));
      const url = `${this.server || location.origin}/api/conventions/${encodeURIComponent(id)}/imports/xlsx`;
      const preview = await httpJson<ImportPreview>(this.fetcher, url, { method: 'POST', token: this.token, body: form });
      this.state = { kind: 'preview', preview, file, locked: this.undo?.locked(preview.ops) ?? [] };
    } catch (error) {
      this.state = { kind: 'failed', message: failureText(error, this.lang) };
    }
  }

  /** The person's choices, column by column (the index: two columns may share a header, or have none). */
  private remap(event: Event, file: File, sheet: string): void {
    event.preventDefault();
    const state = this.state;
    const plan = state.kind === 'preview' ? state.preview.plan : null;
    if (!plan) return;
    const chosen = new Map<number, string>();
    for (const select of (event.target as HTMLFormElement).querySelectorAll('select')) chosen.set(Number(select.dataset.column), select.value);
    // The server takes the mapping by header text.
    const columns: Record<string, string> = {};
    for (const column of plan.columns) if (chosen.has(column.index)) columns[column.header] = chosen.get(column.index) ?? '';
    void this.check(file, { sheet, columns });
  }

  /** What an operation is about, in words: the part it changes, or the new part's code or title. */
  private describe(op: ImportOp): string {
    const lang = this.lang;
    if (op.op !== 'add') return partLabel(this.session ? readSnapshot(this.session.ydoc) : null, { kind: op.kind, id: op.id }, lang);
    const data = op.data as { code?: unknown; number?: unknown; title?: unknown; label?: unknown; name?: unknown };
    return t(lang, 'import.locked.add', { what: String(data.code ?? data.number ?? data.title ?? data.label ?? data.name ?? op.id) });
  }

  /** « Confirmer l'import »: one transaction, undoable; refused whole when the convention changed or a part is locked. */
  confirm(preview: ImportPreview, file: File): void {
    if (!this.undo) {
      this.state = { kind: 'failed', message: t(this.lang, 'import.unavailable') };
      return;
    }
    const refusal = this.undo.apply(preview.ops);
    if (!refusal) this.state = { kind: 'applied' };
    else if (refusal.kind === 'locked') this.state = { kind: 'preview', preview, file, locked: refusal.locked };
    else this.state = { kind: 'failed', message: pick(this.lang, refusal.problem) };
  }

  undoImport(): void {
    this.undo?.undoLast();
    this.state = { kind: 'undone' };
  }

  static override styles = [
    theme,
    css`
      section { padding: 12px 16px; }
      .muted { color: var(--ctg-muted); }
      label { display: block; font-weight: 600; margin: 8px 0 4px; }
      select, input { display: block; width: 100%; min-height: 32px; font: inherit; margin-top: 4px; }
      ul { padding-left: 18px; }
      li.error { color: var(--ctg-error); }
      li.warning { color: var(--ctg-warning); }
      h3.error { color: var(--ctg-error); }
      .locked li { margin-bottom: 4px; }
      .buttons { display: flex; gap: 8px; margin-top: 12px; }
      progress { width: 100%; }
    `,
  ];
}

if (!customElements.get('ctg-import')) customElements.define('ctg-import', CtgImport);

declare global {
  interface HTMLElementTagNameMap {
    'ctg-import': CtgImport;
  }
}
