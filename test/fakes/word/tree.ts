// The fake document's tree with its edits: where a node sits (parent index), inserting paragraphs and text at
// Word's locations, wrapping content in a content control, deleting, and lock checks (cannotEdit/cannotDelete).
import {
  type Block,
  type Body,
  type Control,
  type ControlType,
  childrenOf,
  type Format,
  type Inline,
  type Node,
  newRun,
  type Paragraph,
  plain,
  type Table,
  walk,
} from './doc.ts';
import { ErrorCodes, FakeOfficeError } from './errors.ts';

/** A stretch of a document: whole sibling nodes, or a point between two siblings. */
export type Span = { kind: 'nodes'; owner: Node; nodes: Node[] } | { kind: 'point'; owner: Node; index: () => number };

export type Where = 'Start' | 'End' | 'Before' | 'After' | 'Replace';

export interface Counters {
  uid(): number;
  controlId(): number;
}

const denied = (what: string, where: string) => new FakeOfficeError(ErrorCodes.accessDenied, what, { errorLocation: where });
const invalid = (what: string, where: string) => new FakeOfficeError(ErrorCodes.invalidArgument, what, { errorLocation: where });
export const notModelled = (what: string) => new FakeOfficeError(ErrorCodes.notModelled, what);

export class Tree {
  body: Body = { kind: 'body', blocks: [] };
  private parents = new WeakMap<Node, Node>();

  constructor(readonly counters: Counters) {
    this.body.blocks.push(this.newParagraph(''));
    this.reindex();
  }

  /** Rebuilds the parent index (after an undo replaced the whole tree). */
  reindex(): void {
    this.parents = new WeakMap();
    for (const node of walk(this.body)) for (const child of childrenOf(node)) this.parents.set(child, node);
  }

  parent(node: Node): Node | null {
    return this.parents.get(node) ?? null;
  }

  isAttached(node: Node): boolean {
    let at: Node | null = node;
    while (at && at !== this.body) at = this.parent(at);
    return at === this.body;
  }

  /** Controls around a node, innermost first, the node itself included when it is a control. */
  enclosingControls(node: Node): Control[] {
    const out: Control[] = [];
    for (let at: Node | null = node; at; at = this.parent(at)) if (at.kind === 'control') out.push(at);
    return out;
  }

  newParagraph(text: string, style = 'Normal', listItem = false): Paragraph {
    return { kind: 'paragraph', uid: this.counters.uid(), style, listItem, children: text ? [newRun(text)] : [] };
  }

  newControl(level: 'block' | 'inline', type: ControlType): Control {
    return {
      kind: 'control',
      id: this.counters.controlId(),
      level,
      type,
      tag: '',
      title: '',
      cannotEdit: false,
      cannotDelete: false,
      appearance: 'BoundingBox',
      color: '',
      placeholderText: '',
      listItems: [],
      blocks: [],
      inlines: [],
    };
  }

  // ---- locks -------------------------------------------------------------------------------------------------

  /** API or person changing what is inside `node`: refused inside a control whose contents are locked. */
  assertCanEdit(node: Node, where: string): void {
    for (const control of this.enclosingControls(node))
      if (control.cannotEdit) throw denied(`The content control "${control.tag}" cannot be edited.`, where);
  }

  /** Removing `node`: refused when it is, or holds, a control that cannot be deleted. */
  assertCanDelete(node: Node, where: string): void {
    for (const inner of walk(node))
      if (inner.kind === 'control' && inner.cannotDelete) throw denied(`The content control "${inner.tag}" cannot be deleted.`, where);
    const parent = this.parent(node);
    if (parent) this.assertCanEdit(parent, where);
  }

  // ---- structure ---------------------------------------------------------------------------------------------

  private insertAt(owner: Node, index: number, nodes: Node[]): void {
    const list = childrenOf(owner);
    if (owner.kind === 'paragraph' || (owner.kind === 'control' && owner.level === 'inline')) {
      if (nodes.some((n) => n.kind !== 'run' && !(n.kind === 'control' && n.level === 'inline'))) throw invalid('Blocks cannot go inside a line.', 'insert');
    } else if (nodes.some((n) => n.kind === 'run' || (n.kind === 'control' && n.level === 'inline'))) {
      throw notModelled('Text directly between blocks (Range.insertText next to a block).');
    }
    list.splice(index, 0, ...nodes);
    for (const node of nodes) {
      this.parents.set(node, owner);
      for (const inner of walk(node)) for (const child of childrenOf(inner)) this.parents.set(child, inner);
    }
  }

  /** Takes a node out of its owner; a block control or the body left empty gets an empty paragraph, as in Word. */
  detach(node: Node): void {
    const owner = this.remove(node);
    if (owner?.kind === 'control' && owner.level === 'block' && owner.blocks.length === 0) owner.blocks.push(this.adopt(this.newParagraph(''), owner));
    if (owner?.kind === 'body' && owner.blocks.length === 0) owner.blocks.push(this.adopt(this.newParagraph(''), owner));
  }

  /** Takes a node out of its owner, leaving the owner as it is (the caller fills it). */
  private remove(node: Node): Node | null {
    const owner = this.parent(node);
    if (!owner) return null;
    const list = childrenOf(owner);
    const index = list.indexOf(node);
    if (index >= 0) list.splice(index, 1);
    this.parents.delete(node);
    return owner;
  }

  private adopt<T extends Node>(node: T, owner: Node): T {
    this.parents.set(node, owner);
    return node;
  }

  indexIn(owner: Node, node: Node): number {
    const index = childrenOf(owner).indexOf(node);
    if (index < 0) throw new FakeOfficeError(ErrorCodes.invalidObjectPath, 'The object is no longer in the document.');
    return index;
  }

  private ownerOf(node: Node, where: string): Node {
    const owner = this.parent(node);
    if (!owner || !this.isAttached(node)) throw new FakeOfficeError(ErrorCodes.invalidObjectPath, 'The object is no longer in the document.', { errorLocation: where });
    return owner;
  }

  /** `insertParagraph` on the body, a block control (Start/End/Before/After) or a paragraph (Before/After). */
  insertParagraph(target: Body | Control | Paragraph, text: string, where: Where, at: string): Paragraph {
    if (/[\r\n]/.test(text)) throw notModelled('insertParagraph with a line break in its text.');
    if (target.kind === 'control' && target.level === 'inline') throw invalid('An inline content control holds no paragraphs.', at);
    if (where === 'Start' || where === 'End') {
      if (target.kind === 'paragraph') throw invalid(`A paragraph takes 'Before' or 'After', not '${where}'.`, at);
      this.assertCanEdit(target, at);
      const list = childrenOf(target);
      const neighbour = (where === 'Start' ? list[0] : list[list.length - 1]) as Block | undefined;
      const p = this.newParagraph(text, neighbour?.kind === 'paragraph' ? neighbour.style : 'Normal');
      this.insertAt(target, where === 'Start' ? 0 : list.length, [p]);
      return p;
    }
    if (where === 'Before' || where === 'After') {
      if (target.kind === 'body') throw invalid(`The body takes 'Start' or 'End', not '${where}'.`, at);
      const owner = this.ownerOf(target, at);
      this.assertCanEdit(owner, at);
      const p = this.newParagraph(text, target.kind === 'paragraph' ? target.style : 'Normal', target.kind === 'paragraph' && target.listItem);
      this.insertAt(owner, this.indexIn(owner, target) + (where === 'After' ? 1 : 0), [p]);
      return p;
    }
    throw invalid(`insertParagraph does not take '${where}'.`, at);
  }

  /** `insertText` on a paragraph, a control or a span; returns the span of what was inserted. */
  insertText(target: Paragraph | Control | Span, text: string, where: Where, at: string): Span {
    if ('kind' in target && (target.kind === 'nodes' || target.kind === 'point')) return this.insertTextAtSpan(target, text, where, at);
    const node = target as Paragraph | Control;
    this.assertCanEdit(node, at);
    if (node.kind === 'control' && node.level === 'block') {
      if (where === 'Replace') return this.replaceBlockContent(node, text);
      const paragraphs = node.blocks.filter((b): b is Paragraph => b.kind === 'paragraph');
      const p = where === 'Start' ? paragraphs[0] : paragraphs[paragraphs.length - 1];
      if (!p) throw notModelled('insertText into a block control holding no paragraph.');
      return this.insertText(p, text, where, at);
    }
    if (/[\r\n]/.test(text)) {
      if (node.kind === 'paragraph' && where === 'Replace') return this.replaceParagraph(node, text);
      throw notModelled('insertText with a line break, other than replacing a paragraph or a block control.');
    }
    const owner = node;
    const list = childrenOf(owner);
    if (where === 'Replace') {
      for (const child of [...list]) this.detach(child);
      const run = newRun(text, firstFormat(list));
      this.insertAt(owner, 0, [run]);
      return { kind: 'nodes', owner, nodes: [run] };
    }
    if (where !== 'Start' && where !== 'End') throw invalid(`insertText here takes Start, End or Replace, not '${where}'.`, at);
    const neighbour = where === 'Start' ? list[0] : list[list.length - 1];
    const run = newRun(text, neighbour?.kind === 'run' ? neighbour : plain);
    this.insertAt(owner, where === 'Start' ? 0 : list.length, [run]);
    return { kind: 'nodes', owner, nodes: [run] };
  }

  private insertTextAtSpan(span: Span, text: string, where: Where, at: string): Span {
    if (/[\r\n]/.test(text)) throw notModelled('Range.insertText with a line break.');
    this.assertCanEdit(span.owner, at);
    if (span.kind === 'point') {
      const run = newRun(text);
      this.insertAt(span.owner, span.index(), [run]);
      return { kind: 'nodes', owner: span.owner, nodes: [run] };
    }
    const first = span.nodes[0];
    const last = span.nodes[span.nodes.length - 1];
    if (!first || !last) throw invalid('Empty range.', at);
    const run = newRun(text);
    if (where === 'Before' || where === 'Start') this.insertAt(span.owner, this.indexIn(span.owner, first), [run]);
    else if (where === 'After' || where === 'End') this.insertAt(span.owner, this.indexIn(span.owner, last) + 1, [run]);
    else {
      const index = this.indexIn(span.owner, first);
      for (const node of span.nodes) this.detach(node);
      this.insertAt(span.owner, index, [run]);
    }
    return { kind: 'nodes', owner: span.owner, nodes: [run] };
  }

  /** Replaces a paragraph's content; extra lines become paragraphs of the same style after it. */
  private replaceParagraph(p: Paragraph, text: string): Span {
    const [first = '', ...rest] = text.split(/\r\n|\r|\n/);
    const format = firstFormat(p.children);
    for (const child of [...p.children]) this.detach(child);
    if (first) this.insertAt(p, 0, [newRun(first, format)]);
    const owner = this.ownerOf(p, 'Paragraph.insertText');
    const added = rest.map((line) => {
      const q = this.newParagraph('', p.style, p.listItem);
      if (line) q.children.push(newRun(line, format));
      return q;
    });
    this.insertAt(owner, this.indexIn(owner, p) + 1, added);
    return { kind: 'nodes', owner, nodes: [p, ...added] };
  }

  private replaceBlockContent(control: Control, text: string): Span {
    const first = control.blocks.find((b): b is Paragraph => b.kind === 'paragraph');
    const style = first?.style ?? 'Normal';
    for (const block of control.blocks) this.assertCanDelete(block, 'ContentControl.insertText');
    for (const block of [...control.blocks]) this.remove(block);
    const added = text.split(/\r\n|\r|\n/).map((line) => this.newParagraph(line, style));
    this.insertAt(control, 0, added);
    return { kind: 'nodes', owner: control, nodes: added };
  }

  /** Wraps a paragraph, or a span of whole siblings, in a new content control. */
  wrap(target: Paragraph | Span, type: ControlType, at: string): Control {
    const span: Span = 'owner' in target ? target : { kind: 'nodes', owner: this.ownerOf(target, at), nodes: [target] };
    if (span.kind === 'point' || span.nodes.length === 0) throw notModelled('insertContentControl on an empty range.');
    this.assertCanEdit(span.owner, at);
    const inline = span.owner.kind === 'paragraph' || (span.owner.kind === 'control' && span.owner.level === 'inline');
    const control = this.newControl(inline ? 'inline' : 'block', type);
    if (!inline && type === 'PlainText' && span.nodes.length > 1) throw invalid('A plain text control holds one paragraph.', at);
    const index = this.indexIn(span.owner, span.nodes[0] as Node);
    for (const node of span.nodes) this.remove(node);
    if (inline) control.inlines.push(...(span.nodes as Inline[]));
    else {
      if (span.owner.kind !== 'body' && span.owner.kind !== 'control') throw invalid('Blocks must sit in the body or a block control.', at);
      control.blocks.push(...(span.nodes as Block[]));
    }
    this.insertAt(span.owner, index, [control]);
    return control;
  }

  deleteControl(control: Control, keepContent: boolean, at: string): void {
    if (control.cannotDelete) throw denied(`The content control "${control.tag}" cannot be deleted.`, at);
    const owner = this.ownerOf(control, at);
    this.assertCanEdit(owner, at);
    if (!keepContent) this.assertCanDelete(control, at);
    const index = this.indexIn(owner, control);
    const content = control.level === 'inline' ? control.inlines : control.blocks;
    if (!keepContent) {
      this.detach(control);
      return;
    }
    this.remove(control);
    this.insertAt(owner, index, [...content]);
  }

  deleteParagraph(p: Paragraph, at: string): void {
    this.assertCanDelete(p, at);
    this.ownerOf(p, at);
    this.detach(p);
  }

  clear(control: Control, at: string): void {
    this.assertCanEdit(control, at);
    const content = control.level === 'inline' ? [...control.inlines] : [...control.blocks];
    for (const node of content) this.assertCanDelete(node, at);
    const first = control.blocks.find((b): b is Paragraph => b.kind === 'paragraph');
    for (const node of content) this.remove(node);
    if (control.level === 'block') this.insertAt(control, 0, [this.newParagraph('', first?.style ?? 'Normal')]);
  }

  /** The point just after a node, in its owner (recomputed when used, as Word re-resolves a range). */
  pointBeside(node: Node, side: 'Before' | 'After', at: string): Span {
    const owner = this.ownerOf(node, at);
    return { kind: 'point', owner, index: () => this.indexIn(owner, node) + (side === 'After' ? 1 : 0) };
  }

  /** The next paragraph in document order, or null at the end of the document. */
  nextParagraph(p: Paragraph): Paragraph | null {
    let seen = false;
    for (const node of walk(this.body)) {
      if (node === p) seen = true;
      else if (seen && node.kind === 'paragraph') return node;
    }
    return null;
  }

  insertTable(target: Control | Paragraph | Body, rows: string[][], where: Where, at: string): Table {
    const table: Table = { kind: 'table', uid: this.counters.uid(), values: rows.map((r) => [...r]), style: 'TableGrid', headerRowCount: 0 };
    if (target.kind === 'body' || (target.kind === 'control' && (where === 'Start' || where === 'End'))) {
      this.assertCanEdit(target, at);
      this.insertAt(target, where === 'Start' ? 0 : childrenOf(target).length, [table]);
      return table;
    }
    const owner = this.ownerOf(target, at);
    this.assertCanEdit(owner, at);
    this.insertAt(owner, this.indexIn(owner, target) + (where === 'After' ? 1 : 0), [table]);
    return table;
  }
}

function firstFormat(nodes: readonly Node[]): Format {
  const run = nodes.find((n) => n.kind === 'run');
  return run?.kind === 'run' ? run : plain;
}
