// @vitest-environment happy-dom
// The pane's lock helper: the review's policy as a set of locked fields, pushed to the host only when that set
// changes, asked live by the binding; and end to end in the browser view — a validated article refuses typing until
// an editor reopens it.
import { describe, expect, it, vi } from 'vitest';
import { changeStatus, readSnapshot, recordSignoff } from '../../shared/index.ts';
import { as, negotiatingSample } from '../../shared/review/testing.ts';
import { type BindingProblem, HostBinding } from '../binding/binding.ts';
import { fieldTag } from '../../shared/field-ref.ts';
import { BrowserHost } from '../host/browser/browser-host.ts';
import type { LockQuery } from '../host/port.ts';
import { FieldLocks, lockedFields, lockQuery, REFUSED_COPY_LOCK, unlessRefused } from './locks.ts';
import { recordingHost } from './testing.ts';

const PARTIES = ['caf', 'ccvs', 'cd', 'msa'];

function validateAll(model: ReturnType<typeof negotiatingSample>, subject: { kind: 'article' | 'action'; id: string }) {
  recordSignoff(as(model, 'caf'), subject, 'propose');
  for (const party of PARTIES) recordSignoff(as(model, party), subject, 'validate');
}

/** The negotiating sample in an editable browser view, and its first article. */
function browserView() {
  const model = negotiatingSample();
  const article = readSnapshot(model.ydoc).articles[0]!;
  const container = document.createElement('div');
  document.body.append(container);
  const host = new BrowserHost(container, { editable: true, year: 2026 });
  return { model, article, container, host };
}

function close(host: BrowserHost, container: HTMLElement): void {
  host.dispose();
  container.remove();
}

describe('lockedFields', () => {
  it('lists every field of a validated article, none before; a signed convention keeps its follow-up open', () => {
    const model = negotiatingSample();
    const article = readSnapshot(model.ydoc).articles[0]!;
    expect(lockedFields(model.ydoc).size).toBe(0);
    validateAll(model, { kind: 'article', id: article.id });
    const query = lockQuery(lockedFields(model.ydoc));
    expect(query({ kind: 'article', id: article.id, field: 'body' })?.fr).toMatch(/^Verrouillé : l'article/);
    const other = readSnapshot(model.ydoc).articles[1]!;
    expect(query({ kind: 'article', id: other.id, field: 'body' })).toBeNull();
    changeStatus(as(model, 'caf'), 'validation', '', { blockingErrors: 0 });
    changeStatus(as(model, 'caf'), 'signee', '', { blockingErrors: 0 });
    const signed = lockQuery(lockedFields(model.ydoc));
    const action = readSnapshot(model.ydoc).axes[0]!.objectives[0]!.actions[0]!;
    expect(signed({ kind: 'action', id: action.id, field: 'title' })?.fr).toMatch(/^Convention signée/);
    expect(signed({ kind: 'action', id: action.id, field: 'statusByYear.2026' })).toBeNull();
    expect(signed({ kind: 'convention', id: 'convention', field: 'title' })).not.toBeNull();
    expect(signed({ kind: 'convention', id: 'convention', field: 'signatureDate' })).toBeNull();
  });
});

describe('FieldLocks', () => {
  it('pushes to the host only when the set of locked fields changes', async () => {
    const model = negotiatingSample();
    const { host } = recordingHost();
    const pushed: LockQuery[] = [];
    host.setLocks = async (query) => {
      pushed.push(query);
    };
    const errors: unknown[] = [];
    const locks = new FieldLocks(model.ydoc, (e) => errors.push(e), 0);
    await locks.attach(host);
    expect(pushed).toHaveLength(1);
    const article = readSnapshot(model.ydoc).articles[0]!;
    model.update('article', article.id, { title: 'Objet de la convention (revu)' });
    await new Promise((r) => setTimeout(r, 0));
    await locks.settled();
    expect(pushed).toHaveLength(1);
    validateAll(model, { kind: 'article', id: article.id });
    await new Promise((r) => setTimeout(r, 0));
    await locks.settled();
    expect(pushed).toHaveLength(2);
    expect(pushed[1]?.({ kind: 'article', id: article.id, field: 'body' })).not.toBeNull();
    recordSignoff(as(model, 'ccvs'), { kind: 'article', id: article.id }, 'reopen', 'Reformuler après le Copil');
    expect(locks.isLocked({ kind: 'article', id: article.id, field: 'body' })).toBeNull();
    await new Promise((r) => setTimeout(r, 0));
    await locks.settled();
    expect(pushed).toHaveLength(3);
    expect(errors).toEqual([]);
    locks.dispose();
  });

  it('reads the review again only after a change that may move a lock, answers the policy now, and pushes at most once per delay', async () => {
    vi.useFakeTimers();
    try {
      const model = negotiatingSample();
      const { host } = recordingHost();
      let pushes = 0;
      host.setLocks = async () => {
        pushes++;
      };
      const locks = new FieldLocks(model.ydoc, () => undefined, 100);
      await locks.attach(host);
      const article = readSnapshot(model.ydoc).articles[0]!;
      const read = locks.computations;
      // Typing in a text field, or a title, moves no lock: nothing is read again.
      model.update('article', article.id, { body: 'Un texte retapé.', title: 'Objet revu' });
      expect(locks.isLocked({ kind: 'article', id: article.id, field: 'body' })).toBeNull();
      expect(locks.computations).toBe(read);
      // Validations move one: the binding's question gets the lock at once, before the host is pushed.
      validateAll(model, { kind: 'article', id: article.id });
      expect(locks.isLocked({ kind: 'article', id: article.id, field: 'body' })?.fr).toMatch(/^Verrouillé/);
      expect(pushes).toBe(1);
      await vi.advanceTimersByTimeAsync(100);
      await locks.settled();
      // Six transactions in a row: one push.
      expect(pushes).toBe(2);
      locks.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports a host that fails, and pushes again on the next change', async () => {
    const model = negotiatingSample();
    const { host } = recordingHost();
    let fail = true;
    let calls = 0;
    host.setLocks = async () => {
      calls++;
      if (fail) throw new Error('Word occupé');
    };
    const errors: unknown[] = [];
    const locks = new FieldLocks(model.ydoc, (e) => errors.push(e));
    await locks.attach(host);
    expect(errors).toEqual([new Error('Word occupé')]);
    fail = false;
    await locks.attach(host);
    expect(calls).toBe(2);
    locks.dispose();
  });

  it('in the browser view, a validated article refuses typing until an editor reopens it', async () => {
    const { model, article, container, host } = browserView();
    const locks = new FieldLocks(
      model.ydoc,
      (e) => {
        throw e;
      },
      0,
    );
    const problems: Array<BindingProblem | null> = [];
    const binding = new HostBinding(model, host, { pollMs: 0, isLocked: locks.isLocked, onProblem: (p) => problems.push(p) });
    await binding.start();
    await locks.attach(host);
    validateAll(model, { kind: 'article', id: article.id });
    await new Promise((r) => setTimeout(r, 0));
    await locks.settled();
    const body = container.querySelector(`[data-tag="${fieldTag({ kind: 'article', id: article.id, field: 'body' })}"]`) as HTMLElement;
    expect(body.hasAttribute('contenteditable')).toBe(false);
    body.textContent = 'Tapé malgré le verrou';
    body.dispatchEvent(new Event('input', { bubbles: true }));
    await binding.settled();
    expect(model.read('article', article.id).body).toBe(article.body);
    expect(body.textContent).toBe(article.body);
    // The person is told why, once.
    expect(problems).toEqual([
      expect.objectContaining({ cause: 'locked', ref: { kind: 'article', id: article.id, field: 'body' }, fr: expect.stringMatching(/^Verrouillé : l'article .* Ce qui a été tapé a été retiré\.$/) }),
    ]);
    recordSignoff(as(model, 'ccvs'), { kind: 'article', id: article.id }, 'reopen', 'Reformuler après le Copil');
    await new Promise((r) => setTimeout(r, 0));
    await locks.settled();
    expect(body.getAttribute('contenteditable')).toBe('plaintext-only');
    body.textContent = 'Reformulé après le Copil.';
    body.dispatchEvent(new Event('input', { bubbles: true }));
    await binding.settled();
    expect(model.read('article', article.id).body).toBe('Reformulé après le Copil.');
    binding.dispose();
    locks.dispose();
    close(host, container);
  });

  it('once the server refused a change of this copy, typing in any field is put back with what to do', async () => {
    const { model, article, container, host } = browserView();
    let refused = false;
    const problems: Array<BindingProblem | null> = [];
    const isLocked = unlessRefused(() => refused, lockQuery(new Map()));
    const binding = new HostBinding(model, host, { pollMs: 0, isLocked, onProblem: (p) => problems.push(p) });
    await binding.start();
    const body = container.querySelector(`[data-tag="${fieldTag({ kind: 'article', id: article.id, field: 'body' })}"]`) as HTMLElement;
    const type = async (text: string) => {
      body.textContent = text;
      body.dispatchEvent(new Event('input', { bubbles: true }));
      await binding.settled();
    };
    await type('Avant le refus.');
    expect(model.read('article', article.id).body).toBe('Avant le refus.');
    refused = true;
    await type('Après le refus.');
    expect(model.read('article', article.id).body).toBe('Avant le refus.');
    expect(body.textContent).toBe('Avant le refus.');
    expect(problems.at(-1)).toMatchObject({ cause: 'locked', fr: `${REFUSED_COPY_LOCK.fr} Ce qui a été tapé a été retiré.` });
    binding.dispose();
    close(host, container);
  });
});
