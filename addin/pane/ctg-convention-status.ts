// <ctg-convention-status>: where the convention is in the guide's steps (a stepper), the move to the next or previous
// step with its reason (signing is refused while the checks find errors), the record of every move, and — once
// signed — the avenants. The server records the named versions of the signature and of each signed avenant itself.
import { css, html, LitElement, nothing } from 'lit';
import {
  CONVENTION_STATUSES,
  type ConventionStatus,
  changeStatus,
  nextStatuses,
  type Review,
  type ReviewContext,
  STATUS_ORDER,
  type StatusEvent,
  statusRefusal,
} from '../../shared/index.ts';
import { type Lang, pick, t } from '../i18n.ts';
import { SIGNED_VERSION } from './amendment-version.ts';
import { fullTime, person, problemText } from './review-format.ts';
import { theme } from './theme.ts';
import './ctg-amendments.ts';

export class CtgConventionStatus extends LitElement {
  static override properties = {
    review: { attribute: false },
    ctx: { attribute: false },
    blockingErrors: { type: Number },
    lang: {},
    reason: { state: true },
    error: { state: true },
  };

  declare review: Review | null;
  declare ctx: ReviewContext | null;
  /** Errors the checks find now: signing needs none. */
  declare blockingErrors: number;
  declare lang: Lang;
  declare reason: string;
  declare error: string | null;

  constructor() {
    super();
    this.review = null;
    this.ctx = null;
    this.blockingErrors = 0;
    this.lang = 'fr';
    this.reason = '';
    this.error = null;
  }

  override render() {
    const review = this.review;
    if (!review) return nothing;
    const lang = this.lang;
    const current = review.snapshot.convention.status;
    const at = STATUS_ORDER.indexOf(current);
    const moves = review.events.filter((e): e is StatusEvent => e.act === 'status');
    return html`
      <section aria-labelledby="status-title">
        <h2 id="status-title">${t(lang, 'conv.title')}</h2>
        <ol class="stepper" data-status=${current}>
          ${STATUS_ORDER.map(
            (s, i) => html`<li class=${i < at ? 'done' : i === at ? 'current' : 'todo'} aria-current=${i === at ? 'step' : 'false'}>
              <span class="dot" aria-hidden="true">${i < at ? '✓' : i + 1}</span>${pick(lang, CONVENTION_STATUSES.labels[s])}
            </li>`,
          )}
        </ol>
        ${review.locks.frozen
          ? html`<div class="alert info"><p>${t(lang, 'conv.frozen')}</p><p class="version">${t(lang, 'conv.version.recorded', { name: SIGNED_VERSION })}</p></div>`
          : nothing}
        ${this.renderMoves(current)}
        ${moves.length > 0
          ? html`<h3>${t(lang, 'conv.history')}</h3>
              <ol class="history">
                ${moves.map(
                  (e) => html`<li>
                    <strong>${pick(lang, CONVENTION_STATUSES.labels[e.from])} → ${pick(lang, CONVENTION_STATUSES.labels[e.to])}</strong> —
                    ${person(review.snapshot, e.by)} — <time datetime=${e.at}>${fullTime(e.at, lang)}</time>${e.reason ? html` — « ${e.reason} »` : nothing}
                  </li>`,
                )}
              </ol>`
          : nothing}
        ${review.locks.frozen ? html`<ctg-amendments .review=${review} .ctx=${this.ctx} lang=${lang}></ctg-amendments>` : nothing}
      </section>
    `;
  }

  private renderMoves(current: ConventionStatus) {
    const lang = this.lang;
    const ctx = this.ctx;
    const targets = nextStatuses(current);
    if (targets.length === 0) return nothing;
    const forward = (to: ConventionStatus) => STATUS_ORDER.indexOf(to) > STATUS_ORDER.indexOf(current);
    return html`
      <div class="field">
        <label for="status-reason">${t(lang, 'conv.reason')}<span class="hint">${t(lang, 'conv.reasonHint')}</span></label>
        <input id="status-reason" type="text" .value=${this.reason} ?disabled=${ctx?.access !== 'edit'} @input=${(e: Event) => { this.reason = (e.target as HTMLInputElement).value; }} />
      </div>
      <ul class="moves">
        ${targets.map((to) => {
          const refusal = this.refusal(current, to);
          const label = t(lang, forward(to) ? 'conv.next' : 'conv.back', { status: pick(lang, CONVENTION_STATUSES.labels[to]) });
          // Signing: the server records the version « Convention signée » itself.
          const hint = refusal ?? (to === 'signee' ? t(lang, 'conv.version.recorded', { name: SIGNED_VERSION }) : null);
          return html`<li>
            <button class=${forward(to) ? 'primary' : 'secondary'} type="button" data-to=${to} ?disabled=${refusal !== null}
              aria-describedby=${hint ? `move-${to}` : nothing} @click=${() => this.move(to)}>${label}</button>
            ${hint ? html`<span class="hint" id="move-${to}">${hint}</span>` : nothing}
          </li>`;
        })}
      </ul>
      ${this.error ? html`<p class="alert error" role="alert">${this.error}</p>` : nothing}
    `;
  }

  private refusal(from: ConventionStatus, to: ConventionStatus): string | null {
    const ctx = this.ctx;
    if (!ctx || ctx.access === 'view') return t(this.lang, 'review.readonly');
    if (ctx.access !== 'edit') return t(this.lang, 'review.editorOnly');
    const refusal = statusRefusal(from, to, this.reason, { blockingErrors: this.blockingErrors });
    return refusal ? pick(this.lang, refusal) : null;
  }

  private move(to: ConventionStatus): void {
    if (!this.ctx) return;
    try {
      changeStatus(this.ctx, to, this.reason, { blockingErrors: this.blockingErrors });
      this.reason = '';
      this.error = null;
    } catch (error) {
      this.error = problemText(error, this.lang);
    }
  }

  static override styles = [
    theme,
    css`
      section { padding: 12px 16px; }
      h3 { margin-top: 12px; }
      .stepper { list-style: none; margin: 0 0 10px; padding: 0; display: grid; gap: 2px; }
      .stepper li { display: flex; align-items: center; gap: 8px; font-size: 13px; color: var(--ctg-muted); }
      .stepper .dot { display: inline-flex; align-items: center; justify-content: center; width: 20px; height: 20px; border-radius: 50%; border: 1px solid currentColor; font-size: 11px; }
      .stepper .done { color: var(--ctg-success); }
      .stepper .current { color: var(--ctg-blue); font-weight: 700; }
      .stepper .current .dot { background: var(--ctg-blue); color: #fff; border-color: var(--ctg-blue); }
      .moves { list-style: none; margin: 0 0 8px; padding: 0; }
      .moves li { margin-bottom: 6px; }
      .moves button { width: 100%; }
      .moves button[disabled] { opacity: 0.55; cursor: not-allowed; }
      .history { margin: 0; padding: 0 0 0 18px; font-size: 13px; }
      .alert .version { margin: 4px 0 0; }
    `,
  ];
}

if (!customElements.get('ctg-convention-status')) customElements.define('ctg-convention-status', CtgConventionStatus);

declare global {
  interface HTMLElementTagNameMap {
    'ctg-convention-status': CtgConventionStatus;
  }
}
