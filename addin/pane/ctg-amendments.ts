// <ctg-amendments>: the avenants of a signed convention, each with its own sign-off, and the form to open the next
// one — its purpose and the parts it changes (those parts open for editing until every signatory validated it).
import { css, html, LitElement, nothing } from 'lit';
import { openAmendment, type Review, type ReviewContext } from '../../shared/index.ts';
import { type Lang, t } from '../i18n.ts';
import { amendmentVersion } from './amendment-version.ts';
import { problemText } from './review-format.ts';
import { theme } from './theme.ts';
import './ctg-signoff.ts';

export class CtgAmendments extends LitElement {
  static override properties = {
    review: { attribute: false },
    ctx: { attribute: false },
    lang: {},
    purpose: { state: true },
    affected: { state: true },
    error: { state: true },
  };

  declare review: Review | null;
  declare ctx: ReviewContext | null;
  declare lang: Lang;
  declare purpose: string;
  declare affected: readonly string[];
  declare error: string | null;

  constructor() {
    super();
    this.review = null;
    this.ctx = null;
    this.lang = 'fr';
    this.purpose = '';
    this.affected = [];
    this.error = null;
  }

  override render() {
    const review = this.review;
    if (!review) return nothing;
    const lang = this.lang;
    const amendments = [...review.snapshot.amendments].sort((a, b) => a.number - b.number);
    return html`
      <h3>${t(lang, 'amendments.title')}</h3>
      ${amendments.length === 0 ? html`<p class="hint">${t(lang, 'amendments.none')}</p>` : nothing}
      ${amendments.map(
        (a) => html`<div class="amendment" data-id=${a.id}>
          <p class="purpose">${a.purpose}</p>
          <p class="hint">${t(lang, 'amendments.affected', { parts: a.affected.join(', ') || '—' })}</p>
          <p class="hint version">${t(lang, 'amendments.version', { name: amendmentVersion(a.number) })}</p>
          <ctg-signoff .review=${review} .subject=${{ kind: 'amendment', id: a.id }} .ctx=${this.ctx} lang=${lang}></ctg-signoff>
        </div>`,
      )}
      ${this.ctx?.access === 'edit' ? this.renderForm(review) : nothing}
    `;
  }

  private renderForm(review: Review) {
    const lang = this.lang;
    const s = review.snapshot;
    const parts = [
      ...s.articles.map((a) => ({ ref: `article:${a.number}`, label: `${t(lang, 'where.article', { n: a.number })} – ${a.title}` })),
      ...s.axes.flatMap((x) => x.objectives.flatMap((o) => o.actions.map((a) => ({ ref: `action:${a.code}`, label: `${t(lang, 'where.action', { n: a.code })} – ${a.title}` })))),
    ];
    return html`<form class="open" @submit=${this.open}>
      <h4>${t(lang, 'amendments.open')}</h4>
      <div class="field">
        <label for="amendment-purpose">${t(lang, 'amendments.purpose')}</label>
        <input id="amendment-purpose" type="text" .value=${this.purpose} @input=${(e: Event) => { this.purpose = (e.target as HTMLInputElement).value; }} />
      </div>
      <fieldset>
        <legend>${t(lang, 'amendments.parts')}</legend>
        <div class="parts">
          ${parts.map(
            (p) => html`<label class="part"><input type="checkbox" name="affected" value=${p.ref} .checked=${this.affected.includes(p.ref)}
              @change=${(e: Event) => this.toggle(p.ref, (e.target as HTMLInputElement).checked)} /> ${p.label}</label>`,
          )}
        </div>
      </fieldset>
      ${this.error ? html`<p class="alert error" role="alert">${this.error}</p>` : nothing}
      <button class="primary" type="submit">${t(lang, 'amendments.submit')}</button>
    </form>`;
  }

  private toggle(ref: string, on: boolean): void {
    this.affected = on ? [...this.affected.filter((r) => r !== ref), ref] : this.affected.filter((r) => r !== ref);
  }

  private open(event: Event): void {
    event.preventDefault();
    if (!this.ctx) return;
    try {
      openAmendment(this.ctx, this.purpose, this.affected);
      this.purpose = '';
      this.affected = [];
      this.error = null;
    } catch (error) {
      this.error = problemText(error, this.lang);
    }
  }

  static override styles = [
    theme,
    css`
      h4 { margin: 12px 0 6px; }
      .amendment { border: 1px solid var(--ctg-border); border-radius: 4px; padding: 8px 10px; margin-bottom: 10px; }
      .purpose { font-weight: 600; margin-bottom: 2px; }
      fieldset { border: 0; margin: 0 0 10px; padding: 0; }
      legend { font-weight: 500; margin-bottom: 4px; padding: 0; }
      .parts { max-height: 180px; overflow: auto; border: 1px solid var(--ctg-border); border-radius: 4px; padding: 4px 8px; }
      .part { display: flex; gap: 6px; align-items: baseline; font-weight: 400; margin: 0; padding: 2px 0; }
      .part input { width: auto; min-height: 0; }
    `,
  ];
}

if (!customElements.get('ctg-amendments')) customElements.define('ctg-amendments', CtgAmendments);

declare global {
  interface HTMLElementTagNameMap {
    'ctg-amendments': CtgAmendments;
  }
}
