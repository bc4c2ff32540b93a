// <ctg-versions>: the Versions tab — name a version (edit access), the history (versions, status changes,
// avenants), open a version read-only (its summary here, the full text in the browser view) and compare any two,
// or one with the current text: per entity, the change in French and the text changes highlighted.
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import type { ConventionSnapshot } from '../../shared/index.ts';
import { type Lang, t, tn } from '../i18n.ts';
import { RequestController } from './controllers/request-controller.ts';
import { ReviewLogController } from './controllers/review-log-controller.ts';
import { partyName } from './ctg-presence.ts';
import { failureText, HttpFailure } from './http.ts';
import { fullTime } from './review-format.ts';
import type { PaneSession } from './session-port.ts';
import { theme } from './theme.ts';
import { describeReviewEvent, entityChanges, historyOf } from './version-history.ts';
import {
  CURRENT,
  httpVersionsClient,
  type OpenedVersion,
  type VersionDiff,
  type VersionInfo,
  type VersionsClient,
  versionLink,
} from './versions-client.ts';

export class CtgVersions extends LitElement {
  static override properties = {
    session: { attribute: false },
    client: { attribute: false },
    snapshot: { attribute: false },
    lang: {},
    name: { state: true },
    from: { state: true },
    to: { state: true },
  };

  declare session: PaneSession | null;
  /** The versions API; unset, one is made for the session's server and token. */
  declare client: VersionsClient | null;
  declare snapshot: ConventionSnapshot | null;
  declare lang: Lang;
  declare name: string;
  declare from: string;
  declare to: string;

  private readonly log = new ReviewLogController(this);
  private readonly list = new RequestController<VersionInfo[]>(this);
  private readonly saving = new RequestController<VersionInfo>(this);
  private readonly opened = new RequestController<OpenedVersion>(this);
  private readonly diff = new RequestController<VersionDiff>(this);

  constructor() {
    super();
    this.session = null;
    this.client = null;
    this.snapshot = null;
    this.lang = 'fr';
    this.name = '';
    this.from = '';
    this.to = CURRENT;
  }

  /** The client in use: the one set (tests), else one for the session's server and token. */
  private api: VersionsClient | null = null;

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session')) this.log.setSession(this.session);
    if (changed.has('client') || changed.has('session')) {
      this.api = this.client ?? (this.session ? httpVersionsClient(this.session.endpoint) : null);
      void this.reload();
    }
  }

  override render() {
    const lang = this.lang;
    const canEdit = this.session?.identity.access === 'edit';
    return html`
      <section aria-labelledby="versions-title">
        <h2 id="versions-title">${t(lang, 'versions.title')}</h2>
        ${canEdit ? this.renderSave(lang) : nothing}
        ${this.renderHistory(lang)}
        ${this.renderOpened(lang)}
        ${this.renderCompare(lang)}
      </section>
    `;
  }

  private renderSave(lang: Lang) {
    const state = this.saving.state;
    return html`<form class="save" @submit=${this.save}>
      <label for="version-name">${t(lang, 'versions.name')}</label>
      <input id="version-name" name="name" maxlength="120" .value=${this.name} placeholder=${t(lang, 'versions.name.example')}
        @input=${(e: Event) => { this.name = (e.target as HTMLInputElement).value; }} />
      <button class="primary" type="submit" ?disabled=${state.status === 'pending'}>${t(lang, state.status === 'pending' ? 'versions.saving' : 'versions.save')}</button>
      ${state.status === 'complete' ? html`<p class="alert success" role="status">${t(lang, 'versions.saved', { name: state.value.name })}</p>` : nothing}
      ${state.status === 'failed' ? html`<p class="alert error" role="alert">${this.failure(lang, state.error)}</p>` : nothing}
    </form>`;
  }

  private renderHistory(lang: Lang) {
    const state = this.list.state;
    if (state.status === 'pending' || state.status === 'idle') return html`<p class="hint" role="status">${t(lang, 'versions.loading')}</p>`;
    if (state.status === 'failed')
      return html`<div class="alert error" role="alert"><p>${this.failure(lang, state.error)}</p><button class="link" type="button" @click=${() => this.reload()}>${t(lang, 'versions.retry')}</button></div>`;
    const items = historyOf(state.value, this.log.value ?? []);
    if (items.length === 0) return html`<p class="hint">${t(lang, 'versions.none')}</p>`;
    return html`<ol class="history" aria-label=${t(lang, 'versions.history')}>
      ${items.map((item) =>
        item.type === 'version'
          ? html`<li class="version" data-version=${item.version.id}>
              <span class="name">${item.version.name}</span>
              <span class="meta">${t(lang, 'versions.by', { name: item.version.author.name, party: partyName(this.snapshot, item.version.author.party), date: fullTime(item.at, lang) })}</span>
              <span class="actions">
                <button class="link" type="button" @click=${() => this.open(item.version.id)}>${t(lang, 'versions.open')}</button>
                <button class="link" type="button" @click=${() => this.compareWith(item.version.id)}>${t(lang, 'versions.compareCurrent')}</button>
              </span>
            </li>`
          : html`<li class="event" data-event=${item.event.id}>
              <span class="name">${describeReviewEvent(item.event, this.snapshot, lang)}</span>
              <span class="meta">${t(lang, 'versions.by', { name: item.event.by.name, party: partyName(this.snapshot, item.event.by.party), date: fullTime(item.at, lang) })}${item.event.reason ? html` — « ${item.event.reason} »` : nothing}</span>
            </li>`,
      )}
    </ol>`;
  }

  private renderOpened(lang: Lang) {
    const state = this.opened.state;
    if (state.status === 'idle') return nothing;
    if (state.status === 'pending') return html`<p class="hint" role="status">${t(lang, 'versions.opening')}</p>`;
    if (state.status === 'failed')
      return html`<div class="alert error" role="alert"><p>${this.failure(lang, state.error)}</p><button class="link" type="button" @click=${() => this.opened.reset()}>${t(lang, 'versions.close')}</button></div>`;
    const { version, snapshot } = state.value;
    const actions = snapshot.axes.flatMap((a) => a.objectives.flatMap((o) => o.actions)).length;
    const indicators = snapshot.axes.flatMap((a) => a.objectives.flatMap((o) => o.indicators)).length;
    const endpoint = this.session?.endpoint;
    return html`<div class="opened" role="region" aria-label=${t(lang, 'versions.readonly', { name: version.name })}>
      <h3>${t(lang, 'versions.readonly', { name: version.name })}</h3>
      <p class="meta">${t(lang, 'versions.by', { name: version.author.name, party: partyName(this.snapshot, version.author.party), date: fullTime(version.at, lang) })}</p>
      <p>${snapshot.convention.title}</p>
      <p class="meta">${t(lang, 'versions.contents', { articles: snapshot.articles.length, axes: snapshot.axes.length, actions, indicators })}</p>
      <p class="row">
        ${endpoint ? html`<a href=${versionLink(endpoint, version.id)} target="_blank" rel="noopener">${t(lang, 'versions.openView')}</a>` : nothing}
        <button class="link" type="button" @click=${() => this.compareWith(version.id)}>${t(lang, 'versions.compareCurrent')}</button>
        <button class="link" type="button" @click=${() => this.opened.reset()}>${t(lang, 'versions.close')}</button>
      </p>
    </div>`;
  }

  private renderCompare(lang: Lang) {
    const versions = this.list.state.status === 'complete' ? this.list.state.value : [];
    if (versions.length === 0) return nothing;
    const options = (selected: string) => html`
      <option value="" ?selected=${selected === ''}>${t(lang, 'add.choose')}</option>
      ${versions.map((v) => html`<option value=${v.id} ?selected=${selected === v.id}>${v.name}</option>`)}
      <option value=${CURRENT} ?selected=${selected === CURRENT}>${t(lang, 'versions.current')}</option>`;
    return html`<form class="compare" @submit=${(e: Event) => { e.preventDefault(); void this.compare(); }}>
      <h3>${t(lang, 'versions.compare')}</h3>
      <div class="pair">
        <div><label for="compare-from">${t(lang, 'versions.from')}</label>
          <select id="compare-from" @change=${(e: Event) => { this.from = (e.target as HTMLSelectElement).value; }}>${options(this.from)}</select></div>
        <div><label for="compare-to">${t(lang, 'versions.to')}</label>
          <select id="compare-to" @change=${(e: Event) => { this.to = (e.target as HTMLSelectElement).value; }}>${options(this.to)}</select></div>
      </div>
      <button class="secondary" type="submit" ?disabled=${!this.from || !this.to || this.from === this.to}>${t(lang, 'versions.compare.go')}</button>
      ${this.renderDiff(lang)}
    </form>`;
  }

  private renderDiff(lang: Lang) {
    const state = this.diff.state;
    if (state.status === 'idle') return nothing;
    if (state.status === 'pending') return html`<p class="hint" role="status">${t(lang, 'versions.comparing')}</p>`;
    if (state.status === 'failed')
      return html`<div class="alert error" role="alert"><p>${this.failure(lang, state.error)}</p><button class="link" type="button" @click=${() => this.compare()}>${t(lang, 'versions.retry')}</button></div>`;
    const diff = state.value;
    const entities = entityChanges(diff, lang);
    const name = (side: { id: string; name: string }) => (side.id === CURRENT ? t(lang, 'versions.current') : side.name);
    return html`<div class="diff" role="region" aria-label=${t(lang, 'versions.diff', { from: name(diff.from), to: name(diff.to) })}>
      <h3>${t(lang, 'versions.diff', { from: name(diff.from), to: name(diff.to) })}</h3>
      <p class="meta">${entities.length === 0 ? t(lang, 'versions.same') : tn(lang, 'versions.entities', entities.length)}</p>
      <ul class="entities">
        ${entities.map((e) => html`<li data-entity=${e.key}>
          ${e.title ? html`<h4>${e.title}</h4>` : nothing}
          ${e.sentences.map((s) => html`<p class="sentence">${s}</p>`)}
          ${e.texts.map((x) => html`<div class="text"><span class="label">${x.label}</span>
            <p class="hunks">${x.hunks.map((h) => (h.op === 'insert' ? html`<ins>${h.text}</ins>` : h.op === 'delete' ? html`<del>${h.text}</del>` : html`<span>${h.text}</span>`))}</p></div>`)}
        </li>`)}
      </ul>
    </div>`;
  }

  private failure(lang: Lang, error: unknown): string {
    if (error instanceof HttpFailure && error.kind === 'unreachable') return failureText(error, lang);
    return t(lang, 'versions.error', { message: failureText(error, lang) });
  }

  private async reload(): Promise<void> {
    const client = this.api;
    if (!client) return void this.list.reset();
    const versions = await this.list.start(() => client.list());
    if (versions && !this.from && versions.length > 0) this.from = versions.at(-1)?.id ?? '';
  }

  private readonly save = async (event: Event): Promise<void> => {
    event.preventDefault();
    const client = this.api;
    const name = this.name.trim();
    if (!client) return;
    if (!name) {
      this.renderRoot.querySelector<HTMLInputElement>('#version-name')?.focus();
      return;
    }
    const saved = await this.saving.start(() => client.save(name));
    if (saved) {
      this.name = '';
      await this.reload();
    }
  };

  private async open(versionId: string): Promise<void> {
    const client = this.api;
    if (client) await this.opened.start(() => client.open(versionId));
  }

  private async compareWith(versionId: string): Promise<void> {
    this.from = versionId;
    this.to = CURRENT;
    await this.compare();
  }

  private async compare(): Promise<void> {
    const client = this.api;
    const { from, to } = this;
    if (client && from && to && from !== to) await this.diff.start(() => client.compare(from, to));
  }

  static override styles = [
    theme,
    css`
      section { padding: 12px 16px; }
      .save { margin-bottom: 16px; }
      .save input { margin-bottom: 8px; }
      .history { list-style: none; margin: 0 0 16px; padding: 0; border-left: 2px solid var(--ctg-border); }
      .history li { padding: 4px 0 8px 12px; display: flex; flex-direction: column; }
      .history li.version .name { font-weight: 600; }
      .history li.event { color: var(--ctg-muted); }
      .meta { font-size: 12px; color: var(--ctg-muted); }
      .actions, .row { display: flex; gap: 12px; flex-wrap: wrap; font-size: 13px; }
      .opened { border: 1px solid var(--ctg-border); border-left: 4px solid var(--ctg-blue); padding: 8px 12px; margin-bottom: 16px; }
      .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; margin-bottom: 8px; }
      .entities { list-style: none; padding: 0; margin: 8px 0; }
      .entities li { border-bottom: 1px solid var(--ctg-border); padding: 6px 0; }
      h4 { margin: 0 0 2px; font-size: 13px; }
      .sentence { margin: 0 0 4px; }
      .text .label { font-size: 12px; color: var(--ctg-muted); }
      .hunks { white-space: pre-wrap; font-size: 13px; background: var(--ctg-surface); padding: 4px 6px; }
      ins { background: var(--ctg-success-bg); color: var(--ctg-success); text-decoration: underline; }
      del { background: var(--ctg-error-bg); color: var(--ctg-error); }
    `,
  ];
}

if (!customElements.get('ctg-versions')) customElements.define('ctg-versions', CtgVersions);

declare global {
  interface HTMLElementTagNameMap {
    'ctg-versions': CtgVersions;
  }
}
