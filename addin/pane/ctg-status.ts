// <ctg-status>: the pane's header — convention title, who you are and your access, the connection, its problem.
import { css, html, LitElement, nothing } from 'lit';
import { type Lang, pick, t, tn } from '../i18n.ts';
import { inward } from './events.ts';
import type { Access, ConnectionState } from './session-port.ts';
import { theme } from './theme.ts';

export interface StatusIdentity {
  name: string;
  /** The party as people know it (organisation name when the token's party is one). */
  party: string;
  access: Access;
}

export class CtgStatus extends LitElement {
  static override properties = {
    heading: {},
    identity: { attribute: false },
    connection: { attribute: false },
    lang: {},
  };

  declare heading: string;
  declare identity: StatusIdentity | null;
  declare connection: ConnectionState | null;
  declare lang: Lang;

  constructor() {
    super();
    this.heading = '';
    this.identity = null;
    this.connection = null;
    this.lang = 'fr';
  }

  override render() {
    const lang = this.lang;
    const connection = this.connection;
    return html`
      <header>
        <h1>${this.heading || t(lang, 'status.untitled')}</h1>
        ${this.identity
          ? html`<p class="who">
              ${t(lang, 'status.identity', { name: this.identity.name, party: this.identity.party })}
              <span class="access access-${this.identity.access}">${t(lang, `access.${this.identity.access}`)}</span>
            </p>`
          : nothing}
        ${connection ? this.renderConnection(connection) : nothing}
      </header>
    `;
  }

  private renderConnection(connection: ConnectionState) {
    const lang = this.lang;
    return html`
      <div class="connection" role="status" aria-live="polite">
        <span class="pill pill-${connection.status}"><span class="dot" aria-hidden="true"></span>${t(lang, `status.${connection.status}`)}</span>
        ${connection.pending > 0 ? html`<span class="pending">${tn(lang, 'status.pending', connection.pending)}</span>` : nothing}
      </div>
      ${connection.status === 'offline' && this.identity?.access !== 'view' ? html`<p class="hint">${t(lang, 'status.offlineHint')}</p>` : nothing}
      ${connection.status === 'refused'
        ? html`<div class="alert error" role="alert">
            ${connection.problem ? html`<p>${pick(lang, connection.problem)}</p>` : nothing}
            <p>${t(lang, 'status.refusedHint')}</p>
            <button class="secondary" type="button" @click=${() => this.dispatchEvent(inward('ctg-leave', {}))}>
              ${t(lang, 'status.rejoin')}
            </button>
          </div>`
        : connection.writeRefused
          ? html`<div class="alert warning" role="alert" data-problem="write-refused">
              ${connection.problem ? html`<p>${pick(lang, connection.problem)}</p>` : nothing}
              <p>${t(lang, 'status.writeRefusedHint')}</p>
              ${connection.pending > 0 ? html`<p>${t(lang, 'status.reloadPending')}</p>` : nothing}
              <button type="button" data-act="reload" @click=${() => this.dispatchEvent(inward('ctg-reload', {}))}>
                ${t(lang, 'status.reload')}
              </button>
            </div>`
          : connection.problem
            ? html`<div class="alert warning" role="alert"><p>${pick(lang, connection.problem)}</p></div>`
            : nothing}
    `;
  }

  static override styles = [
    theme,
    css`
      header { padding: 12px 16px 8px; border-bottom: 1px solid var(--ctg-border); }
      h1 { font-size: 16px; margin: 0 0 4px; line-height: 1.3; color: var(--ctg-blue); }
      .who { color: var(--ctg-muted); margin-bottom: 6px; }
      .access {
        display: inline-block;
        margin-left: 4px;
        padding: 0 8px;
        border-radius: 4px;
        font-size: 12px;
        font-weight: 600;
        background: var(--ctg-blue-light);
        color: var(--ctg-blue);
      }
      .access-view, .access-comment { background: var(--ctg-surface); color: var(--ctg-text); }
      .connection { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 10px; margin-bottom: 4px; }
      .pill {
        display: inline-flex;
        align-items: center;
        gap: 6px;
        padding: 1px 10px;
        border-radius: 12px;
        font-size: 13px;
        font-weight: 600;
        background: var(--ctg-surface);
      }
      .dot { width: 8px; height: 8px; border-radius: 50%; background: currentColor; }
      .pill-connected { color: var(--ctg-success); background: var(--ctg-success-bg); }
      .pill-syncing, .pill-connecting { color: var(--ctg-blue); background: var(--ctg-blue-light); }
      .pill-offline { color: var(--ctg-warning); background: var(--ctg-warning-bg); }
      .pill-refused { color: var(--ctg-error); background: var(--ctg-error-bg); }
      .pending { font-size: 13px; color: var(--ctg-warning); }
      .alert { margin-top: 8px; }
      .alert p { margin-bottom: 6px; }
    `,
  ];
}

if (!customElements.get('ctg-status')) customElements.define('ctg-status', CtgStatus);

declare global {
  interface HTMLElementTagNameMap {
    'ctg-status': CtgStatus;
  }
}
