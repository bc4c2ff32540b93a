// The fake Word document as a plain tree: body → paragraphs, tables and block content controls; paragraphs →
// runs and inline content controls. Pure helpers only (text, traversal, cloning); edits live in edit.ts.

export interface Format {
  bold: boolean;
  italic: boolean;
  underline: boolean;
}

export interface Run extends Format {
  kind: 'run';
  text: string;
}

export interface Paragraph {
  kind: 'paragraph';
  uid: number;
  /** The built-in style name (`Normal`, `Title`, `Heading1`…). */
  style: string;
  listItem: boolean;
  children: Inline[];
}

export interface Table {
  kind: 'table';
  uid: number;
  values: string[][];
  style: string;
  headerRowCount: number;
}

export type ControlType = 'RichText' | 'PlainText' | 'DropDownList';

export interface Control {
  kind: 'control';
  id: number;
  level: 'block' | 'inline';
  type: ControlType;
  tag: string;
  title: string;
  cannotEdit: boolean;
  cannotDelete: boolean;
  appearance: string;
  color: string;
  placeholderText: string;
  listItems: Array<{ text: string; value: string }>;
  /** Block controls hold blocks, inline controls hold inlines. */
  blocks: Block[];
  inlines: Inline[];
}

export type Inline = Run | Control;
export type Block = Paragraph | Table | Control;

export interface Body {
  kind: 'body';
  blocks: Block[];
}

export type Node = Body | Block | Inline;
export type BlockOwner = Body | Control;
export type InlineOwner = Paragraph | Control;

/** Word separates paragraphs with a carriage return in `text` (and cells with a tab). */
export const PARAGRAPH_MARK = '\r';

export const plain: Format = { bold: false, italic: false, underline: false };

export function textOf(node: Node): string {
  switch (node.kind) {
    case 'run':
      return node.text;
    case 'paragraph':
      return node.children.map(textOf).join('');
    case 'table':
      return node.values.map((row) => row.join('\t')).join(PARAGRAPH_MARK);
    case 'control':
      return node.level === 'inline' ? node.inlines.map(textOf).join('') : node.blocks.map(textOf).join(PARAGRAPH_MARK);
    case 'body':
      return node.blocks.map(textOf).join(PARAGRAPH_MARK);
  }
}

export function childrenOf(node: Node): Node[] {
  switch (node.kind) {
    case 'body':
      return node.blocks;
    case 'paragraph':
      return node.children;
    case 'control':
      return node.level === 'inline' ? node.inlines : node.blocks;
    default:
      return [];
  }
}

/** Every node under `root`, in document order (a node before its children). */
export function* walk(root: Node): Generator<Node> {
  yield root;
  for (const child of childrenOf(root)) yield* walk(child);
}

export function controlsIn(root: Node): Control[] {
  const out: Control[] = [];
  for (const node of walk(root)) if (node !== root && node.kind === 'control') out.push(node);
  return out;
}

export function paragraphsIn(root: Node): Paragraph[] {
  const out: Paragraph[] = [];
  for (const node of walk(root)) if (node.kind === 'paragraph') out.push(node);
  return out;
}

export function cloneBody(body: Body): Body {
  return structuredClone(body);
}

export function newRun(text: string, format: Format = plain): Run {
  return { kind: 'run', text, bold: format.bold, italic: format.italic, underline: format.underline };
}
