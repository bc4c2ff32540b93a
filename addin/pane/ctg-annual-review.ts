// <ctg-annual-review>: the annual review screen — pick a year of the convention, give every action its status
// for that year (with the comment and Copil decision an abandonment or postponement needs), see the progress, and
// approve the year's review. Writes go through ConventionDoc; comment and view access read only.
import { css, html, LitElement, nothing } from 'lit';
import { ACTION_STATUSES, type ActionStatus, type ConventionSnapshot, ModelError } from '../../shared/index.ts';
import { type Lang, pick, t } from '../i18n.ts';
import { type ActionRow, actionRows, defaultYear, meetingsOf, NEEDS_JUSTIFICATION, periodYears, progressOf, writeYearStatus } from './annual-review.ts';
import { longDate } from './review-format.ts';
import type { PaneSession } from './session-port.ts';
import { theme } from './theme.ts';

export class CtgAnnualReview extends LitElement {
  static override properties = {
    session: { attribute: false },
    snapshot: { attribute: false },
    today: {},
    lang: {},
    year: { state: true },
    problem: { state: true },
  };

  declare session: PaneSession | null;
  declare snapshot: ConventionSnapshot | null;
  /** ISO date of today (the default year and the approval date come from it). */
  declare today: string;
  declare lang: Lang;
  declare year: number | null;
  /** The last write that failed, in both languages, until dismissed or a write succeeds. */
  declare problem: { fr: string; en: string } | null;

  constructor() {
    super();
    this.session = null;
    this.snapshot = null;
    this.today = new Date().toISOString().slice(0, 10);
    this.lang = 'fr';
    this.year = null;
    this.problem = null;
  }

  override render() {
    const lang = this.lang;
    const snapshot = this.snapshot;
    if (!snapshot) return nothing;
    const years = periodYears(snapshot);
    const year = this.year !== null && years.includes(this.year) ? this.year : defaultYear(years, this.today);
    if (year === null) return html`<section><p class="hint">${t(lang, 'annual.noPeriod')}</p></section>`;
    const canEdit = this.session?.identity.access === 'edit';
    const rows = actionRows(snapshot, year);
    const progress = progressOf(rows);
    const meetings = meetingsOf(snapshot);
    return html`
      <section aria-labelledby="annual-title">
        <h2 id="annual-title">${t(lang, 'annual.title')}</h2>
        <label for="review-year">${t(lang, 'annual.year')}</label>
        <select id="review-year" @change=${(e: Event) => { this.year = Number((e.target as HTMLSelectElement).value); }}>
          ${years.map((y) => html`<option value=${y} ?selected=${y === year}>${y}</option>`)}
        </select>
        <p class="progress" role="status">
          <progress max=${progress.total} .value=${progress.done} aria-hidden="true"></progress>
          ${t(lang, 'annual.progress', { done: progress.done, total: progress.total })}
        </p>
        ${canEdit ? nothing : html`<p class="hint">${t(lang, 'annual.readonly')}</p>`}
        ${this.problem
          ? html`<div class="alert error" role="alert"><p>${t(lang, 'annual.error', { message: pick(lang, this.problem) })}</p>
              <button class="link" type="button" @click=${() => { this.problem = null; }}>${t(lang, 'notice.dismiss')}</button></div>`
          : nothing}
        ${this.renderReview(snapshot, year, canEdit, lang)}
        ${groupByObjective(rows).map(
          (group) => html`<h3>${t(lang, 'annual.objective', { axis: group.axis, n: group.objective })}</h3>
            <ul class="actions">${group.rows.map((row) => this.renderAction(row, year, canEdit, meetings, lang))}</ul>`,
        )}
      </section>
    `;
  }

  private renderReview(snapshot: ConventionSnapshot, year: number, canEdit: boolean, lang: Lang) {
    const review = snapshot.annualReviews.find((r) => r.year === year) ?? null;
    const approved = review?.status === 'valide';
    return html`<div class="bilan" data-review=${review?.id ?? ''}>
      <h3>${t(lang, 'annual.bilan', { year })}</h3>
      <p>${approved && review?.approvedOn ? t(lang, 'annual.approvedOn', { date: longDate(review.approvedOn, lang) }) : t(lang, review ? 'annual.pending' : 'annual.none')}</p>
      ${review?.summary && !canEdit ? html`<p class="summary">${review.summary}</p>` : nothing}
      ${canEdit
        ? html`<label for="review-summary">${t(lang, 'annual.summary')}</label>
            <textarea id="review-summary" rows="3" .value=${review?.summary ?? ''} @change=${(e: Event) => this.writeReview(year, { summary: (e.target as HTMLTextAreaElement).value })}></textarea>
            ${approved ? nothing : html`<button class="primary" type="button" data-approve=${year} @click=${() => this.writeReview(year, { status: 'valide', approvedOn: this.today })}>${t(lang, 'annual.approve', { year })}</button>`}`
        : nothing}
    </div>`;
  }

  private renderAction(row: ActionRow, year: number, canEdit: boolean, meetings: Array<{ id: string; label: string }>, lang: Lang) {
    const { action, entry } = row;
    const id = `status-${action.id}`;
    const justify = entry !== null && NEEDS_JUSTIFICATION.has(entry.status);
    return html`<li data-action=${action.id} class=${row.incomplete ? 'incomplete' : ''}>
      <label for=${id}><span class="code">${action.code}</span> ${action.title}</label>
      <select id=${id} ?disabled=${!canEdit} @change=${(e: Event) => this.writeStatus(action.id, year, (e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${entry === null}>${t(lang, 'annual.unset')}</option>
        ${ACTION_STATUSES.codes.map((code) => html`<option value=${code} ?selected=${entry?.status === code}>${pick(lang, ACTION_STATUSES.labels[code])}</option>`)}
      </select>
      ${justify
        ? html`<div class="justify">
            <label for="${id}-comment">${t(lang, 'annual.comment')}</label>
            <textarea id="${id}-comment" rows="2" ?disabled=${!canEdit} aria-invalid=${entry.comment.trim() === '' ? 'true' : 'false'} .value=${entry.comment}
              @change=${(e: Event) => this.write(action.id, year, { comment: (e.target as HTMLTextAreaElement).value })}></textarea>
            <label for="${id}-decision">${t(lang, 'annual.decision')}</label>
            <select id="${id}-decision" ?disabled=${!canEdit} aria-invalid=${entry.decision === null ? 'true' : 'false'}
              @change=${(e: Event) => this.write(action.id, year, { decision: (e.target as HTMLSelectElement).value || null })}>
              <option value="" ?selected=${entry.decision === null}>${t(lang, 'add.choose')}</option>
              ${meetings.map((m) => html`<option value=${m.id} ?selected=${entry.decision === m.id}>${m.label}</option>`)}
            </select>
            ${row.incomplete ? html`<p class="field-error">${t(lang, 'annual.justify')}</p>` : nothing}
          </div>`
        : nothing}
    </li>`;
  }

  private writeStatus(actionId: string, year: number, value: string): void {
    if (value === '') this.write(actionId, year, null);
    else if ((ACTION_STATUSES.codes as readonly string[]).includes(value)) this.write(actionId, year, { status: value as ActionStatus });
  }

  private write(actionId: string, year: number, patch: Parameters<typeof writeYearStatus>[3]): void {
    const model = this.session?.model;
    if (!model) return;
    this.attempt(() => writeYearStatus(model, actionId, year, patch));
  }

  private writeReview(year: number, patch: { summary?: string; status?: string; approvedOn?: string }): void {
    const model = this.session?.model;
    const review = this.snapshot?.annualReviews.find((r) => r.year === year);
    if (!model) return;
    this.attempt(() => {
      if (review) model.update('annualReview', review.id, patch);
      else model.add('annualReview', { year, ...patch });
    });
  }

  private attempt(write: () => void): void {
    try {
      write();
      this.problem = null;
    } catch (error) {
      this.problem = error instanceof ModelError ? { fr: error.fr, en: error.en } : { fr: String(error), en: String(error) };
    }
  }

  static override styles = [
    theme,
    css`
      section { padding: 12px 16px; }
      .progress { display: flex; align-items: center; gap: 8px; font-weight: 600; margin: 8px 0; }
      progress { flex: 0 0 80px; }
      .bilan { background: var(--ctg-surface); padding: 8px 12px; margin: 8px 0 12px; border-radius: 4px; }
      .bilan textarea, .justify textarea { width: 100%; font: inherit; margin-bottom: 8px; }
      .actions { list-style: none; margin: 0 0 12px; padding: 0; }
      .actions li { padding: 6px 0; border-bottom: 1px solid var(--ctg-border); }
      .actions li.incomplete { border-left: 3px solid var(--ctg-error); padding-left: 8px; }
      .code { color: var(--ctg-blue); font-weight: 700; }
      .justify { margin: 6px 0 0 12px; }
      h3 { margin-top: 12px; }
    `,
  ];
}

interface ObjectiveGroup {
  axis: string;
  objective: string;
  rows: ActionRow[];
}

function groupByObjective(rows: readonly ActionRow[]): ObjectiveGroup[] {
  const groups: ObjectiveGroup[] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last && last.objective === row.objective && last.axis === row.axis) last.rows.push(row);
    else groups.push({ axis: row.axis, objective: row.objective, rows: [row] });
  }
  return groups;
}

if (!customElements.get('ctg-annual-review')) customElements.define('ctg-annual-review', CtgAnnualReview);

declare global {
  interface HTMLElementTagNameMap {
    'ctg-annual-review': CtgAnnualReview;
  }
}
