// <ctg-thread>: one discussion — its quoted passage, its messages (who, for which party, when), a reply box, and
// resolve / reopen. Writes go through the shared thread commands; a refusal shows beside the thread, text kept.
import { css, html, LitElement, nothing } from 'lit';
import type { ConventionSnapshot, ReviewContext, Thread } from '../../shared/index.ts';
import { replyToThread, setThreadResolved, threadAnchor } from '../../shared/review/threads.ts';
import { type Lang, t, tn } from '../i18n.ts';
import { ClockController } from './controllers/clock-controller.ts';
import { partyName } from './ctg-presence.ts';
import { fullTime, problemText, relativeTime } from './review-format.ts';
import { theme } from './theme.ts';

export class CtgThread extends LitElement {
  static override properties = {
    thread: { attribute: false },
    snapshot: { attribute: false },
    passage: { attribute: false },
    ctx: { attribute: false },
    lang: {},
    draft: { state: true },
    error: { state: true },
  };

  declare thread: Thread | null;
  declare snapshot: ConventionSnapshot | null;
  /** The quoted words where they are now (null: no passage, or it was deleted). */
  declare passage: { text: string } | null;
  /** How to write; null for a read-only participant. */
  declare ctx: ReviewContext | null;
  declare lang: Lang;
  declare draft: string;
  declare error: string | null;
  /** « il y a 5 minutes » moves on while the thread is shown. */
  private readonly clock = new ClockController(this);

  constructor() {
    super();
    this.thread = null;
    this.snapshot = null;
    this.passage = null;
    this.ctx = null;
    this.lang = 'fr';
    this.draft = '';
    this.error = null;
  }

  override render() {
    const thread = this.thread;
    if (!thread) return nothing;
    const lang = this.lang;
    const quote = threadAnchor(thread).range?.quote;
    const id = thread.id;
    return html`
      <article class=${thread.resolved ? 'resolved' : 'open'} data-thread=${id} aria-label=${tn(lang, 'threads.messages', thread.comments.length)}>
        <div class="head">
          <span class="state">${t(lang, thread.resolved ? 'threads.resolved' : 'threads.open')}</span>
          ${thread.attached ? nothing : html`<span class="state">${t(lang, 'threads.detached')}</span>`}
        </div>
        ${quote !== undefined
          ? html`<blockquote>« ${this.passage?.text ?? quote} »${this.passage ? nothing : html` <span class="hint">${t(lang, 'threads.quoteGone')}</span>`}</blockquote>`
          : nothing}
        <ol class="messages">
          ${thread.comments.map(
            (c) => html`<li>
              <p class="meta"><strong>${c.author}</strong> · ${partyName(this.snapshot, c.party)} · <time datetime=${c.at} title=${fullTime(c.at, lang)}>${relativeTime(c.at, lang, this.clock.now())}</time></p>
              <p class="text">${c.text}</p>
            </li>`,
          )}
        </ol>
        ${this.error ? html`<p class="alert error" role="alert">${this.error}</p>` : nothing}
        ${this.ctx ? this.renderActions(thread) : nothing}
      </article>
    `;
  }

  private renderActions(thread: Thread) {
    const lang = this.lang;
    const replyId = `reply-${thread.id}`;
    return html`
      ${thread.resolved
        ? nothing
        : html`<form class="reply" @submit=${this.reply}>
            <label class="visually-hidden" for=${replyId}>${t(lang, 'threads.replyLabel')}</label>
            <textarea id=${replyId} name="reply" rows="2" placeholder=${t(lang, 'threads.replyPlaceholder')} .value=${this.draft}
              @input=${(e: Event) => { this.draft = (e.target as HTMLTextAreaElement).value; }}></textarea>
            <button class="secondary" type="submit" data-act="reply">${t(lang, 'threads.reply')}</button>
          </form>`}
      <button class="link" type="button" data-act=${thread.resolved ? 'reopen' : 'resolve'} @click=${() => this.setResolved(!thread.resolved)}>
        ${t(lang, thread.resolved ? 'threads.reopen' : 'threads.resolve')}
      </button>
    `;
  }

  private reply(event: Event): void {
    event.preventDefault();
    if (!this.ctx || !this.thread) return;
    try {
      replyToThread(this.ctx, this.thread.id, this.draft);
      this.draft = '';
      this.error = null;
    } catch (error) {
      this.error = problemText(error, this.lang);
    }
  }

  private setResolved(resolved: boolean): void {
    if (!this.ctx || !this.thread) return;
    try {
      setThreadResolved(this.ctx, this.thread.id, resolved);
      this.error = null;
    } catch (error) {
      this.error = problemText(error, this.lang);
    }
  }

  static override styles = [
    theme,
    css`
      article { border: 1px solid var(--ctg-border); border-left: 4px solid var(--ctg-blue); border-radius: 0 4px 4px 0; padding: 8px 10px; margin: 0 0 10px; }
      article.resolved { border-left-color: var(--ctg-success); background: var(--ctg-surface); }
      .head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 8px; margin-bottom: 4px; }
      .state { font-size: 12px; color: var(--ctg-muted); text-transform: uppercase; letter-spacing: 0.03em; }
      blockquote { margin: 0 0 6px; padding: 2px 8px; border-left: 3px solid var(--ctg-border); color: var(--ctg-muted); font-style: italic; }
      ol { list-style: none; margin: 0; padding: 0; }
      li { margin: 0 0 6px; }
      .meta { margin: 0; font-size: 12px; color: var(--ctg-muted); }
      .meta strong { color: var(--ctg-text); }
      .text { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
      textarea { display: block; width: 100%; font: inherit; padding: 6px 8px; margin-bottom: 6px; border: 1px solid var(--ctg-border); border-radius: 4px; resize: vertical; }
      .reply { margin: 6px 0; }
    `,
  ];
}

if (!customElements.get('ctg-thread')) customElements.define('ctg-thread', CtgThread);

declare global {
  interface HTMLElementTagNameMap {
    'ctg-thread': CtgThread;
  }
}
