// <ctg-signoff-list>: every article and fiche action with its sign-off stage and its open discussions; a click goes
// to the part (in the document and in the review panel).
import { css, html, LitElement, nothing } from 'lit';
import { type Review, STAGE_LABELS, type SignoffSubject } from '../../shared/index.ts';
import { openThreadCounts } from '../../shared/review/threads.ts';
import { type Lang, pick, t, tn } from '../i18n.ts';
import { inward, type SelectDetail } from './events.ts';
import type { Part } from './review-format.ts';
import { theme } from './theme.ts';

interface Row {
  subject: SignoffSubject;
  code: string;
  title: string;
}

export class CtgSignoffList extends LitElement {
  static override properties = {
    review: { attribute: false },
    current: { attribute: false },
    lang: {},
  };

  declare review: Review | null;
  declare current: Part | null;
  declare lang: Lang;

  constructor() {
    super();
    this.review = null;
    this.current = null;
    this.lang = 'fr';
  }

  override render() {
    const review = this.review;
    if (!review) return nothing;
    const lang = this.lang;
    const s = review.snapshot;
    const articles: Row[] = s.articles.map((a) => ({ subject: { kind: 'article', id: a.id }, code: t(lang, 'where.article', { n: a.number }), title: a.title }));
    const actions: Row[] = s.axes.flatMap((axis) =>
      axis.objectives.flatMap((o) => o.actions.map((a) => ({ subject: { kind: 'action' as const, id: a.id }, code: a.code, title: a.title }))),
    );
    const counts = openThreadCounts(s);
    return html`
      <section aria-labelledby="overview-title">
        <h2 id="overview-title">${t(lang, 'overview.title')}</h2>
        <h3>${t(lang, 'overview.articles')}</h3>
        ${this.list(review, articles, counts)}
        <h3>${t(lang, 'overview.actions')}</h3>
        ${this.list(review, actions, counts)}
      </section>
    `;
  }

  private list(review: Review, rows: Row[], counts: Map<string, number>) {
    const lang = this.lang;
    if (rows.length === 0) return html`<p class="hint">${t(lang, 'overview.empty')}</p>`;
    return html`<ul>
      ${rows.map(({ subject, code, title }) => {
        const stage = review.signoff(subject).stage;
        const open = counts.get(`${subject.kind}:${subject.id}`) ?? 0;
        const here = this.current?.kind === subject.kind && this.current.id === subject.id;
        return html`<li>
          <button type="button" class="item" data-kind=${subject.kind} data-id=${subject.id} data-stage=${stage} aria-current=${here ? 'location' : 'false'}
            @click=${() => this.dispatchEvent(inward<SelectDetail>('ctg-select', subject))}>
            <span class="code">${code}</span>
            <span class="title">${title.trim() || t(lang, 'nav.untitled')}</span>
            ${open > 0 ? html`<span class="threads" title=${tn(lang, 'overview.openThreads', open)}><span aria-hidden="true">💬 ${open}</span><span class="visually-hidden">${tn(lang, 'overview.openThreads', open)}</span></span>` : nothing}
            <span class="badge stage-${stage}">${pick(lang, STAGE_LABELS[stage])}</span>
          </button>
        </li>`;
      })}
    </ul>`;
  }

  static override styles = [
    theme,
    css`
      section { padding: 12px 16px; border-top: 1px solid var(--ctg-border); }
      h3 { margin-top: 10px; color: var(--ctg-muted); font-size: 13px; }
      ul { list-style: none; margin: 0; padding: 0; }
      .item { display: flex; align-items: baseline; gap: 8px; width: 100%; padding: 4px 6px; border: 0; border-radius: 4px; background: none; text-align: left; color: var(--ctg-text); }
      .item:hover { background: var(--ctg-surface); }
      .item[aria-current='location'] { background: var(--ctg-blue-light); box-shadow: inset 3px 0 0 var(--ctg-blue); }
      .code { flex: none; color: var(--ctg-blue); font-weight: 700; }
      .title { flex: 1 1 auto; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
      .threads { flex: none; font-size: 12px; color: var(--ctg-muted); }
      .badge { flex: none; padding: 0 8px; border-radius: 10px; font-size: 12px; font-weight: 700; }
      .stage-brouillon { background: var(--ctg-surface); }
      .stage-propose { background: var(--ctg-warning-bg); color: var(--ctg-warning); }
      .stage-valide { background: var(--ctg-success-bg); color: var(--ctg-success); }
    `,
  ];
}

if (!customElements.get('ctg-signoff-list')) customElements.define('ctg-signoff-list', CtgSignoffList);

declare global {
  interface HTMLElementTagNameMap {
    'ctg-signoff-list': CtgSignoffList;
  }
}
