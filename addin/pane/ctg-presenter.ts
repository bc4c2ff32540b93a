// <ctg-presenter>: the Copil controls in the presence area — « Présenter » for oneself, « Suivre <nom> » when
// someone else presents. A follower's pane asks to go where the presenter is (a `ctg-select` for the pane).
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import type { ConventionSnapshot } from '../../shared/index.ts';
import type { EntityRef } from '../../shared/field-ref.ts';
import { type Lang, t } from '../i18n.ts';
import { FollowController } from './controllers/follow-controller.ts';
import { inward, type SelectDetail } from './events.ts';
import { presenterOf } from './follow.ts';
import type { PaneSession } from './session-port.ts';
import { theme } from './theme.ts';
import { describeWhere } from './where.ts';

export class CtgPresenter extends LitElement {
  static override properties = {
    session: { attribute: false },
    snapshot: { attribute: false },
    lang: {},
  };

  declare session: PaneSession | null;
  declare snapshot: ConventionSnapshot | null;
  declare lang: Lang;

  private readonly people = new FollowController(this, (target: EntityRef) =>
    this.dispatchEvent(inward<SelectDetail>('ctg-select', target)),
  );

  constructor() {
    super();
    this.session = null;
    this.snapshot = null;
    this.lang = 'fr';
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session')) this.people.setSession(this.session);
  }

  override render() {
    const session = this.session;
    const people = this.people.value;
    if (!session || !people) return nothing;
    const lang = this.lang;
    const me = people.find((p) => p.self);
    const presenter = presenterOf(people);
    const following = this.people.following !== null && presenter?.clientId === this.people.following;
    if (me?.presenting) {
      return html`<div class="copil" role="group" aria-label=${t(lang, 'present.label')}>
        <p class="state" role="status">${t(lang, 'present.you')}</p>
        <button type="button" class="secondary" @click=${() => session.setPresenting(false)}>${t(lang, 'present.stop')}</button>
      </div>`;
    }
    if (presenter) {
      const where = describeWhere(presenter.where, this.snapshot, lang) ?? t(lang, 'presence.nowhere');
      return html`<div class="copil" role="group" aria-label=${t(lang, 'present.label')}>
        <p class="state" role="status">${t(lang, following ? 'present.following' : 'present.other', { name: presenter.name, where })}</p>
        <button type="button" class=${following ? 'secondary' : 'primary'} data-follow=${presenter.clientId}
          @click=${() => (following ? this.people.unfollow() : this.people.follow(presenter.clientId))}>
          ${t(lang, following ? 'present.unfollow' : 'present.follow', { name: presenter.name })}
        </button>
      </div>`;
    }
    return html`<div class="copil" role="group" aria-label=${t(lang, 'present.label')}>
      <button type="button" class="secondary" @click=${() => session.setPresenting(true)}>${t(lang, 'present.start')}</button>
      <span class="hint">${t(lang, 'present.hint')}</span>
    </div>`;
  }

  static override styles = [
    theme,
    css`
      .copil { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 10px; padding: 8px 16px 12px; border-bottom: 1px solid var(--ctg-border); }
      .state { margin: 0; flex: 1 1 100%; font-size: 13px; }
      .hint { margin: 0; flex: 1 1 0; }
    `,
  ];
}

if (!customElements.get('ctg-presenter')) customElements.define('ctg-presenter', CtgPresenter);

declare global {
  interface HTMLElementTagNameMap {
    'ctg-presenter': CtgPresenter;
  }
}
