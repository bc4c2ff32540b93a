// <ctg-export>: « Exporter » — one button per format (Word, Excel, PDF, JSON), an optional named version, and the
// progress of the download read from the response stream. Self-contained: give it the server, convention and token.
import { css, html, LitElement, nothing } from 'lit';
import { type Lang, type MessageKey, t } from '../i18n.ts';
import { type DownloadProgress, type Downloaded, fetchExport, saveFile } from './download.ts';
import { theme } from './theme.ts';

const FORMATS = ['docx', 'xlsx', 'pdf', 'json'] as const;
type Format = (typeof FORMATS)[number];

type State =
  | { kind: 'idle' }
  | { kind: 'pending'; format: Format; progress: DownloadProgress | null }
  | { kind: 'done'; name: string }
  | { kind: 'failed'; message: string };

export class CtgExport extends LitElement {
  static override properties = {
    server: {},
    conventionId: { attribute: 'convention-id' },
    token: {},
    lang: {},
    state: { state: true },
  };

  /** The Concerto server's base URL, e.g. `https://concerto.caf.fr` (empty: this page's origin). */
  declare server: string;
  declare conventionId: string;
  declare token: string;
  declare lang: Lang;
  declare state: State;
  /** Replaced in tests: fetching and saving the file. */
  fetcher: typeof fetch = (...args) => fetch(...args);
  save: (file: Downloaded) => void = saveFile;

  constructor() {
    super();
    this.server = '';
    this.conventionId = '';
    this.token = '';
    this.lang = 'fr';
    this.state = { kind: 'idle' };
  }

  override render() {
    const lang = this.lang;
    const busy = this.state.kind === 'pending';
    return html`
      <section aria-labelledby="export-title">
        <h2 id="export-title">${t(lang, 'export.title')}</h2>
        <p class="muted">${t(lang, 'export.intro')}</p>
        <label for="version">${t(lang, 'export.version')}</label>
        <input id="version" type="text" ?disabled=${busy} />
        <div class="buttons">
          ${FORMATS.map(
            (format) => html`<button type="button" class="secondary" data-format=${format} ?disabled=${busy} @click=${() => this.export(format)}>
              ${t(lang, `export.${format}` as MessageKey)}
            </button>`,
          )}
        </div>
        ${this.status()}
      </section>
    `;
  }

  private status() {
    const lang = this.lang;
    const s = this.state;
    switch (s.kind) {
      case 'idle':
        return nothing;
      case 'pending': {
        const p = s.progress;
        if (!p || p.received === 0)
          return html`<p role="status"><progress></progress> ${t(lang, 'export.preparing', { format: t(lang, `export.${s.format}` as MessageKey) })}</p>`;
        const kb = (n: number) => Math.max(1, Math.round(n / 1024));
        return html`<p role="status">
          <progress max=${p.total ?? p.received} value=${p.received}></progress>
          ${t(lang, 'export.progress', { done: kb(p.received), total: kb(p.total ?? p.received) })}
        </p>`;
      }
      case 'done':
        return html`<p class="alert success" role="status">${t(lang, 'export.done', { name: s.name })}</p>`;
      case 'failed':
        return html`<p class="alert error" role="alert">${t(lang, 'export.failed', { message: s.message })}</p>`;
    }
  }

  /** Downloads one format; resolves when the file is saved or the failure shown. */
  async export(format: Format): Promise<void> {
    const version = this.renderRoot.querySelector<HTMLInputElement>('#version')?.value.trim() ?? '';
    const base = this.server || location.origin;
    const url = `${base}/api/conventions/${encodeURIComponent(this.conventionId)}/export?format=${format}${version ? `&version=${encodeURIComponent(version)}` : ''}`;
    this.state = { kind: 'pending', format, progress: null };
    try {
      const file = await fetchExport(url, this.token, (progress) => {
        this.state = { kind: 'pending', format, progress };
      }, this.fetcher);
      this.save(file);
      this.state = { kind: 'done', name: file.fileName };
    } catch (error) {
      this.state = { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
  }

  static override styles = [
    theme,
    css`
      section { padding: 12px 16px; }
      .muted { color: var(--ctg-muted); }
      label { display: block; font-weight: 600; margin: 8px 0 4px; }
      input { width: 100%; min-height: 32px; padding: 4px 8px; font: inherit; }
      .buttons { display: flex; flex-wrap: wrap; gap: 8px; margin: 12px 0; }
      progress { width: 100%; }
    `,
  ];
}

if (!customElements.get('ctg-export')) customElements.define('ctg-export', CtgExport);

declare global {
  interface HTMLElementTagNameMap {
    'ctg-export': CtgExport;
  }
}
