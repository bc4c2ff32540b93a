// <ctg-indicator-chart>: one indicator as an accessible inline SVG — baseline, yearly values, target and the
// planned trajectory — with a sentence and a values table for screen readers. Set `indicator` (the pane) or the
// `data` attribute with ChartData as JSON (the view, whose page is built from plain attributes).
import { css, html, LitElement, nothing, svg } from 'lit';
import type { Indicator } from '../../shared/index.ts';
import { type Lang, t } from '../i18n.ts';
import { type ChartData, type ChartGeometry, chartData, chartGeometry } from '../charts/chart-geometry.ts';
import { theme } from './theme.ts';

let nextId = 0;

export class CtgIndicatorChart extends LitElement {
  static override properties = {
    indicator: { attribute: false },
    data: { attribute: 'data', converter: { fromAttribute: parseData } },
    lang: {},
  };

  declare indicator: Indicator | null;
  declare data: ChartData | null;
  declare lang: Lang;
  private readonly uid = `chart-${++nextId}`;

  constructor() {
    super();
    this.indicator = null;
    this.data = null;
    this.lang = 'fr';
  }

  override render() {
    const data = this.indicator ? chartData(this.indicator) : this.data;
    if (!data) return nothing;
    const lang = this.lang === 'en' ? 'en' : 'fr';
    const g = chartGeometry(data);
    const number = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 2 });
    const show = (value: number) => `${number.format(value)}${data.unit ? ` ${data.unit}` : ''}`;
    const summary = describe(data, g, lang, show);
    return html`
      <figure aria-labelledby="${this.uid}-caption">
        <figcaption id="${this.uid}-caption">${data.label}${data.unit ? html` <span class="unit">(${data.unit})</span>` : nothing}
          <span class="direction" title=${t(lang, `chart.${data.direction}`)}><span aria-hidden="true">${data.direction === 'up' ? '↗' : '↘'}</span><span class="visually-hidden">${t(lang, `chart.${data.direction}`)}</span></span></figcaption>
        ${g ? this.plot(g, lang, show) : html`<p class="hint">${t(lang, 'chart.empty')}</p>`}
        <p class="summary">${summary}</p>
        <table class="visually-hidden">
          <caption>${t(lang, 'chart.table', { label: data.label })}</caption>
          <thead><tr><th scope="col">${t(lang, 'chart.year')}</th><th scope="col">${t(lang, 'chart.kind')}</th><th scope="col">${t(lang, 'chart.value')}</th></tr></thead>
          <tbody>
            ${rows(data).map((r) => html`<tr><td>${r.year}</td><td>${t(lang, `chart.${r.kind}`)}</td><td>${show(r.value)}</td></tr>`)}
          </tbody>
        </table>
      </figure>
    `;
  }

  private plot(g: ChartGeometry, lang: Lang, show: (v: number) => string) {
    const { width, height, margin } = g.box;
    const number = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1, notation: 'compact' });
    // The picture is read as the summary sentence and the values table beside it: not a third time.
    return html`<svg viewBox="0 0 ${width} ${height}" aria-hidden="true" focusable="false" preserveAspectRatio="xMidYMid meet">
      ${g.yTicks.map((tick) => svg`<line class="grid" x1=${margin.left} x2=${width - margin.right} y1=${tick.y} y2=${tick.y}></line>
        <text class="tick" x=${margin.left - 6} y=${tick.y + 4} text-anchor="end">${number.format(tick.value)}</text>`)}
      ${g.xTicks.map((tick) => svg`<text class="tick" x=${tick.x} y=${height - 8} text-anchor="middle">${tick.year}</text>`)}
      ${g.trajectory ? svg`<path class="trajectory" d=${g.trajectory}></path>` : nothing}
      ${g.target ? svg`<line class="target-line" x1=${margin.left} x2=${width - margin.right} y1=${g.target.y} y2=${g.target.y}></line>` : nothing}
      ${g.measured ? svg`<path class="measured" d=${g.measured}></path>` : nothing}
      ${g.baseline ? svg`<circle class="baseline" cx=${g.baseline.x} cy=${g.baseline.y} r="4"><title>${t(lang, 'chart.baseline')} ${g.baseline.year} : ${show(g.baseline.value)}</title></circle>` : nothing}
      ${g.values.map((p) => svg`<circle class="value" cx=${p.x} cy=${p.y} r="3.5"><title>${p.year} : ${show(p.value)}</title></circle>`)}
      ${g.target ? svg`<path class="target ${g.reached ? 'reached' : ''}" d="M${g.target.x},${g.target.y - 6} l6,6 l-6,6 l-6,-6 z"><title>${t(lang, 'chart.target')} ${g.target.year} : ${show(g.target.value)}</title></path>` : nothing}
    </svg>
    <p class="legend" aria-hidden="true">
      <span><i class="key baseline"></i>${t(lang, 'chart.baseline')}</span>
      <span><i class="key value"></i>${t(lang, 'chart.values')}</span>
      <span><i class="key target"></i>${t(lang, 'chart.target')}</span>
    </p>`;
  }

  static override styles = [
    theme,
    css`
      :host { display: block; font-size: 13px; }
      figure { margin: 0 0 12px; }
      figcaption { font-weight: 600; margin-bottom: 4px; }
      .unit { font-weight: 400; color: var(--ctg-muted); }
      svg { display: block; width: 100%; max-width: 420px; height: auto; overflow: visible; }
      .grid { stroke: #e5e5e5; stroke-width: 1; }
      .tick { font-size: 10px; fill: var(--ctg-muted); }
      .trajectory { fill: none; stroke: #999; stroke-width: 1.5; stroke-dasharray: 4 3; }
      .target-line { stroke: var(--ctg-success); stroke-width: 1; stroke-dasharray: 2 3; }
      .measured { fill: none; stroke: var(--ctg-blue); stroke-width: 2; }
      .baseline { fill: #fff; stroke: var(--ctg-blue); stroke-width: 2; }
      .value { fill: var(--ctg-blue); }
      .target { fill: #fff; stroke: var(--ctg-success); stroke-width: 2; }
      .target.reached { fill: var(--ctg-success); }
      .direction { font-weight: 400; color: var(--ctg-muted); }
      .legend { display: flex; gap: 12px; flex-wrap: wrap; color: var(--ctg-muted); font-size: 12px; margin: 4px 0; }
      .key { display: inline-block; width: 10px; height: 10px; margin-right: 4px; vertical-align: middle; border-radius: 50%; }
      .key.baseline { border: 2px solid var(--ctg-blue); }
      .key.value { background: var(--ctg-blue); }
      .key.target { border: 2px solid var(--ctg-success); border-radius: 0; transform: rotate(45deg) scale(0.8); }
      .summary { color: var(--ctg-muted); margin: 0; }
    `,
  ];
}

/** The chart in one sentence: baseline, latest value, target, and whether it is reached. */
function describe(data: ChartData, g: ChartGeometry | null, lang: Lang, show: (v: number) => string): string {
  const parts: string[] = [];
  if (data.baseline) parts.push(t(lang, 'chart.says.baseline', { year: data.baseline.year, value: show(data.baseline.value) }));
  const latest = data.values.at(-1);
  if (latest) parts.push(t(lang, 'chart.says.latest', { year: latest.year, value: show(latest.value) }));
  if (data.target) parts.push(t(lang, 'chart.says.target', { year: data.target.year, value: show(data.target.value) }));
  if (g?.reached === true) parts.push(t(lang, 'chart.says.reached'));
  return parts.length ? `${parts.join(' ; ')}.` : t(lang, 'chart.empty');
}

function rows(data: ChartData): Array<{ year: number; kind: 'baseline' | 'values' | 'target'; value: number }> {
  return [
    ...(data.baseline ? [{ ...data.baseline, kind: 'baseline' as const }] : []),
    ...data.values.map((p) => ({ ...p, kind: 'values' as const })),
    ...(data.target ? [{ ...data.target, kind: 'target' as const }] : []),
  ];
}

function parseData(value: string | null): ChartData | null {
  if (!value) return null;
  try {
    const data = JSON.parse(value) as ChartData;
    return typeof data === 'object' && data !== null && Array.isArray(data.values) ? data : null;
  } catch {
    return null;
  }
}

if (!customElements.get('ctg-indicator-chart')) customElements.define('ctg-indicator-chart', CtgIndicatorChart);

declare global {
  interface HTMLElementTagNameMap {
    'ctg-indicator-chart': CtgIndicatorChart;
  }
}
