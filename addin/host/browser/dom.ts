// A minimal DOM toolkit for the in-browser host: `h` builds keyed elements, `morph` updates a live tree to match a
// freshly built one in place. Field elements (`data-tag`) are never replaced, so the person's caret, focus and
// not-yet-reconciled typing survive a remote structural change.
import { splice } from '../../binding/three-way.ts';
export type Child = Node | string | null | undefined | false;

export function h(tag: string, props: Record<string, string | boolean | undefined> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return el;
}

const keyOf = (node: Node): string | null =>
  node.nodeType === 1 ? ((node as Element).getAttribute('data-key') ?? (node as Element).getAttribute('data-tag')) : null;

/** Makes `live`'s children match `next`'s: keyed children are matched by key and kept, the rest replaced. */
export function morph(live: Element, next: Element): void {
  syncAttributes(live, next);
  if (live.hasAttribute('data-tag')) return; // a field: its content belongs to the binding
  const byKey = new Map<string, Node>();
  for (const child of Array.from(live.childNodes)) {
    const key = keyOf(child);
    if (key !== null) byKey.set(key, child);
  }
  const wanted = Array.from(next.childNodes);
  let cursor: Node | null = live.firstChild;
  for (const nextChild of wanted) {
    const key = keyOf(nextChild);
    let kept: Node | null = null;
    if (key !== null) {
      const candidate = byKey.get(key);
      if (candidate && (candidate as Element).tagName === (nextChild as Element).tagName) {
        byKey.delete(key);
        morph(candidate as Element, nextChild as Element);
        kept = candidate;
      }
    } else if (cursor && keyOf(cursor) === null && sameShallow(cursor, nextChild)) {
      if (cursor.nodeType === 1) morph(cursor as Element, nextChild as Element);
      kept = cursor;
    }
    const node = kept ?? nextChild;
    if (node !== cursor) live.insertBefore(node, cursor);
    cursor = node.nextSibling;
  }
  while (cursor) {
    const after: ChildNode | null = cursor.nextSibling;
    live.removeChild(cursor);
    cursor = after;
  }
}

function sameShallow(a: Node, b: Node): boolean {
  if (a.nodeType !== b.nodeType) return false;
  if (a.nodeType === 3) return a.nodeValue === b.nodeValue;
  return a.nodeType === 1 && (a as Element).tagName === (b as Element).tagName;
}

function syncAttributes(live: Element, next: Element): void {
  for (const attr of Array.from(live.attributes)) if (!next.hasAttribute(attr.name)) live.removeAttribute(attr.name);
  for (const attr of Array.from(next.attributes)) if (live.getAttribute(attr.name) !== attr.value) live.setAttribute(attr.name, attr.value);
}

/**
 * Makes a field read-only with a visible « Verrouillé » cue (class, badge text, the reason as its tooltip), or
 * editable again (when the page is).
 */
export function lockField(el: HTMLElement, lock: { fr: string } | null, editable: boolean): void {
  el.classList.toggle('ctg-locked', lock !== null);
  if (lock) {
    el.setAttribute('data-locked', 'Verrouillé');
    el.setAttribute('title', lock.fr);
  } else {
    el.removeAttribute('data-locked');
    el.removeAttribute('title');
  }
  if (el instanceof HTMLSelectElement) {
    el.disabled = !editable || lock !== null;
    return;
  }
  if (lock || !editable) {
    el.removeAttribute('contenteditable');
    el.setAttribute('aria-readonly', 'true');
  } else {
    el.setAttribute('contenteditable', 'plaintext-only');
    el.removeAttribute('aria-readonly');
  }
}

/** The plain text of an editable field: text nodes, line breaks and block boundaries as newlines. */
export function fieldText(el: Element): string {
  if (el instanceof HTMLSelectElement || el instanceof HTMLInputElement) return el.value;
  let out = '';
  const walk = (node: Node, first: boolean) => {
    if (node.nodeType === 3) out += node.nodeValue ?? '';
    else if (node.nodeName === 'BR') out += '\n';
    else {
      const block = node !== el && /^(DIV|P|LI)$/.test(node.nodeName);
      if (block && !first && !out.endsWith('\n')) out += '\n';
      Array.from(node.childNodes).forEach((child, i) => {
        walk(child, first && i === 0);
      });
    }
  };
  walk(el, true);
  return out;
}

/** Sets a field's text; if the person's caret is in it, the caret moves with the text around it. */
export function setFieldText(el: Element, value: string): void {
  if (el instanceof HTMLSelectElement || el instanceof HTMLInputElement) {
    if (el.value !== value) el.value = value;
    return;
  }
  const old = fieldText(el);
  if (old === value) return;
  const selection = el.ownerDocument.getSelection();
  const focused = selection !== null && selection.rangeCount > 0 && el.contains(selection.anchorNode);
  let caret = focused ? caretOffset(el, selection) : 0;
  const change = splice(old, value);
  if (caret > change.start) caret = Math.max(change.start, caret + change.inserted.length - change.deleted);
  el.textContent = value;
  if (focused && el.firstChild) {
    const range = el.ownerDocument.createRange();
    range.setStart(el.firstChild, Math.min(value.length, caret));
    range.collapse(true);
    selection.removeAllRanges();
    selection.addRange(range);
  }
}

function caretOffset(el: Element, selection: Selection): number {
  const range = selection.getRangeAt(0).cloneRange();
  range.selectNodeContents(el);
  range.setEnd(selection.getRangeAt(0).startContainer, selection.getRangeAt(0).startOffset);
  return range.toString().length;
}
