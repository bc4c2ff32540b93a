// <ctg-pane>: the task pane's root — the join screen without a session; with one, the header, who is here (and who
// presents), and the Plan / Vérifications / Revue / Versions / Suivi / Fichiers / Ajouter tabs. The same element runs in Word,
// Excel and the browser view.
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import type { ReviewContext } from '../../shared/index.ts';
import type { HostPort } from '../host/port.ts';
import { isLang, type Lang, loadLang, saveLang, t, tn } from '../i18n.ts';
import { ConnectionController } from './controllers/connection-controller.ts';
import { ConventionController } from './controllers/convention-controller.ts';
import { PresenceController } from './controllers/presence-controller.ts';
import { ReviewController } from './controllers/review-controller.ts';
import { outward, type SelectDetail } from './events.ts';
import { FindingMarks } from './marks.ts';
import { partyName } from './ctg-presence.ts';
import { unseenMentions } from './mentions.ts';
import { readOnlyReview, readOnlySession } from './read-only.ts';
import type { PaneSession } from './session-port.ts';
import { memoryStorage, type PaneStorage } from './storage.ts';
import { theme } from './theme.ts';
import { parseWhere, whereOf } from './where.ts';
import './ctg-add-form.ts';
import './ctg-export.ts';
import './ctg-import.ts';
import './ctg-findings.ts';
import './ctg-join.ts';
import './ctg-navigator.ts';
import './ctg-presence.ts';
import './ctg-review.ts';
import './ctg-status.ts';
import './ctg-followup.ts';
import './ctg-presenter.ts';
import './ctg-versions.ts';

const TABS = ['plan', 'checks', 'review', 'versions', 'followup', 'exchange', 'add'] as const;
type Tab = (typeof TABS)[number];
type Notice = { key: 'notice.select' | 'notice.mark'; message: string };

export class CtgPane extends LitElement {
  static override properties = {
    session: { attribute: false },
    host: { attribute: false },
    storage: { attribute: false },
    lang: {},
    today: {},
    tab: { state: true },
    notice: { state: true },
    leaving: { state: true },
    leftBecause: { state: true },
  };

  declare session: PaneSession | null;
  declare host: HostPort | null;
  declare storage: PaneStorage;
  /** The language, 'fr' or 'en'; empty follows the one remembered in `storage` (French by default). */
  declare lang: string;
  /** The day the convention is checked on (ISO date); null is today. */
  declare today: string | null;
  declare tab: Tab;
  declare notice: Notice | null;
  declare leaving: boolean;
  /** Why the person went back to the join screen (the session's problem), kept after the session is gone. */
  declare leftBecause: { fr: string; en: string } | null;

  private readonly connection = new ConnectionController(this);
  private readonly people = new PresenceController(this);
  private readonly review = new ReviewController(this);
  /** How this person writes to the review in the current session (made once per session). */
  private reviewing: ReviewContext | null = null;
  private readonly marks = new FindingMarks((error) => {
    this.notice = { key: 'notice.mark', message: messageOf(error) };
  });
  private readonly convention = new ConventionController(this, {
    today: () => this.today ?? localIsoDate(new Date()),
    onState: (state) => void this.marks.sync(this.host, state.findings, state.snapshot?.threads ?? []),
  });

  constructor() {
    super();
    this.session = null;
    this.host = null;
    this.storage = memoryStorage();
    this.lang = '';
    this.today = null;
    this.tab = 'plan';
    this.notice = null;
    this.leaving = false;
    this.leftBecause = null;
  }

  /** The language in use: the one set, else the remembered one, else French. */
  get currentLang(): Lang {
    return isLang(this.lang) ? this.lang : (loadLang(this.storage) ?? 'fr');
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session')) {
      this.leaving = false;
      if (this.session) this.leftBecause = null;
      this.notice = null;
      if (!this.session) void this.marks.sync(this.host, [], []);
      for (const controller of [this.connection, this.people, this.convention, this.review]) controller.setSession(this.session);
      this.reviewing = this.session ? reviewingOf(this.session) : null;
    } else if (changed.has('today')) this.convention.refresh(this.session);
    if (changed.has('host') && this.convention.value) void this.marks.sync(this.host, this.convention.value.findings);
  }

  override render() {
    const lang = this.currentLang;
    return html`
      <div class="pane" lang=${lang}>
        <div class="bar">
          <span class="brand">${t(lang, 'app.name')}<span class="tagline">${t(lang, 'app.tagline')}</span></span>
          <div class="langs" role="group" aria-label=${t(lang, 'lang.label')}>
            ${(['fr', 'en'] as const).map(
              (l) => html`<button type="button" lang=${l} aria-pressed=${l === lang ? 'true' : 'false'} title=${t(l, `lang.${l}`)} @click=${() => this.switchLang(l)}>${l.toUpperCase()}</button>`,
            )}
          </div>
        </div>
        ${this.session && !this.leaving ? this.renderSession(this.session, lang) : this.renderJoin(lang)}
      </div>
    `;
  }

  private renderJoin(lang: Lang) {
    const problem = this.leftBecause;
    return html`<ctg-join .storage=${this.storage} lang=${lang} .problem=${problem ? problem[lang] : null}></ctg-join>`;
  }

  private renderSession(own: PaneSession, lang: Lang) {
    const state = this.convention.value;
    const snapshot = state?.snapshot ?? null;
    const findings = state?.findings ?? [];
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.length - errors;
    // Once the server refused a change from this copy, the forms write nothing either (the status banner says why).
    const refused = this.connection.value?.writeRefused === true;
    const session = refused ? readOnlySession(own) : own;
    const reviewing = refused && this.reviewing ? readOnlyReview(this.reviewing) : this.reviewing;
    const canEdit = session.identity.access === 'edit';
    const self = this.people.value?.find((p) => p.self)?.where ?? null;
    const tab = !canEdit && this.tab === 'add' ? 'plan' : this.tab;
    const identity = { ...own.identity, party: partyName(snapshot, own.identity.party) };
    const tabs: Tab[] = TABS.filter((name) => name !== 'add' || canEdit);
    const mentions = unseenMentions(this.review.value?.review?.snapshot ?? null, session.identity, this.storage).length;
    return html`
      <ctg-status .heading=${snapshot?.convention.title ?? ''} .identity=${identity} .connection=${this.connection.value} lang=${lang} @ctg-leave=${this.leave} @ctg-reload=${this.reload}></ctg-status>
      ${this.notice
        ? html`<div class="alert warning notice" role="alert">
            <p>${t(lang, this.notice.key, { message: this.notice.message })}</p>
            <button class="link" type="button" @click=${() => { this.notice = null; }}>${t(lang, 'notice.dismiss')}</button>
          </div>`
        : nothing}
      <slot name="document"></slot>
      <ctg-presence .people=${this.people.value ?? []} .snapshot=${snapshot} lang=${lang}></ctg-presence>
      <ctg-presenter .session=${own} .snapshot=${snapshot} lang=${lang} @ctg-select=${this.select}></ctg-presenter>
      ${refused ? html`<p class="readonly" data-problem="write-refused-forms">${t(lang, 'status.writeRefusedForms')}</p>` : nothing}
      ${canEdit || refused ? nothing : html`<p class="readonly">${t(lang, 'tab.readonly', { access: t(lang, `access.${session.identity.access}`) })}</p>`}
      <div class="tabs" role="tablist" aria-label=${t(lang, 'tabs.label')} @keydown=${(e: KeyboardEvent) => this.tabKey(e, tabs, tab)}>
        ${tabs.map(
          (name) => html`
            <button type="button" role="tab" id="tab-${name}" aria-controls="panel-${name}" aria-selected=${name === tab ? 'true' : 'false'} tabindex=${name === tab ? '0' : '-1'} @click=${() => { this.tab = name; }}>
              ${t(lang, `tab.${name}`)}
              ${name === 'checks' ? html`${this.badge('error', errors, lang)}${this.badge('warning', warnings, lang)}` : nothing}
              ${name === 'review' && mentions > 0 ? html`<span class="badge mention" title=${tn(lang, 'threads.mentions', mentions)}><span aria-hidden="true">@${mentions}</span><span class="visually-hidden">${tn(lang, 'threads.mentions', mentions)}</span></span>` : nothing}
            </button>
          `,
        )}
      </div>
      <div role="tabpanel" id="panel-plan" aria-labelledby="tab-plan" ?hidden=${tab !== 'plan'}>
        <ctg-navigator .snapshot=${snapshot} .current=${self} ?canAdd=${canEdit} lang=${lang} @ctg-select=${this.select}></ctg-navigator>
      </div>
      <div role="tabpanel" id="panel-checks" aria-labelledby="tab-checks" ?hidden=${tab !== 'checks'}>
        <ctg-findings .findings=${findings} .failure=${state?.status === 'failed' ? messageOf(state.error) : null} lang=${lang} @ctg-select=${this.select}></ctg-findings>
      </div>
      <div role="tabpanel" id="panel-review" aria-labelledby="tab-review" ?hidden=${tab !== 'review'}>
        <ctg-review .state=${this.review.value} .ctx=${reviewing} .place=${self ? parseWhere(self) : null}
          .blockingErrors=${errors} .reader=${session.identity} .storage=${this.storage} lang=${lang} @ctg-select=${this.select} @ctg-seen=${() => this.requestUpdate()}></ctg-review>
      </div>
      <div role="tabpanel" id="panel-versions" aria-labelledby="tab-versions" ?hidden=${tab !== 'versions'}>
        ${tab === 'versions' ? html`<ctg-versions .session=${session} .snapshot=${snapshot} lang=${lang}></ctg-versions>` : nothing}
      </div>
      <div role="tabpanel" id="panel-followup" aria-labelledby="tab-followup" ?hidden=${tab !== 'followup'}>
        ${tab === 'followup' ? html`<ctg-followup .session=${session} .snapshot=${snapshot} .current=${self} today=${this.today ?? localIsoDate(new Date())} lang=${lang}></ctg-followup>` : nothing}
      </div>
      <div role="tabpanel" id="panel-exchange" aria-labelledby="tab-exchange" ?hidden=${tab !== 'exchange'}>
        ${tab === 'exchange'
          ? html`<ctg-export .server=${session.endpoint.server} .conventionId=${session.endpoint.conventionId} .token=${session.endpoint.token} .lang=${lang}></ctg-export>
              <ctg-import .session=${session} .server=${session.endpoint.server} .token=${session.endpoint.token} .lang=${lang}></ctg-import>`
          : nothing}
      </div>
      ${canEdit
        ? html`<div role="tabpanel" id="panel-add" aria-labelledby="tab-add" ?hidden=${tab !== 'add'}>
            <ctg-add-form .snapshot=${snapshot} .model=${session.model} .locks=${this.review.value?.review?.locks ?? null} lang=${lang} @ctg-select=${this.select}></ctg-add-form>
          </div>`
        : nothing}
    `;
  }

  private badge(severity: 'error' | 'warning', count: number, lang: Lang) {
    if (count === 0) return nothing;
    const label = tn(lang, severity === 'error' ? 'findings.errors' : 'findings.warnings', count);
    return html`<span class="badge ${severity}" title=${label}><span aria-hidden="true">${count}</span><span class="visually-hidden">${label}</span></span>`;
  }

  private readonly select = (event: CustomEvent<SelectDetail>): void => {
    const target = event.detail;
    this.session?.setWhere(whereOf(target.kind, target.id));
    const host = this.host;
    if (!host) return;
    Promise.resolve()
      .then(() => host.select(target))
      .then(
        () => {
          if (this.notice?.key === 'notice.select') this.notice = null;
        },
        (error: unknown) => {
          this.notice = { key: 'notice.select', message: messageOf(error) };
        },
      );
  };

  private readonly leave = (): void => {
    this.leaving = true;
    this.leftBecause = this.connection.value?.problem ?? null;
    this.dispatchEvent(outward('ctg-leave', {}));
  };

  private readonly reload = (): void => {
    this.dispatchEvent(outward('ctg-reload', {}));
  };

  private switchLang(lang: Lang): void {
    this.lang = lang;
    saveLang(this.storage, lang);
    this.dispatchEvent(outward('ctg-lang', { lang }));
  }

  private tabKey(event: KeyboardEvent, tabs: Tab[], current: Tab): void {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = tabs[(tabs.indexOf(current) + step + tabs.length) % tabs.length] ?? current;
    this.tab = next;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${next}`)?.focus());
  }

  static override styles = [
    theme,
    css`
      :host { background: #fff; min-width: 280px; }
      .bar {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 8px;
        padding: 8px 16px;
        border-top: 4px solid var(--ctg-blue);
        border-bottom: 1px solid var(--ctg-border);
      }
      .brand { font-weight: 700; color: var(--ctg-blue); display: flex; flex-direction: column; line-height: 1.2; }
      .tagline { font-weight: 400; font-size: 12px; color: var(--ctg-muted); }
      .langs { display: flex; border: 1px solid var(--ctg-blue); border-radius: 4px; overflow: hidden; }
      .langs button { border: 0; background: #fff; color: var(--ctg-blue); padding: 2px 10px; font-size: 13px; font-weight: 600; }
      .langs button[aria-pressed='true'] { background: var(--ctg-blue); color: #fff; }
      .notice { margin: 12px 16px 0; }
      .tabs { display: flex; flex-wrap: wrap; border-bottom: 1px solid var(--ctg-border); padding: 0 8px; gap: 2px; }
      [role='tab'] {
        flex: 1 1 auto;
        display: inline-flex;
        align-items: center;
        justify-content: center;
        gap: 4px;
        padding: 10px 6px 8px;
        border: 0;
        border-bottom: 3px solid transparent;
        background: none;
        color: var(--ctg-muted);
        font-weight: 600;
      }
      [role='tab'][aria-selected='true'] { color: var(--ctg-blue); border-bottom-color: var(--ctg-blue); }
      .badge { min-width: 20px; padding: 0 6px; border-radius: 10px; font-size: 12px; line-height: 18px; color: #fff; }
      .badge.error { background: var(--ctg-error); }
      .badge.warning { background: var(--ctg-warning); }
      .badge.mention { background: var(--ctg-blue); }
      .readonly { margin: 0; padding: 8px 16px; color: var(--ctg-muted); font-size: 13px; background: var(--ctg-surface); }
      [hidden] { display: none !important; }
    `,
  ];
}

/** How this person writes to the review. */
function reviewingOf(session: PaneSession): ReviewContext {
  const { name, party, access } = session.identity;
  return { model: session.model, actor: { name, party }, access };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

if (!customElements.get('ctg-pane')) customElements.define('ctg-pane', CtgPane);

declare global {
  interface HTMLElementTagNameMap {
    'ctg-pane': CtgPane;
  }
}
