// <ctg-threads>: the discussions — news that mention the person's party, the threads of the chosen part with a box
// to start one (quoting a passage of an article), and every open thread of the convention, one click from its part.
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type * as Y from 'yjs';
import type { ConventionSnapshot, ReviewContext, Thread } from '../../shared/index.ts';
import { passageNow, startThread, THREAD_KINDS, type ThreadKind } from '../../shared/review/threads.ts';
import { type Lang, t, tn } from '../i18n.ts';
import { inward, type SelectDetail } from './events.ts';
import { markMentionsSeen, type Mention, type Reader, unseenMentions } from './mentions.ts';
import { excerpt, type Part, partLabel, problemText } from './review-format.ts';
import { memoryStorage, type PaneStorage } from './storage.ts';
import { theme } from './theme.ts';
import './ctg-thread.ts';

export class CtgThreads extends LitElement {
  static override properties = {
    snapshot: { attribute: false },
    ydoc: { attribute: false },
    ctx: { attribute: false },
    place: { attribute: false },
    reader: { attribute: false },
    storage: { attribute: false },
    lang: {},
    draft: { state: true },
    quote: { state: true },
    error: { state: true },
  };

  declare snapshot: ConventionSnapshot | null;
  /** The document, to find where quoted passages are now. */
  declare ydoc: Y.Doc | null;
  /** How to write; null for a read-only participant. */
  declare ctx: ReviewContext | null;
  /** The part the person is on. */
  declare place: Part | null;
  declare reader: Reader | null;
  declare storage: PaneStorage;
  declare lang: Lang;
  declare draft: string;
  declare quote: string;
  declare error: string | null;

  constructor() {
    super();
    this.snapshot = null;
    this.ydoc = null;
    this.ctx = null;
    this.place = null;
    this.reader = null;
    this.storage = memoryStorage();
    this.lang = 'fr';
    this.draft = '';
    this.quote = '';
    this.error = null;
  }

  /** A message being written, a quote, a refusal shown for one part are not carried over to the next one. */
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('place')) return;
    const before = changed.get('place') as Part | null | undefined;
    if (before?.kind !== this.place?.kind || before?.id !== this.place?.id) {
      this.draft = '';
      this.quote = '';
      this.error = null;
    }
  }

  override render() {
    const lang = this.lang;
    const threads = this.snapshot?.threads ?? [];
    const open = threads.filter((th) => !th.resolved && th.attached);
    return html`
      <section aria-labelledby="threads-title">
        <h2 id="threads-title">${t(lang, 'threads.title')}</h2>
        ${this.renderMentions()}
        ${this.renderFocus(threads)}
        <h3>${t(lang, 'threads.allOpen', { n: open.length })}</h3>
        ${open.length === 0
          ? html`<p class="hint">${t(lang, 'threads.noneOpen')}</p>`
          : html`<ul class="open">
              ${open.map(
                (th) => html`<li>
                  <button type="button" class="item" data-thread=${th.id} @click=${() => this.go(th)}>
                    <span class="where">${partLabel(this.snapshot, th.anchor, lang)}</span>
                    <span class="excerpt">${th.comments[0]?.text ?? ''}</span>
                    <span class="count">${tn(lang, 'threads.messages', th.comments.length)}</span>
                  </button>
                </li>`,
              )}
            </ul>`}
      </section>
    `;
  }

  private renderMentions() {
    const lang = this.lang;
    const news = this.reader ? unseenMentions(this.snapshot, this.reader, this.storage) : [];
    if (news.length === 0) return nothing;
    return html`<div class="alert info mentions" role="status">
      <p><strong>${tn(lang, 'threads.mentions', news.length)}</strong></p>
      <ul>
        ${news.map(
          (m) => html`<li>
            <button type="button" class="link" data-comment=${m.comment.id} @click=${() => this.openMention(m)}>
              ${partLabel(this.snapshot, m.thread.anchor, lang)} — ${m.comment.author} : « ${excerpt(m.comment.text, 80)} »
            </button>
          </li>`,
        )}
      </ul>
      <button type="button" class="link" data-act="seen-all" @click=${() => this.markSeen(news)}>${t(lang, 'threads.markSeen')}</button>
    </div>`;
  }

  private renderFocus(threads: readonly Thread[]) {
    const lang = this.lang;
    const focus = this.place;
    if (!focus || !(THREAD_KINDS as readonly string[]).includes(focus.kind)) return html`<p class="hint">${t(lang, 'threads.choose')}</p>`;
    const here = threads
      .filter((th) => th.anchor.kind === focus.kind && th.anchor.id === focus.id)
      .sort((a, b) => Number(a.resolved) - Number(b.resolved));
    return html`
      <h3>${t(lang, 'threads.on', { part: partLabel(this.snapshot, focus, lang) })}</h3>
      ${here.length === 0 ? html`<p class="hint">${t(lang, 'threads.none')}</p>` : nothing}
      ${repeat(
        here,
        (th) => th.id,
        (th) => html`<ctg-thread .thread=${th} .snapshot=${this.snapshot} .passage=${this.ydoc ? passageNow(this.ydoc, th) : null} .ctx=${this.ctx} lang=${lang}></ctg-thread>`,
      )}
      ${this.ctx ? this.renderNew(focus) : html`<p class="hint">${t(lang, 'threads.readonly')}</p>`}
    `;
  }

  private renderNew(focus: Part) {
    const lang = this.lang;
    return html`<form class="new" @submit=${this.start}>
      <label for="thread-new">${t(lang, 'threads.newLabel')}<span class="hint">${t(lang, 'threads.newHint')}</span></label>
      <textarea id="thread-new" rows="3" .value=${this.draft} @input=${(e: Event) => { this.draft = (e.target as HTMLTextAreaElement).value; }}></textarea>
      ${focus.kind === 'article'
        ? html`<label for="thread-quote">${t(lang, 'threads.quoteLabel')}<span class="hint">${t(lang, 'threads.quoteHint')}</span></label>
            <input id="thread-quote" type="text" .value=${this.quote} @input=${(e: Event) => { this.quote = (e.target as HTMLInputElement).value; }} />`
        : nothing}
      ${this.error ? html`<p class="alert error" role="alert">${this.error}</p>` : nothing}
      <button class="primary" type="submit">${t(lang, 'threads.start')}</button>
    </form>`;
  }

  private start(event: Event): void {
    event.preventDefault();
    const focus = this.place;
    if (!this.ctx || !focus) return;
    const kind = focus.kind as ThreadKind;
    try {
      const quote = kind === 'article' ? this.quote.trim() : '';
      let range: { from: number; to: number } | undefined;
      if (quote) {
        const from = this.ctx.model.read('article', focus.id).body.indexOf(quote);
        if (from < 0) throw new Error(t(this.lang, 'threads.quoteMissing'));
        range = { from, to: from + quote.length };
      }
      startThread(this.ctx, range ? { kind, id: focus.id, field: 'body', range } : { kind, id: focus.id }, this.draft);
      this.draft = '';
      this.quote = '';
      this.error = null;
    } catch (error) {
      this.error = problemText(error, this.lang);
    }
  }

  private openMention(mention: Mention): void {
    this.markSeen([mention]);
    this.go(mention.thread);
  }

  private markSeen(mentions: readonly Mention[]): void {
    if (!this.reader) return;
    markMentionsSeen(this.storage, this.reader, mentions.map((m) => m.comment.id));
    this.requestUpdate();
    this.dispatchEvent(inward('ctg-seen', {}));
  }

  private go(thread: Thread): void {
    const { kind, id } = thread.anchor;
    this.dispatchEvent(inward<SelectDetail>('ctg-select', { kind, id }));
  }

  static override styles = [
    theme,
    css`
      section { padding: 12px 16px; border-top: 1px solid var(--ctg-border); }
      h3 { margin-top: 12px; }
      ul { list-style: none; margin: 0; padding: 0; }
      .mentions ul { margin: 4px 0 6px; }
      .mentions li { margin-bottom: 4px; }
      .mentions .link { text-align: left; }
      .item { display: grid; gap: 2px; width: 100%; padding: 6px 8px; margin-bottom: 4px; border: 1px solid var(--ctg-border); border-radius: 4px; background: #fff; text-align: left; color: var(--ctg-text); }
      .item:hover { background: var(--ctg-surface); }
      .where { font-weight: 600; }
      .excerpt { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; color: var(--ctg-muted); }
      .count { font-size: 12px; color: var(--ctg-muted); }
      textarea { display: block; width: 100%; font: inherit; padding: 6px 8px; margin-bottom: 10px; border: 1px solid var(--ctg-border); border-radius: 4px; resize: vertical; }
      .new input { margin-bottom: 10px; }
    `,
  ];
}

if (!customElements.get('ctg-threads')) customElements.define('ctg-threads', CtgThreads);

declare global {
  interface HTMLElementTagNameMap {
    'ctg-threads': CtgThreads;
  }
}
