// <ctg-join>: the join screen — paste a join link (or a token and a server), checked here, remembered per document.
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import { type Lang, t } from '../i18n.ts';
import { outward } from './events.ts';
import { checkJoinInput, type JoinInput, type JoinProblem, loadJoinInput, saveJoinInput } from './join-input.ts';
import { memoryStorage, type PaneStorage } from './storage.ts';
import { theme } from './theme.ts';

export class CtgJoin extends LitElement {
  static override properties = {
    storage: { attribute: false },
    lang: {},
    problem: { attribute: false },
    input: { state: true },
    invalid: { state: true },
  };

  declare storage: PaneStorage;
  declare lang: Lang;
  /** Why the previous session ended (shown above the form), already in the pane's language. */
  declare problem: string | null;
  declare input: JoinInput;
  declare invalid: JoinProblem | null;
  /** The clock used to check expiry (tests set it). */
  now: () => Date = () => new Date();

  constructor() {
    super();
    this.storage = memoryStorage();
    this.lang = 'fr';
    this.problem = null;
    this.input = { server: '', link: '' };
    this.invalid = null;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('storage')) this.input = loadJoinInput(this.storage);
  }

  override render() {
    const lang = this.lang;
    const bad = this.invalid;
    return html`
      <form novalidate @submit=${this.submit} aria-labelledby="join-title">
        <h2 id="join-title">${t(lang, 'join.title')}</h2>
        ${this.problem ? html`<p class="alert error" role="alert">${this.problem}</p>` : nothing}
        <p class="intro">${t(lang, 'join.intro')}</p>
        ${this.field('link', t(lang, 'join.link'), t(lang, 'join.link.hint'), bad?.field === 'link' ? bad : null)}
        ${this.field('server', t(lang, 'join.server'), t(lang, 'join.server.hint'), bad?.field === 'server' ? bad : null)}
        <button class="primary" type="submit">${t(lang, 'join.submit')}</button>
      </form>
    `;
  }

  private field(name: keyof JoinInput, label: string, hint: string, problem: JoinProblem | null) {
    const id = `join-${name}`;
    return html`
      <div class="field">
        <label for=${id}>${label}<span class="hint" id="${id}-hint">${hint}</span></label>
        <input
          id=${id}
          name=${name}
          type=${name === 'server' ? 'url' : 'text'}
          autocomplete="off"
          spellcheck="false"
          .value=${live(this.input[name])}
          aria-invalid=${problem ? 'true' : 'false'}
          aria-describedby="${id}-hint${problem ? ` ${id}-error` : ''}"
          @input=${(event: Event) => {
            this.input = { ...this.input, [name]: (event.target as HTMLInputElement).value };
          }}
        />
        ${problem ? html`<p class="field-error" id="${id}-error" role="alert">${t(this.lang, problem.key, problem.params)}</p>` : nothing}
      </div>
    `;
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    const check = checkJoinInput(this.input, this.now());
    if (!check.ok) {
      this.invalid = check.problem;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>(`#join-${check.problem.field}`)?.focus();
      return;
    }
    this.invalid = null;
    saveJoinInput(this.storage, this.input);
    this.dispatchEvent(outward('ctg-join', check.value));
  }

  static override styles = [
    theme,
    css`
      form { padding: 16px; }
      .intro { color: var(--ctg-muted); margin-bottom: 16px; }
      button.primary { width: 100%; }
    `,
  ];
}

if (!customElements.get('ctg-join')) customElements.define('ctg-join', CtgJoin);

declare global {
  interface HTMLElementTagNameMap {
    'ctg-join': CtgJoin;
  }
}
