// Makes the document's structure match the layout in one Word.run (one load, one sync): keeps the parts that are
// in place, creates missing ones where they belong, deletes stale ones and recreates moved ones (a keyed diff
// over document order), fixes locks (labels, and fields whose part is locked) and locked texts, and unwraps
// duplicated tags (a copied field).
import { type Anchor, type Created, createPart, fieldDress, lookOf, relabel, retable } from './create.ts';
import { allParts, type FieldPart, type LabelPart, type Part } from './layout.ts';
import { classifyTag } from './tags.ts';
import { fieldText, squash } from './text.ts';
import type { WordContentControl, WordContext } from './word-api.ts';

export interface Loaded {
  control: WordContentControl;
  index: number;
  tag: string;
  text: string;
  appearance: string;
}

export interface RenderEnv {
  fieldText(part: FieldPart): string;
  /** Whether a field's part is locked now (the field is then read-only, grey, titled « Verrouillé »). */
  locked(part: FieldPart): boolean;
  /** Every part kept or created, before the final sync: to listen to its events (created ones have no id yet). */
  visit(part: Part | FieldPart | LabelPart, control: WordContentControl, loaded: Loaded | null): void;
  /** The look of an entity container (a mark shows a colored box and a title suffix). */
  decorate(part: Part, control: WordContentControl, loaded: Loaded | null): void;
  /** A control the render is about to delete (its deleted event is no person's doing). */
  deleting(id: number): void;
}

export interface Placed {
  part: Part | FieldPart | LabelPart;
  /** After the render, `id` and `text` are loaded on every placed control. */
  control: WordContentControl;
  created: boolean;
}

export interface RenderResult {
  placed: Placed[];
  removed: string[];
  duplicates: string[];
}

const LOAD = 'items/id,items/tag,items/text,items/cannotEdit,items/cannotDelete,items/appearance';

export async function renderLayout(context: WordContext, layout: readonly Part[], env: RenderEnv): Promise<RenderResult> {
  const all = context.document.contentControls;
  all.load(LOAD);
  await context.sync();

  const existing = new Map<string, Loaded>();
  const duplicates: Loaded[] = [];
  all.items.forEach((control, index) => {
    const tag = control.tag;
    if (!classifyTag(tag)) return;
    const entry = { control, index, tag, text: control.text, appearance: control.appearance };
    if (existing.has(tag)) duplicates.push(entry);
    else existing.set(tag, entry);
  });

  const order = new Map<string, number>();
  for (const part of allParts(layout)) order.set(part.tag, order.size);
  const inPlace = keptInPlace([...existing.values()].filter((e) => order.has(e.tag)), order);

  // What will be recreated: a part that is missing or out of place, with everything under it.
  const recreate = new Set<string>();
  const mark = (part: Part | FieldPart | LabelPart, forced: boolean) => {
    const again = forced || !inPlace.has(part.tag) || (part.type === 'line' && part.parts.some((p) => !inPlace.has(p.tag)));
    if (again) recreate.add(part.tag);
    if (part.type === 'container') for (const child of part.children) mark(child, again);
    if (part.type === 'line') for (const inline of part.parts) if (again) recreate.add(inline.tag);
  };
  for (const part of layout) mark(part, false);

  // Unwrap duplicates (their text stays, flagged as stray), delete stale and moved parts: inner ones first.
  const doomed = [...existing.values()].filter((e) => !order.has(e.tag) || recreate.has(e.tag));
  const removals = [...doomed.map((e) => ({ e, keep: false })), ...duplicates.map((e) => ({ e, keep: true }))].sort((a, b) => b.e.index - a.e.index);
  for (const { e, keep } of removals) {
    env.deleting(e.control.id);
    e.control.cannotEdit = false;
    e.control.cannotDelete = false;
    e.control.delete(keep);
  }

  const placed: Placed[] = [];
  const createEnv = {
    body: context.document.body,
    // A field recreated in its new place keeps what Word showed in it, typing not yet reported included.
    fieldText: (part: FieldPart) => {
      const was = existing.get(part.tag);
      return was ? fieldText(was.text, part.multiline).text : env.fieldText(part);
    },
    locked: env.locked,
    created: ({ part, control }: Created) => {
      placed.push({ part, control, created: true });
      env.visit(part, control, null);
      if (part.type === 'container') env.decorate(part, control, null);
      control.load('id,text');
    },
  };

  const keep = (part: Part | FieldPart | LabelPart, loaded: Loaded) => {
    const control = loaded.control;
    const locked = part.type === 'field' && env.locked(part);
    const look = lookOf(part, locked);
    placed.push({ part, control, created: false });
    env.visit(part, control, loaded);
    let relock = control.cannotEdit !== look.cannotEdit;
    if (control.cannotDelete !== look.cannotDelete) control.cannotDelete = look.cannotDelete;
    if (part.type === 'container') env.decorate(part, control, loaded);
    else if (control.appearance !== look.appearance) control.appearance = look.appearance;
    if (part.type === 'label' && 'lines' in part) {
      if (squash(loaded.text) !== squash(part.lines.join(''))) {
        relabel(control, part.lines, part.style);
        relock = false;
      }
    } else if (part.type === 'label' && loaded.text !== part.text) {
      control.cannotEdit = false;
      control.insertText(part.text, 'Replace');
      relock = true;
    } else if (part.type === 'table' && squash(loaded.text) !== squash(part.rows.flat().join(''))) {
      retable(control, part.rows);
      relock = false;
    }
    if (relock) control.cannotEdit = look.cannotEdit;
    if (relock && part.type === 'field') {
      const dressed = fieldDress(part, locked);
      control.title = dressed.title;
      control.color = dressed.color;
    }
  };

  const walk = (parts: readonly Part[], parent: WordContentControl | null) => {
    let previous: WordContentControl | null = null;
    for (const part of parts) {
      const kept = recreate.has(part.tag) ? null : (existing.get(part.tag) ?? null);
      if (!kept) {
        const anchor: Anchor = previous ? { after: previous } : parent ? { start: parent } : { body: 'Start' };
        previous = createPart(part, anchor, createEnv);
        continue;
      }
      previous = kept.control;
      keep(part, kept);
      if (part.type === 'container') walk(part.children, kept.control);
      if (part.type === 'line') for (const inline of part.parts) keep(inline, existing.get(inline.tag) as Loaded);
    }
  };

  walk(layout, null);
  await context.sync();
  return { placed, removed: doomed.filter((e) => !order.has(e.tag)).map((e) => e.tag), duplicates: duplicates.map((e) => e.tag) };
}

/** The largest set of existing parts already in the layout's order (longest increasing subsequence). */
function keptInPlace(entries: readonly Loaded[], order: ReadonlyMap<string, number>): Set<string> {
  const sequence = entries.map((e) => order.get(e.tag) as number);
  const tails: number[] = [];
  const previous = new Array<number>(sequence.length).fill(-1);
  for (let i = 0; i < sequence.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sequence[tails[mid] as number] as number) < (sequence[i] as number)) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1] as number;
    tails[lo] = i;
  }
  const kept = new Set<string>();
  for (let i = tails[tails.length - 1] ?? -1; i >= 0; i = previous[i] as number) kept.add((entries[i] as Loaded).tag);
  return kept;
}
