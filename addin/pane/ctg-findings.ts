// <ctg-findings>: the validation panel — errors, then warnings, each one a link to its place in the document.
import { css, html, LitElement, nothing } from 'lit';
import type { Finding } from '../../shared/index.ts';
import { type Lang, pick, t, tn } from '../i18n.ts';
import { inward, type SelectDetail } from './events.ts';
import { theme } from './theme.ts';

export class CtgFindings extends LitElement {
  static override properties = {
    findings: { attribute: false },
    failure: {},
    lang: {},
  };

  declare findings: readonly Finding[];
  /** Set when checking failed: the reason, shown instead of a misleading « nothing to fix ». */
  declare failure: string | null;
  declare lang: Lang;

  constructor() {
    super();
    this.findings = [];
    this.failure = null;
    this.lang = 'fr';
  }

  override render() {
    const lang = this.lang;
    if (this.failure) return html`<section><p class="alert error" role="alert">${t(lang, 'findings.failed', { message: this.failure })}</p></section>`;
    const errors = this.findings.filter((f) => f.severity === 'error');
    const warnings = this.findings.filter((f) => f.severity === 'warning');
    if (errors.length + warnings.length === 0)
      return html`<section><p class="alert success" role="status">${t(lang, 'findings.none')}</p></section>`;
    return html`
      <section>
        <p class="summary" role="status">${tn(lang, 'findings.errors', errors.length)} · ${tn(lang, 'findings.warnings', warnings.length)}</p>
        ${this.group('error', t(lang, 'findings.errorsTitle'), errors)}
        ${this.group('warning', t(lang, 'findings.warningsTitle'), warnings)}
      </section>
    `;
  }

  private group(severity: 'error' | 'warning', title: string, list: Finding[]) {
    if (list.length === 0) return nothing;
    return html`
      <h2 class=${severity}>${title}</h2>
      <ul>
        ${list.map(
          (f) => html`
            <li class=${severity}>
              <button type="button" data-rule=${f.rule} data-kind=${f.entity.kind} data-id=${f.entity.id} title=${t(this.lang, 'findings.go')} @click=${() => this.go(f)}>
                <span class="visually-hidden">${t(this.lang, `severity.${severity}`)} :</span>
                ${pick(this.lang, f.message)}
              </button>
            </li>
          `,
        )}
      </ul>
    `;
  }

  private go(finding: Finding): void {
    this.dispatchEvent(inward<SelectDetail>('ctg-select', { kind: finding.entity.kind, id: finding.entity.id }));
  }

  static override styles = [
    theme,
    css`
      section { padding: 12px 16px; }
      .summary { color: var(--ctg-muted); }
      h2 { margin-top: 12px; }
      h2.error { color: var(--ctg-error); }
      h2.warning { color: var(--ctg-warning); }
      ul { list-style: none; margin: 0; padding: 0; }
      li { margin: 0 0 6px; }
      li button {
        display: block;
        width: 100%;
        padding: 8px 10px;
        border: 0;
        border-left: 4px solid;
        border-radius: 0 4px 4px 0;
        text-align: left;
        color: var(--ctg-text);
        line-height: 1.4;
      }
      li.error button { border-color: var(--ctg-error); background: var(--ctg-error-bg); }
      li.warning button { border-color: var(--ctg-warning); background: var(--ctg-warning-bg); }
      li button:hover { text-decoration: underline; }
    `,
  ];
}

if (!customElements.get('ctg-findings')) customElements.define('ctg-findings', CtgFindings);

declare global {
  interface HTMLElementTagNameMap {
    'ctg-findings': CtgFindings;
  }
}
