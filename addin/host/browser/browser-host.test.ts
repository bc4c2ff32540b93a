// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readSnapshot } from '../../../shared/index.ts';
import { fieldTag } from '../../../shared/field-ref.ts';
import { conventionFixture, runHostContract } from '../contract.ts';
import { BrowserHost } from './browser-host.ts';

function browserHost(editable = true) {
  const container = document.createElement('div');
  document.body.append(container);
  const host = new BrowserHost(container, { editable, year: 2026 });
  return {
    host,
    container,
    async type(ref: { kind: string; id: string; field: string }, text: string) {
      const el = container.querySelector(`[data-tag="${fieldTag(ref as never)}"]`);
      if (!el) throw new Error(`no field ${fieldTag(ref as never)}`);
      el.textContent = text;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    dispose() {
      host.dispose();
      container.remove();
    },
  };
}

runHostContract('browser', () => browserHost(), { articleBody: true });

describe('the browser view', () => {
  it('shows the convention as a document: title, articles, plan and signatures', async () => {
    const { model } = conventionFixture();
    const b = browserHost();
    await b.host.render(readSnapshot(model.ydoc));
    const text = b.container.textContent ?? '';
    expect(text).toContain('Article 1 – Objet de la convention');
    expect(text).toContain('Axe 1 – Petite enfance');
    expect(text).toContain('Fiche action 1.1.1');
    expect(text).toContain("Caisse d'allocations familiales");
    expect(b.container.querySelectorAll('[contenteditable]').length).toBeGreaterThan(10);
    b.dispose();
  });

  it('is read-only for people with view or comment access', async () => {
    const { model } = conventionFixture();
    const b = browserHost(false);
    await b.host.render(readSnapshot(model.ydoc));
    expect(b.container.querySelectorAll('[contenteditable]').length).toBe(0);
    expect(b.container.querySelectorAll('select:not([disabled])').length).toBe(0);
    b.dispose();
  });

  it('keeps the very same field element across a structural re-render (caret and focus survive)', async () => {
    const { model, objective, action } = conventionFixture();
    const b = browserHost();
    await b.host.render(readSnapshot(model.ydoc));
    const field = b.container.querySelector(`[data-tag="${fieldTag({ kind: 'action', id: action, field: 'title' })}"]`);
    model.add('action', { code: '1.1.0', title: 'Avant' }, { parent: objective, index: 0 });
    await b.host.render(readSnapshot(model.ydoc));
    expect(b.container.querySelector(`[data-tag="${fieldTag({ kind: 'action', id: action, field: 'title' })}"]`)).toBe(field);
    const codes = Array.from(b.container.querySelectorAll('.ctg-action .ctg-code')).map((el) => el.textContent);
    expect(codes).toEqual(['Fiche action 1.1.0', 'Fiche action 1.1.1']);
    b.dispose();
  });
});

describe('the browser view: locked fields', () => {
  it('turns editing off with a visible « Verrouillé » cue, keeps it across renders, and back on when unlocked', async () => {
    const { model, objective, action } = conventionFixture();
    const b = browserHost();
    await b.host.render(readSnapshot(model.ydoc));
    let on = true;
    const lock = { fr: 'Verrouillé : la fiche action 1.1.1 a reçu la validation de toutes les parties.', en: 'Locked.' };
    await b.host.setLocks((ref) => (on && ref.id === action ? lock : null));
    const title = b.container.querySelector(`[data-tag="${fieldTag({ kind: 'action', id: action, field: 'title' })}"]`) as HTMLElement;
    const pilot = b.container.querySelector(`[data-tag="${fieldTag({ kind: 'action', id: action, field: 'pilotId' })}"]`) as HTMLSelectElement | null;
    expect(pilot).not.toBeNull();
    expect(title.hasAttribute('contenteditable')).toBe(false);
    expect(title.classList.contains('ctg-locked')).toBe(true);
    expect(title.getAttribute('data-locked')).toBe('Verrouillé');
    expect(title.getAttribute('title')).toBe(lock.fr);
    expect(pilot?.disabled).toBe(true);
    model.add('action', { code: '1.1.0', title: 'Avant' }, { parent: objective, index: 0 });
    await b.host.render(readSnapshot(model.ydoc));
    expect(title.hasAttribute('contenteditable')).toBe(false);
    on = false;
    await b.host.setLocks(() => null);
    expect(title.getAttribute('contenteditable')).toBe('plaintext-only');
    expect(title.classList.contains('ctg-locked')).toBe(false);
    expect(title.hasAttribute('title')).toBe(false);
    expect(pilot?.disabled).toBe(false);
    b.dispose();
  });
});
