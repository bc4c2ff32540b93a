// <ctg-presence>: who is in the convention now — colour, name, party, the section each one is in, who presents.
import { css, html, LitElement, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { ConventionSnapshot } from '../../shared/index.ts';
import { type Lang, t } from '../i18n.ts';
import type { Presence } from './session-port.ts';
import { theme } from './theme.ts';
import { describeWhere } from './where.ts';

export class CtgPresence extends LitElement {
  static override properties = {
    people: { attribute: false },
    snapshot: { attribute: false },
    lang: {},
  };

  declare people: Presence[];
  declare snapshot: ConventionSnapshot | null;
  declare lang: Lang;

  constructor() {
    super();
    this.people = [];
    this.snapshot = null;
    this.lang = 'fr';
  }

  override render() {
    const lang = this.lang;
    const others = this.people.filter((p) => !p.self).length;
    return html`
      <section aria-labelledby="presence-title">
        <h2 id="presence-title">${t(lang, 'presence.title')}</h2>
        <ul>
          ${repeat(
            this.people,
            (p) => p.clientId,
            (p) => html`
              <li>
                <span class="dot" style=${styleMap({ background: safeColor(p.color) })} aria-hidden="true"></span>
                <span class="name">${p.name}${p.self ? html` <span class="self">${t(lang, 'presence.you')}</span>` : nothing}${p.presenting ? html` <span class="presenting">${t(lang, 'presence.presenting')}</span>` : nothing}</span>
                <span class="detail">${partyName(this.snapshot, p.party)} · ${describeWhere(p.where, this.snapshot, lang) ?? t(lang, 'presence.nowhere')}</span>
              </li>
            `,
          )}
        </ul>
        ${others === 0 ? html`<p class="hint">${t(lang, 'presence.alone')}</p>` : nothing}
      </section>
    `;
  }

  static override styles = [
    theme,
    css`
      section { padding: 12px 16px; border-bottom: 1px solid var(--ctg-border); }
      h2 { font-size: 13px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--ctg-muted); }
      ul { list-style: none; margin: 0; padding: 0; }
      li { display: grid; grid-template-columns: 12px 1fr; column-gap: 8px; padding: 4px 0; }
      .dot { width: 10px; height: 10px; border-radius: 50%; margin-top: 6px; }
      .name { font-weight: 600; }
      .self { color: var(--ctg-muted); font-weight: 400; }
      .presenting { font-size: 12px; font-weight: 600; color: #fff; background: var(--ctg-blue); border-radius: 8px; padding: 0 6px; }
      .detail { grid-column: 2; font-size: 13px; color: var(--ctg-muted); }
    `,
  ];
}

/** The party as people know it: the organisation's name when the token's party is an organisation id. */
export function partyName(snapshot: ConventionSnapshot | null, party: string): string {
  return snapshot?.organisations.find((o) => o.id === party)?.name ?? party;
}

/** Colours come from other peers: only a plain hex colour gets into the style attribute. */
function safeColor(color: string): string {
  return /^#[0-9a-f]{3,8}$/i.test(color) ? color : '#666';
}

if (!customElements.get('ctg-presence')) customElements.define('ctg-presence', CtgPresence);

declare global {
  interface HTMLElementTagNameMap {
    'ctg-presence': CtgPresence;
  }
}
