// <ctg-document-bar>: the document's side of the task pane in Word or Excel — put the convention in this document
// (or say it is there and live), and what the document adapter reports (parts restored, text outside the fields,
// a value that could not be taken, Office failing), each as a visible message.
import { css, html, LitElement, nothing } from 'lit';

export type DocumentState = { state: 'absent' } | { state: 'working' } | { state: 'live' } | { state: 'error'; message: string };

export interface DocumentMessage {
  id: string;
  text: string;
  tone: 'info' | 'warning' | 'error';
  /** A way out offered with the message, e.g. « Annuler » after a row was deleted. */
  action?: { label: string; run: () => void };
}

export class CtgDocumentBar extends LitElement {
  static override properties = {
    status: { attribute: false },
    messages: { attribute: false },
    insertLabel: { attribute: false },
    canInsert: { attribute: false },
  };

  declare status: DocumentState;
  declare messages: DocumentMessage[];
  /** « Créer la convention dans ce document » (Word) or « Créer le plan d'actions dans ce classeur » (Excel). */
  declare insertLabel: string;
  declare canInsert: boolean;

  constructor() {
    super();
    this.status = { state: 'absent' };
    this.messages = [];
    this.insertLabel = '';
    this.canInsert = true;
  }

  override render() {
    const s = this.status;
    return html`<section aria-label="Document">
      ${s.state === 'absent' && this.canInsert
        ? html`<button type="button" @click=${() => this.dispatchEvent(new CustomEvent('ctg-insert', { bubbles: true, composed: true }))}>${this.insertLabel}</button>`
        : nothing}
      ${s.state === 'absent' && !this.canInsert ? html`<p>Seules les personnes en édition peuvent créer la convention dans un document.</p>` : nothing}
      ${s.state === 'working' ? html`<p role="status">Mise en place dans le document…</p>` : nothing}
      ${s.state === 'live' ? html`<p class="live">● Ce document suit la convention en direct.</p>` : nothing}
      ${s.state === 'error' ? html`<p class="error" role="alert">${s.message}</p>` : nothing}
      ${this.messages.length > 0
        ? html`<ul>
            ${this.messages.map(
              (m) => html`<li class=${m.tone} role=${m.tone === 'error' ? 'alert' : 'status'}>
                <span>${m.text}</span>
                ${m.action ? html`<button class="link undo" type="button" @click=${() => this.act(m)}>${m.action.label}</button>` : nothing}
                <button class="link" type="button" aria-label="Fermer" @click=${() => this.dismiss(m.id)}>×</button>
              </li>`,
            )}
          </ul>`
        : nothing}
    </section>`;
  }

  private act(m: DocumentMessage): void {
    m.action?.run();
    this.dismiss(m.id);
  }

  private dismiss(id: string): void {
    this.messages = this.messages.filter((m) => m.id !== id);
  }

  static override styles = css`
    section { padding: 10px 16px; border-bottom: 1px solid #ddd; font-size: 14px; }
    button { font: inherit; background: #000091; color: #fff; border: 0; border-radius: 4px; padding: 8px 12px; cursor: pointer; width: 100%; }
    button:focus { outline: 2px solid #000091; outline-offset: 2px; }
    button.link { background: none; color: inherit; width: auto; padding: 0 4px; }
    button.undo { color: #000091; text-decoration: underline; font-weight: 600; }
    p { margin: 4px 0; }
    .live { color: #18753c; }
    .error { color: #ce0500; }
    ul { list-style: none; margin: 8px 0 0; padding: 0; display: grid; gap: 6px; }
    li { padding: 6px 8px; border-radius: 4px; background: #f6f6f6; display: flex; justify-content: space-between; gap: 8px; }
    li.warning { background: #fff4e5; }
    li.error { background: #fff4f3; color: #ce0500; }
  `;
}

if (!customElements.get('ctg-document-bar')) customElements.define('ctg-document-bar', CtgDocumentBar);
