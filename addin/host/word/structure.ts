// Checks the document against the layout from one load of every control's tag and text (and the body's text):
// parts missing (deleted, undone, cut) or duplicated (pasted), and text typed outside any field — found where a
// container's text holds more than its parts' texts.
import type { EntityRef } from '../../../shared/field-ref.ts';
import { allParts, type Part } from './layout.ts';
import { classifyTag } from './tags.ts';
import { squash } from './text.ts';

export interface StrayText {
  /** The entity (or section) whose container holds the text; null when it sits outside the convention. */
  near: EntityRef | null;
  container: string | null;
  text: string;
}

export interface StructureReport {
  missing: string[];
  duplicated: string[];
  stray: StrayText[];
}

export function checkStructure(layout: readonly Part[], controls: ReadonlyArray<{ tag: string; text: string }>, bodyText: string): StructureReport {
  const text = new Map<string, string>();
  const duplicated = new Set<string>();
  for (const { tag, text: value } of controls) {
    if (!classifyTag(tag)) continue;
    if (text.has(tag)) duplicated.add(tag);
    else text.set(tag, value);
  }
  const missing: string[] = [];
  for (const part of allParts(layout)) if (!text.has(part.tag)) missing.push(part.tag);

  const stray: StrayText[] = [];
  const check = (container: string | null, whole: string, children: readonly string[]) => {
    if (squash(whole) === children.map((tag) => squash(text.get(tag) ?? '')).join('')) return;
    // Cut each part's text out of the container's text; what is left was typed outside the parts.
    let rest = whole;
    for (const tag of children) {
      const inner = text.get(tag);
      if (!inner) continue;
      const at = rest.indexOf(inner);
      if (at >= 0) rest = `${rest.slice(0, at)}\u0000${rest.slice(at + inner.length)}`;
    }
    const left = rest
      .split('\u0000')
      .map((s) => s.replace(/[\s\p{Cc}]+/gu, ' ').trim())
      .filter((s) => squash(s) !== '')
      .join(' … ');
    if (left === '') return;
    const role = container ? classifyTag(container) : null;
    stray.push({ near: role?.role === 'entity' ? role.ref : null, container, text: left });
  };
  check(
    null,
    bodyText,
    layout.map((p) => p.tag),
  );
  for (const part of allParts(layout)) {
    const whole = text.get(part.tag);
    if (whole === undefined) continue;
    if (part.type === 'container') check(part.tag, whole, part.children.map((c) => c.tag));
    if (part.type === 'line') check(part.tag, whole, part.parts.map((c) => c.tag));
  }
  return { missing, duplicated: [...duplicated], stray };
}
