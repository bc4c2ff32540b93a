// <ctg-review>: the « Revue » tab — the convention's status and avenants, the sign-off of the part the person is on,
// its discussions, and every article and fiche action with its stage. Selecting a part or a thread goes there.
import { css, html, LitElement, nothing } from 'lit';
import { type ReviewContext, SIGNOFF_KINDS, type SignoffSubject } from '../../shared/index.ts';
import type { ReviewState } from './controllers/review-controller.ts';
import { type Lang, t } from '../i18n.ts';
import { inward, type SelectDetail } from './events.ts';
import type { Reader } from './mentions.ts';
import { type Part, problemText } from './review-format.ts';
import { memoryStorage, type PaneStorage } from './storage.ts';
import { theme } from './theme.ts';
import './ctg-convention-status.ts';
import './ctg-signoff.ts';
import './ctg-signoff-list.ts';
import './ctg-threads.ts';

export class CtgReview extends LitElement {
  static override properties = {
    state: { attribute: false },
    ctx: { attribute: false },
    place: { attribute: false },
    blockingErrors: { type: Number },
    reader: { attribute: false },
    storage: { attribute: false },
    lang: {},
  };

  declare state: ReviewState | null;
  /** How to write (the person's model, name, party, access); null without a session. */
  declare ctx: ReviewContext | null;
  /** The part the person is on (chosen in the plan, this tab, or the document). */
  declare place: Part | null;
  declare blockingErrors: number;
  declare reader: Reader | null;
  declare storage: PaneStorage;
  declare lang: Lang;

  constructor() {
    super();
    this.state = null;
    this.ctx = null;
    this.place = null;
    this.blockingErrors = 0;
    this.reader = null;
    this.storage = memoryStorage();
    this.lang = 'fr';
  }

  override render() {
    const state = this.state;
    const review = state?.review ?? null;
    const lang = this.lang;
    // Read-only people get no writer: every act shows as unavailable, with why.
    const ctx = this.ctx?.access === 'view' ? null : this.ctx;
    const focus = this.place;
    const subject = focus && (SIGNOFF_KINDS as readonly string[]).includes(focus.kind) ? (focus as SignoffSubject) : null;
    return html`
      ${state?.status === 'failed' ? html`<p class="alert error failed" role="alert">${t(lang, 'review.failed', { message: problemText(state.error, lang) })}</p>` : nothing}
      ${review
        ? html`
            <ctg-convention-status .review=${review} .ctx=${ctx} .blockingErrors=${this.blockingErrors} lang=${lang}></ctg-convention-status>
            <section class="part" aria-labelledby="part-title">
              <h2 id="part-title">${t(lang, 'review.part')}</h2>
              ${subject
                ? html`<ctg-signoff .review=${review} .subject=${subject} .ctx=${ctx} lang=${lang}></ctg-signoff>`
                : html`<p class="hint">${t(lang, focus ? 'review.notSigned' : 'review.choose')}</p>`}
            </section>
            <ctg-threads .snapshot=${review.snapshot} .ydoc=${this.ctx?.model.ydoc ?? null} .ctx=${ctx} .place=${focus} .reader=${this.reader}
              .storage=${this.storage} lang=${lang} @ctg-select=${this.forward} @ctg-seen=${this.forward}></ctg-threads>
            <ctg-signoff-list .review=${review} .current=${focus} lang=${lang} @ctg-select=${this.forward}></ctg-signoff-list>
          `
        : nothing}
    `;
  }

  /** Children's events are the pane's: passed on from this element. */
  private readonly forward = (event: CustomEvent<SelectDetail | Record<string, never>>): void => {
    this.dispatchEvent(inward(event.type, event.detail));
  };

  static override styles = [
    theme,
    css`
      .failed { margin: 12px 16px 0; }
      .part { padding: 12px 16px; border-top: 1px solid var(--ctg-border); }
    `,
  ];
}

if (!customElements.get('ctg-review')) customElements.define('ctg-review', CtgReview);

declare global {
  interface HTMLElementTagNameMap {
    'ctg-review': CtgReview;
  }
  interface HTMLElementEventMap {
    'ctg-seen': CustomEvent<Record<string, never>>;
  }
}
