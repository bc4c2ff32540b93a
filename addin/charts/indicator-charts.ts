// The view's row of indicator charts: one <ctg-indicator-chart> per indicator, its data as a JSON attribute, so the
// browser host can build and morph it like the rest of its page (the element is registered by the pane's bundle).
import type { ConventionSnapshot } from '../../shared/index.ts';
import { chartData } from './chart-geometry.ts';

const GRID = 'display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:16px 24px;margin-top:16px';

export function indicatorCharts(snapshot: ConventionSnapshot): HTMLElement {
  const grid = document.createElement('div');
  grid.className = 'ctg-charts';
  grid.setAttribute('data-key', 'charts');
  grid.setAttribute('style', GRID);
  for (const indicator of snapshot.axes.flatMap((a) => a.objectives.flatMap((o) => o.indicators))) {
    const chart = document.createElement('ctg-indicator-chart');
    chart.setAttribute('data-key', `chart-${indicator.id}`);
    chart.setAttribute('data-chart', `indicator:${indicator.id}`);
    chart.setAttribute('lang', 'fr');
    chart.setAttribute('data', JSON.stringify(chartData(indicator)));
    grid.append(chart);
  }
  return grid;
}
