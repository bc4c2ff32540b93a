// <ctg-signoff>: the sign-off of one article, fiche action or avenant — its stage, which signatories validated and
// which are missing, the acts open to me (each disabled with the reason when it does not apply), and the record of
// every act: who, for which party, when, why, and the acts that came too late (« sans effet »).
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import {
  type Bilingual,
  EDITOR_ACTS,
  type Review,
  type ReviewContext,
  recordSignoff,
  SIGNOFF_ACTS,
  type SignoffAct,
  type SignoffState,
  type SignoffSubject,
  STAGE_LABELS,
  signoffRefusal,
} from '../../shared/index.ts';
import { type Lang, pick, t } from '../i18n.ts';
import { partyName } from './ctg-presence.ts';
import { fullTime, partLabel, person, problemText } from './review-format.ts';
import { theme } from './theme.ts';

export class CtgSignoff extends LitElement {
  static override properties = {
    review: { attribute: false },
    subject: { attribute: false },
    ctx: { attribute: false },
    lang: {},
    reason: { state: true },
    error: { state: true },
  };

  declare review: Review | null;
  declare subject: SignoffSubject | null;
  /** How to record acts; null for a read-only participant. */
  declare ctx: ReviewContext | null;
  declare lang: Lang;
  declare reason: string;
  declare error: string | null;

  constructor() {
    super();
    this.review = null;
    this.subject = null;
    this.ctx = null;
    this.lang = 'fr';
    this.reason = '';
    this.error = null;
  }

  /** A reason typed, or a refusal shown, for one part is not carried over to the next one. */
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('subject')) return;
    const before = changed.get('subject') as SignoffSubject | null | undefined;
    if (before?.kind !== this.subject?.kind || before?.id !== this.subject?.id) {
      this.reason = '';
      this.error = null;
    }
  }

  override render() {
    const { review, subject } = this;
    if (!review || !subject) return nothing;
    const lang = this.lang;
    const state = review.signoff(subject);
    const lock = state.stage === 'valide' ? review.locks.lockOf({ kind: subject.kind, id: subject.id, field: '*' }) : null;
    const names = (parties: readonly string[]) => parties.map((p) => partyName(review.snapshot, p));
    return html`
      <section class="signoff" data-kind=${subject.kind} data-id=${subject.id} data-stage=${state.stage}>
        <h3>${partLabel(review.snapshot, subject, lang)}</h3>
        <p class="stage">
          <span class="badge stage-${state.stage}">${pick(lang, STAGE_LABELS[state.stage])}</span>
          ${lock ? html`<span class="badge locked">${t(lang, 'signoff.locked')}</span>` : nothing}
        </p>
        ${lock ? html`<p class="hint lock">${pick(lang, lock.message)}</p>` : nothing}
        <ul class="parties" aria-label=${t(lang, 'signoff.parties')}>
          ${names(state.validatedBy).map((name) => html`<li class="done"><span aria-hidden="true">✓</span> ${name} — ${t(lang, 'signoff.validated')}</li>`)}
          ${names(state.missing).map((name) => html`<li class="missing"><span aria-hidden="true">○</span> ${name} — ${t(lang, 'signoff.missing')}</li>`)}
        </ul>
        ${this.renderActs(review, state)}
        ${this.renderHistory(review, state)}
      </section>
    `;
  }

  private renderActs(review: Review, state: SignoffState) {
    const lang = this.lang;
    const me = this.ctx ? partyName(review.snapshot, this.ctx.actor.party) : '';
    const label: Record<SignoffAct, string> = {
      propose: t(lang, 'signoff.propose'),
      validate: t(lang, 'signoff.validate', { party: me }),
      withdraw: t(lang, 'signoff.withdraw'),
      reopen: t(lang, 'signoff.reopen'),
    };
    return html`
      <div class="field">
        <label for="signoff-reason">${t(lang, 'signoff.reason')}<span class="hint">${t(lang, 'signoff.reasonHint')}</span></label>
        <input id="signoff-reason" type="text" .value=${this.reason} ?disabled=${!this.ctx} @input=${(e: Event) => { this.reason = (e.target as HTMLInputElement).value; }} />
      </div>
      <ul class="acts">
        ${SIGNOFF_ACTS.filter((act) => act !== 'validate' || (this.ctx && this.ctx.access !== 'view')).map((act) => {
          const refusal = this.refusal(review, state, act);
          return html`<li>
            <button class=${act === 'validate' ? 'primary' : 'secondary'} type="button" data-act=${act} ?disabled=${refusal !== null}
              aria-describedby=${refusal ? `why-${act}` : nothing} @click=${() => this.act(act)}>${label[act]}</button>
            ${refusal ? html`<span class="hint" id="why-${act}">${refusal}</span>` : nothing}
          </li>`;
        })}
      </ul>
      ${this.error ? html`<p class="alert error" role="alert">${this.error}</p>` : nothing}
    `;
  }

  private renderHistory(review: Review, state: SignoffState) {
    const lang = this.lang;
    if (state.history.length === 0) return html`<p class="hint">${t(lang, 'signoff.noHistory')}</p>`;
    return html`
      <h4>${t(lang, 'signoff.history')}</h4>
      <ol class="history">
        ${state.history.map(
          ({ event, applied, note }) => html`<li class=${applied ? 'applied' : 'void'}>
            <strong>${t(lang, `signoff.did.${event.act}`)}</strong> — ${person(review.snapshot, event.by)} —
            <time datetime=${event.at}>${fullTime(event.at, lang)}</time>
            ${event.reason ? html`<span class="why">— « ${event.reason} »</span>` : nothing}
            ${applied ? nothing : html`<span class="void-note">— ${t(lang, 'signoff.void')}${note ? ` : ${pick(lang, note)}` : ''}</span>`}
          </li>`,
        )}
      </ol>
    `;
  }

  /** Why `act` cannot be recorded now, or null: access first, then the sign-off rules. */
  private refusal(review: Review, state: SignoffState, act: SignoffAct): string | null {
    const ctx = this.ctx;
    const lang = this.lang;
    if (!ctx || ctx.access === 'view') return t(lang, 'review.readonly');
    if (ctx.access === 'comment' && EDITOR_ACTS.has(act)) return t(lang, 'review.editorOnly');
    const refusal: Bilingual | null = signoffRefusal(state, act, ctx.actor, review.signatories, this.reason);
    return refusal ? pick(lang, refusal) : null;
  }

  private act(act: SignoffAct): void {
    const { ctx, subject } = this;
    if (!ctx || !subject) return;
    try {
      recordSignoff(ctx, subject, act, this.reason);
      this.reason = '';
      this.error = null;
    } catch (error) {
      this.error = problemText(error, this.lang);
    }
  }

  static override styles = [
    theme,
    css`
      .signoff { margin: 0 0 12px; }
      h4 { margin: 12px 0 4px; font-size: 13px; }
      .stage { display: flex; gap: 6px; align-items: center; }
      .badge { padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 700; }
      .stage-brouillon { background: var(--ctg-surface); color: var(--ctg-text); }
      .stage-propose { background: var(--ctg-warning-bg); color: var(--ctg-warning); }
      .stage-valide { background: var(--ctg-success-bg); color: var(--ctg-success); }
      .locked { background: var(--ctg-text); color: #fff; }
      ul, ol { margin: 0 0 8px; padding: 0; list-style: none; }
      .parties li { font-size: 13px; }
      .parties .done { color: var(--ctg-success); }
      .parties .missing { color: var(--ctg-muted); }
      .acts li { margin-bottom: 6px; }
      .acts button { width: 100%; }
      .acts button[disabled] { opacity: 0.55; cursor: not-allowed; }
      .history li { font-size: 13px; padding: 3px 0; border-bottom: 1px solid var(--ctg-border); }
      .history .void { color: var(--ctg-muted); }
      .void-note { font-style: italic; }
    `,
  ];
}

if (!customElements.get('ctg-signoff')) customElements.define('ctg-signoff', CtgSignoff);

declare global {
  interface HTMLElementTagNameMap {
    'ctg-signoff': CtgSignoff;
  }
}
