// <ctg-export>: « Exporter » — one button per format (Word, Excel, PDF, JSON), the text now or a named version chosen
// from the list, and the progress of the download read from the response stream. Self-contained: give it the
// server, convention and token.
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { type Lang, type MessageKey, t } from '../i18n.ts';
import { RequestController } from './controllers/request-controller.ts';
import { type DownloadProgress, type Downloaded, fetchExport, saveFile } from './download.ts';
import { failureText } from './http.ts';
import { theme } from './theme.ts';
import { httpVersionsClient, type VersionInfo, type VersionsClient } from './versions-client.ts';

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
    client: { attribute: false },
    lang: {},
    version: { state: true },
    state: { state: true },
  };

  /** The Concerto server's base URL, e.g. `https://concerto.caf.fr` (empty: this page's origin). */
  declare server: string;
  declare conventionId: string;
  declare token: string;
  /** The versions API for the list; unset, one is made for the server, convention and token. */
  declare client: VersionsClient | null;
  declare lang: Lang;
  /** The chosen version's id; empty: the text now. */
  declare version: string;
  declare state: State;
  /** Replaced in tests: fetching and saving the file. */
  fetcher: typeof fetch = (...args) => fetch(...args);
  save: (file: Downloaded) => void = saveFile;
  private readonly versions = new RequestController<VersionInfo[]>(this);

  constructor() {
    super();
    this.server = '';
    this.conventionId = '';
    this.token = '';
    this.client = null;
    this.lang = 'fr';
    this.version = '';
    this.state = { kind: 'idle' };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadVersions();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.isConnected && (changed.has('client') || changed.has('server') || changed.has('conventionId') || changed.has('token'))) void this.loadVersions();
  }

  private loadVersions(): Promise<unknown> {
    if (!this.client && !this.conventionId) return Promise.resolve();
    const client = this.client ?? httpVersionsClient({ server: this.server || location.origin, conventionId: this.conventionId, token: this.token }, this.fetcher);
    return this.versions.start(() => client.list());
  }

  override render() {
    const lang = this.lang;
    const busy = this.state.kind === 'pending';
    return html`
      <section aria-labelledby="export-title">
        <h2 id="export-title">${t(lang, 'export.title')}</h2>
        <p class="muted">${t(lang, 'export.intro')}</p>
        <label for="version">${t(lang, 'export.version')}</label>
        ${this.renderVersions(busy)}
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

  private renderVersions(busy: boolean) {
    const lang = this.lang;
    const list = this.versions.state;
    const versions = list.status === 'complete' ? list.value : [];
    return html`
      <select id="version" ?disabled=${busy} @change=${(e: Event) => { this.version = (e.target as HTMLSelectElement).value; }}>
        <option value="" ?selected=${this.version === ''}>${t(lang, 'export.version.current')}</option>
        ${versions.map((v) => html`<option value=${v.id} ?selected=${this.version === v.id}>${v.name}</option>`)}
      </select>
      ${list.status === 'pending' ? html`<p class="hint" role="status">${t(lang, 'versions.loading')}</p>` : nothing}
      ${list.status === 'failed'
        ? html`<p class="hint">${t(lang, 'export.version.failed', { message: failureText(list.error, lang) })}
            <button class="link" type="button" @click=${() => this.loadVersions()}>${t(lang, 'versions.retry')}</button></p>`
        : nothing}
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
    const version = this.version;
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
      this.state = { kind: 'failed', message: failureText(error, this.lang) };
    }
  }

  static override styles = [
    theme,
    css`
      section { padding: 12px 16px; }
      .muted { color: var(--ctg-muted); }
      label { display: block; font-weight: 600; margin: 8px 0 4px; }
      select { width: 100%; min-height: 32px; padding: 4px 8px; font: inherit; }
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
