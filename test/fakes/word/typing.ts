// What a person's keystrokes do inside one content control: splice its text at a character offset (paragraphs
// separated by '\n'), keeping each character's bold/italic/underline and each paragraph's style and list, and
// the paragraph nodes that were not touched (so a caret in them stays put).
import { type Control, type Format, newRun, type Paragraph, plain, type Run } from './doc.ts';
import { notModelled, type Tree } from './tree.ts';

type Item = { kind: 'char'; ch: string; format: Format } | { kind: 'break'; paragraph: Paragraph };

export interface SpliceResult {
  /** The paragraph and offset right after the inserted text: where the caret ends up. */
  caret: { paragraph: Paragraph | null; offset: number };
}

/** The control's text as a person sees it: paragraphs joined by '\n'. */
export function typedText(control: Control): string {
  return lines(control)
    .map((p) => (p ? runsOf(p.children) : runsOf(control.inlines)).map((r) => r.text).join(''))
    .join('\n');
}

export function spliceControl(tree: Tree, control: Control, start: number, deleteCount: number, insert: string, format?: Format): SpliceResult {
  const paragraphs = lines(control);
  const items: Item[] = [];
  for (const p of paragraphs) {
    if (p) items.push({ kind: 'break', paragraph: p });
    for (const run of runsOf(p ? p.children : control.inlines)) for (const ch of run.text) items.push({ kind: 'char', ch, format: run });
  }
  // Items[0] is the first paragraph's break (block controls); it never counts as a character.
  const head = control.level === 'block' ? 1 : 0;
  const from = head + start;
  if (start < 0 || from + deleteCount > items.length) throw new RangeError(`Offset ${start}+${deleteCount} is outside "${typedText(control)}".`);
  const lineAt = (index: number): Paragraph | null => {
    for (let i = Math.min(index, items.length - 1); i >= 0; i--) {
      const item = items[i] as Item;
      if (item.kind === 'break') return item.paragraph;
    }
    return null;
  };
  const current = lineAt(from - 1);
  const before = items[from - 1];
  const after = items[from + deleteCount];
  const inherit = format ?? (before?.kind === 'char' ? before.format : after?.kind === 'char' ? after.format : plain);
  const added: Item[] = [];
  for (const ch of insert) {
    if (ch === '\n') {
      if (control.level === 'inline') throw notModelled('A line break typed in an inline (plain text) control.');
      added.push({ kind: 'break', paragraph: tree.newParagraph('', current?.style ?? 'Normal', current?.listItem ?? false) });
    } else added.push({ kind: 'char', ch, format: inherit });
  }
  items.splice(from, deleteCount, ...added);
  rebuild(tree, control, items);
  // The caret: after the inserted text.
  const end = from + added.length;
  const caretParagraph = lineAt(end - 1) ?? null;
  let offset = 0;
  for (let i = end - 1; i >= 0 && (items[i] as Item).kind === 'char'; i--) offset++;
  return { caret: { paragraph: caretParagraph, offset } };
}

function lines(control: Control): Array<Paragraph | null> {
  if (control.level === 'inline') return [null];
  if (control.blocks.some((b) => b.kind !== 'paragraph')) throw notModelled('Typing in a control that holds tables or nested controls.');
  return control.blocks as Paragraph[];
}

function runsOf(inlines: readonly Control['inlines'][number][]): Run[] {
  if (inlines.some((n) => n.kind !== 'run')) throw notModelled('Typing in a paragraph that holds inline controls.');
  return inlines as Run[];
}

function rebuild(tree: Tree, control: Control, items: Item[]): void {
  const groups: Array<{ paragraph: Paragraph | null; chars: Array<{ ch: string; format: Format }> }> = [];
  if (control.level === 'inline') groups.push({ paragraph: null, chars: [] });
  for (const item of items) {
    if (item.kind === 'break') groups.push({ paragraph: item.paragraph, chars: [] });
    else groups[groups.length - 1]?.chars.push(item);
  }
  const runs = (chars: Array<{ ch: string; format: Format }>): Run[] => {
    const out: Run[] = [];
    for (const { ch, format } of chars) {
      const last = out[out.length - 1];
      if (last && last.bold === format.bold && last.italic === format.italic && last.underline === format.underline) last.text += ch;
      else out.push(newRun(ch, format));
    }
    return out;
  };
  if (control.level === 'inline') {
    control.inlines = runs(groups[0]?.chars ?? []);
  } else {
    control.blocks = groups.map((g) => {
      const p = g.paragraph as Paragraph;
      p.children = runs(g.chars);
      return p;
    });
  }
  tree.reindex();
}
