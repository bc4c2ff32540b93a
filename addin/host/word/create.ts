// Queues the Word calls that create one part of the layout (and everything under it) at a place in the document:
// no sync here, so a whole convention is created in the same batch. Also the protection and look of each part.
import type { Mark } from '../port.ts';
import type { FieldPart, LabelPart, Part } from './layout.ts';
import type { ControlType, WordBody, WordContentControl, WordParagraph, WordRange } from './word-api.ts';

export type Anchor = { after: WordContentControl } | { start: WordContentControl } | { end: WordContentControl } | { body: 'Start' | 'End' };

export interface Look {
  cannotEdit: boolean;
  cannotDelete: boolean;
  appearance: 'BoundingBox' | 'Hidden';
}

/**
 * Labels and tables are locked; fields, lines and containers only cannot be deleted — a field is locked too while
 * its part is (validated by every signatory, a signed convention). Only fields show a box.
 */
export function lookOf(part: Part | FieldPart | LabelPart, locked = false): Look {
  switch (part.type) {
    case 'label':
    case 'table':
      return { cannotEdit: true, cannotDelete: true, appearance: 'Hidden' };
    case 'field':
      return { cannotEdit: locked, cannotDelete: true, appearance: 'BoundingBox' };
    default:
      return { cannotEdit: false, cannotDelete: true, appearance: 'Hidden' };
  }
}

const MARK_COLORS: Record<Mark['type'], string> = { error: '#C00000', warning: '#C55A11', presence: '#2F5597', locked: '#7F7F7F', comment: '#7030A0' };

/** A locked field's box is grey and its title says so; unlocked, it is back to the plain title. */
export function fieldDress(part: FieldPart, locked: boolean): { title: string; color: string } {
  return locked ? { title: `Verrouillé : ${part.title}`, color: MARK_COLORS.locked } : { title: part.title, color: '#000000' };
}

/** An entity's container is invisible, unless marked: then a colored box, the mark's words in its title. */
export function containerLook(part: { title: string }, mark: Mark | undefined): { appearance: 'BoundingBox' | 'Hidden'; color: string; title: string } {
  if (!mark) return { appearance: 'Hidden', color: '#000000', title: part.title };
  return { appearance: 'BoundingBox', color: MARK_COLORS[mark.type], title: `${part.title} — ${mark.label}` };
}

export interface Created {
  part: Part | FieldPart | LabelPart;
  control: WordContentControl;
}

export interface CreateEnv {
  body: WordBody;
  /** The text a field shows when created (its last known text, or the model's). */
  fieldText(part: FieldPart): string;
  /** Whether a field is created locked (its part is). */
  locked(part: FieldPart): boolean;
  /** Called for every control created (to load its id and listen to it). */
  created(entry: Created): void;
}

function paragraphAt(anchor: Anchor, body: WordBody): WordParagraph {
  if ('after' in anchor) return anchor.after.insertParagraph('', 'After');
  if ('start' in anchor) return anchor.start.insertParagraph('', 'Start');
  if ('end' in anchor) return anchor.end.insertParagraph('', 'End');
  return body.insertParagraph('', anchor.body);
}

function dress(control: WordContentControl, part: Part | FieldPart | LabelPart, title: string, env: CreateEnv): void {
  const locked = part.type === 'field' && env.locked(part);
  const look = lookOf(part, locked);
  const dressed = locked ? fieldDress(part as FieldPart, true) : null;
  control.tag = part.tag;
  control.title = dressed?.title ?? title;
  if (dressed) control.color = dressed.color;
  control.appearance = look.appearance;
  control.cannotDelete = look.cannotDelete;
  // Locking the contents comes last: the text is already in.
  if (look.cannotEdit) control.cannotEdit = true;
}

/** Fills a fresh block control with lines, one paragraph each, in a style. */
function fillLines(first: WordParagraph, control: WordContentControl, lines: readonly string[], style: string): void {
  for (const line of lines.slice(1)) control.insertParagraph(line, 'End').styleBuiltIn = style;
  first.styleBuiltIn = style;
}

export function createPart(part: Part, anchor: Anchor, env: CreateEnv): WordContentControl {
  const p = paragraphAt(anchor, env.body);
  switch (part.type) {
    case 'container': {
      const control = p.insertContentControl('RichText');
      dress(control, part, part.title, env);
      for (const child of part.children) createPart(child, { end: control }, env);
      if (part.children.length > 0) p.delete();
      env.created({ part, control });
      return control;
    }
    case 'field':
    case 'label': {
      const lines = part.type === 'label' ? part.lines : part.multiline ? env.fieldText(part).split('\n') : [env.fieldText(part)];
      p.insertText(lines[0] ?? '', 'Start');
      const type: ControlType = part.type === 'field' && !part.multiline ? 'PlainText' : 'RichText';
      const control = p.insertContentControl(type);
      fillLines(p, control, lines, part.style);
      dress(control, part, part.type === 'field' ? part.title : '', env);
      env.created({ part, control });
      return control;
    }
    case 'line': {
      p.styleBuiltIn = part.style;
      let previous: WordContentControl | null = null;
      for (const inline of part.parts) {
        const text = inline.type === 'label' ? inline.text : env.fieldText(inline);
        const range: WordRange = previous ? previous.getRange('Whole').insertText(text, 'After') : p.insertText(text, 'Start');
        const control: WordContentControl = range.insertContentControl('PlainText');
        dress(control, inline, inline.type === 'field' ? inline.title : '', env);
        env.created({ part: inline, control });
        previous = control;
      }
      const control = p.insertContentControl('RichText');
      dress(control, part, '', env);
      env.created({ part, control });
      return control;
    }
    case 'table': {
      const control = p.insertContentControl('RichText');
      table(control, part.rows);
      dress(control, part, part.title, env);
      env.created({ part, control });
      return control;
    }
  }
}

/** Rewrites the text of a locked block label (unlock, replace, lock again). */
export function relabel(control: WordContentControl, lines: readonly string[], style: string): void {
  control.cannotEdit = false;
  control.clear();
  control.insertText(lines[0] ?? '', 'Start');
  const first = control.paragraphs.getFirst();
  fillLines(first, control, lines, style);
  control.cannotEdit = true;
}

/** Rewrites a locked table. */
export function retable(control: WordContentControl, rows: readonly string[][]): void {
  control.cannotEdit = false;
  control.clear();
  table(control, rows);
  control.cannotEdit = true;
}

/** A table with a heading row, in a built-in table style. */
function table(control: WordContentControl, rows: readonly string[][]): void {
  const columns = Math.max(...rows.map((r) => r.length));
  const inserted = control.insertTable(rows.length, columns, 'Start', rows.map((r) => [...r, ...Array<string>(columns - r.length).fill('')]));
  inserted.styleBuiltIn = 'GridTable4_Accent1';
  inserted.headerRowCount = 1;
}
