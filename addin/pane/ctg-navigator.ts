// <ctg-navigator>: the plan's structure — axes → objectives → actions, collapsible; a click goes there.
import { css, html, LitElement, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Action, Axis, ConventionSnapshot, Objective } from '../../shared/index.ts';
import { type Lang, t } from '../i18n.ts';
import { inward, type SelectDetail } from './events.ts';
import { theme } from './theme.ts';
import { whereOf } from './where.ts';

export class CtgNavigator extends LitElement {
  static override properties = {
    snapshot: { attribute: false },
    current: {},
    lang: {},
    canAdd: { type: Boolean },
    collapsed: { state: true },
  };

  declare snapshot: ConventionSnapshot | null;
  /** Where this person is (`action:<id>`…), highlighted. */
  declare current: string | null;
  declare lang: Lang;
  declare canAdd: boolean;
  declare collapsed: ReadonlySet<string>;

  constructor() {
    super();
    this.snapshot = null;
    this.current = null;
    this.lang = 'fr';
    this.canAdd = false;
    this.collapsed = new Set();
  }

  override render() {
    const axes = this.snapshot?.axes ?? [];
    return html`
      <nav aria-labelledby="nav-title">
        <h2 id="nav-title">${t(this.lang, 'nav.title')}</h2>
        ${axes.length === 0
          ? html`<p class="empty">${t(this.lang, 'nav.empty')} ${this.canAdd ? t(this.lang, 'nav.emptyEdit') : ''}</p>`
          : html`<ul class="level-0">${repeat(axes, (a) => a.id, (axis) => this.renderAxis(axis))}</ul>`}
      </nav>
    `;
  }

  private renderAxis(axis: Axis) {
    const name = t(this.lang, 'nav.axis', { n: axis.number });
    const children = axis.objectives.length
      ? html`<ul>${repeat(axis.objectives, (o) => o.id, (objective) => this.renderObjective(objective))}</ul>`
      : html`<p class="none">${t(this.lang, 'nav.noObjective')}</p>`;
    return this.node('axis', axis.id, name, axis.title, children);
  }

  private renderObjective(objective: Objective) {
    const children = objective.actions.length
      ? html`<ul>${repeat(objective.actions, (a) => a.id, (action) => this.renderAction(action))}</ul>`
      : html`<p class="none">${t(this.lang, 'nav.noAction')}</p>`;
    return this.node('objective', objective.id, objective.number, objective.title, children);
  }

  private renderAction(action: Action) {
    return html`<li>${this.item('action', action.id, action.code, action.title)}</li>`;
  }

  private node(kind: 'axis' | 'objective', id: string, code: string, title: string, children: unknown) {
    const open = !this.collapsed.has(id);
    const label = t(this.lang, open ? 'nav.collapse' : 'nav.expand', { name: code || title });
    return html`
      <li class=${kind}>
        <div class="row">
          <button class="toggle" type="button" aria-expanded=${open ? 'true' : 'false'} aria-controls="children-${id}" aria-label=${label} title=${label} @click=${() => this.toggle(id)}>
            <span aria-hidden="true">${open ? '▾' : '▸'}</span>
          </button>
          ${this.item(kind, id, code, title)}
        </div>
        <div id="children-${id}" ?hidden=${!open}>${children}</div>
      </li>
    `;
  }

  private item(kind: SelectDetail['kind'], id: string, code: string, title: string) {
    const here = this.current === whereOf(kind, id);
    return html`
      <button class="item" type="button" data-kind=${kind} data-id=${id} aria-current=${here ? 'location' : 'false'} @click=${() => this.dispatchEvent(inward<SelectDetail>('ctg-select', { kind, id }))}>
        ${code ? html`<span class="code">${code}</span>` : nothing}
        <span class="title">${title.trim() || t(this.lang, 'nav.untitled')}</span>
      </button>
    `;
  }

  private toggle(id: string): void {
    const next = new Set(this.collapsed);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.collapsed = next;
  }

  static override styles = [
    theme,
    css`
      nav { padding: 12px 16px; }
      ul { list-style: none; margin: 0; padding: 0 0 0 14px; }
      ul.level-0 { padding-left: 0; }
      .row { display: flex; align-items: flex-start; gap: 2px; }
      .toggle {
        flex: none;
        width: 24px;
        height: 28px;
        border: 0;
        background: none;
        color: var(--ctg-blue);
        font-size: 14px;
      }
      .item {
        display: flex;
        gap: 8px;
        width: 100%;
        min-height: 28px;
        padding: 3px 6px;
        border: 0;
        border-radius: 4px;
        background: none;
        text-align: left;
        color: var(--ctg-text);
      }
      li:not(.axis):not(.objective) > .item { margin-left: 26px; width: calc(100% - 26px); }
      .item:hover { background: var(--ctg-surface); }
      .item[aria-current='location'] { background: var(--ctg-blue-light); box-shadow: inset 3px 0 0 var(--ctg-blue); }
      .axis > .row .title { font-weight: 700; }
      .objective > .row .title { font-weight: 600; }
      .code { flex: none; color: var(--ctg-blue); font-weight: 700; font-variant-numeric: tabular-nums; }
      .title { min-width: 0; overflow-wrap: anywhere; }
      .none, .empty { color: var(--ctg-muted); font-size: 13px; margin: 2px 0 6px 32px; }
      .empty { margin-left: 0; }
    `,
  ];
}

if (!customElements.get('ctg-navigator')) customElements.define('ctg-navigator', CtgNavigator);

declare global {
  interface HTMLElementTagNameMap {
    'ctg-navigator': CtgNavigator;
  }
}
