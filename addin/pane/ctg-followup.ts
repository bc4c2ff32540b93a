// <ctg-followup>: the Suivi tab — the charts of the indicators where the person is (an indicator, an objective or
// an action's objective; any indicator can be picked), then the annual review of the actions.
import { css, html, LitElement, nothing } from 'lit';
import type { ConventionSnapshot, Indicator } from '../../shared/index.ts';
import { type Lang, t } from '../i18n.ts';
import type { PaneSession } from './session-port.ts';
import { theme } from './theme.ts';
import { parseWhere } from './where.ts';
import './ctg-annual-review.ts';
import './ctg-indicator-chart.ts';

export class CtgFollowup extends LitElement {
  static override properties = {
    session: { attribute: false },
    snapshot: { attribute: false },
    current: {},
    today: {},
    lang: {},
    picked: { state: true },
  };

  declare session: PaneSession | null;
  declare snapshot: ConventionSnapshot | null;
  /** Where the person is (`<kind>:<id>`): its indicators are charted. */
  declare current: string | null;
  declare today: string;
  declare lang: Lang;
  /** An indicator picked in the list (overrides `current` until cleared). */
  declare picked: string;

  constructor() {
    super();
    this.session = null;
    this.snapshot = null;
    this.current = null;
    this.today = new Date().toISOString().slice(0, 10);
    this.lang = 'fr';
    this.picked = '';
  }

  override render() {
    const lang = this.lang;
    const snapshot = this.snapshot;
    if (!snapshot) return nothing;
    const all = snapshot.axes.flatMap((a) => a.objectives.flatMap((o) => o.indicators.map((i) => ({ objective: o.number, indicator: i }))));
    const shown = this.picked ? all.filter((x) => x.indicator.id === this.picked).map((x) => x.indicator) : indicatorsAt(snapshot, this.current);
    return html`
      <section aria-labelledby="charts-title">
        <h2 id="charts-title">${t(lang, 'followup.charts')}</h2>
        <label for="pick-indicator">${t(lang, 'followup.pick')}</label>
        <select id="pick-indicator" @change=${(e: Event) => { this.picked = (e.target as HTMLSelectElement).value; }}>
          <option value="" ?selected=${this.picked === ''}>${t(lang, 'followup.here')}</option>
          ${all.map((x) => html`<option value=${x.indicator.id} ?selected=${this.picked === x.indicator.id}>${x.objective} — ${x.indicator.label}</option>`)}
        </select>
        ${shown.length === 0
          ? html`<p class="hint">${t(lang, 'followup.none')}</p>`
          : shown.map((i) => html`<ctg-indicator-chart .indicator=${i} lang=${lang} data-indicator=${i.id}></ctg-indicator-chart>`)}
      </section>
      <ctg-annual-review .session=${this.session} .snapshot=${snapshot} today=${this.today} lang=${lang}></ctg-annual-review>
    `;
  }

  static override styles = [
    theme,
    css`
      section { padding: 12px 16px; border-bottom: 1px solid var(--ctg-border); }
      select { margin-bottom: 12px; }
    `,
  ];
}

/** The indicators of the place a person is in: an indicator itself, an objective's, an action's objective's. */
export function indicatorsAt(snapshot: ConventionSnapshot, where: string | null): Indicator[] {
  const place = where ? parseWhere(where) : null;
  if (!place) return [];
  for (const axis of snapshot.axes) {
    for (const objective of axis.objectives) {
      if (place.kind === 'objective' && objective.id === place.id) return objective.indicators;
      if (place.kind === 'action' && objective.actions.some((a) => a.id === place.id)) return objective.indicators;
      const indicator = objective.indicators.find((i) => i.id === place.id);
      if (place.kind === 'indicator' && indicator) return [indicator];
    }
    if (place.kind === 'axis' && axis.id === place.id) return axis.objectives.flatMap((o) => o.indicators);
  }
  return [];
}

if (!customElements.get('ctg-followup')) customElements.define('ctg-followup', CtgFollowup);

declare global {
  interface HTMLElementTagNameMap {
    'ctg-followup': CtgFollowup;
  }
}
