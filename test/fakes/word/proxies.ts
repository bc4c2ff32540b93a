// The fake Word proxies: Document, Body, Paragraph(s), Range, ContentControl(s). Each call queues work
// on the context; each property read needs a load and a sync first. Only the slice the Word adapter uses.
import { ClientObject, type FakeRequestContext, loadNames } from './context.ts';
import { type Body, type Control, type ControlType, controlsIn, type Paragraph, paragraphsIn, type Table, textOf } from './doc.ts';
import { ErrorCodes, FakeOfficeError, propertyNotLoaded } from './errors.ts';
import { EventHandlersProxy } from './events.ts';
import { SettingCollectionProxy } from './settings.ts';
import type { WordState } from './state.ts';
import { notModelled, type Span, type Where } from './tree.ts';

type LoadArg = string | string[] | { select?: string; expand?: string };
const CONTROL_TYPES: readonly string[] = ['RichText', 'PlainText', 'DropDownList'];

function controlType(type: string | undefined, at: string): ControlType {
  const value = type ?? 'RichText';
  if (!CONTROL_TYPES.includes(value)) throw notModelled(`${at}('${value}')`);
  return value as ControlType;
}

export class DocumentProxy extends ClientObject<Body> {
  protected readonly scalars = [] as const;
  readonly body: BodyProxy;
  readonly contentControls: ContentControlCollectionProxy;
  readonly settings: SettingCollectionProxy;

  constructor(context: FakeRequestContext, state: WordState) {
    super(context, () => state.tree.body, 'Document');
    this.body = new BodyProxy(context, state);
    this.contentControls = new ContentControlCollectionProxy(context, state, () => controlsIn(state.tree.body));
    this.settings = new SettingCollectionProxy(context, state);
  }

  protected read(): unknown {
    return undefined;
  }
}

export class BodyProxy extends ClientObject<Body> {
  protected readonly scalars = ['text'] as const;
  readonly paragraphs: ParagraphCollectionProxy;
  readonly contentControls: ContentControlCollectionProxy;

  constructor(
    context: FakeRequestContext,
    private readonly state: WordState,
  ) {
    super(context, () => state.tree.body, 'Body');
    this.paragraphs = new ParagraphCollectionProxy(context, state, () => paragraphsIn(state.tree.body));
    this.contentControls = new ContentControlCollectionProxy(context, state, () => controlsIn(state.tree.body));
  }

  get text(): string {
    return this.get('text');
  }

  protected read(target: Body): unknown {
    return textOf(target);
  }

  insertParagraph(text: string, where: 'Start' | 'End'): ParagraphProxy {
    let made: Paragraph | null = null;
    this.queue((body) => {
      made = this.state.tree.insertParagraph(body, text, where, 'Body.insertParagraph');
    });
    return new ParagraphProxy(this.context, this.state, () => made);
  }
}

export class ParagraphProxy extends ClientObject<Paragraph> {
  protected readonly scalars = ['text', 'style', 'styleBuiltIn', 'isListItem', 'uniqueLocalId'] as const;

  constructor(
    context: FakeRequestContext,
    private readonly state: WordState,
    resolver: () => Paragraph | null,
  ) {
    super(context, resolver, 'Paragraph');
  }

  get text(): string {
    return this.get('text');
  }
  get isListItem(): boolean {
    return this.get('isListItem');
  }
  get styleBuiltIn(): string {
    return this.get('styleBuiltIn');
  }
  set styleBuiltIn(value: string) {
    this.set('styleBuiltIn', value, (p) => {
      p.style = value;
    });
  }
  get style(): string {
    return this.get('style');
  }
  set style(value: string) {
    this.set('style', value, (p) => {
      p.style = value;
    });
  }

  protected read(p: Paragraph, name: string): unknown {
    if (name === 'text') return textOf(p);
    if (name === 'style' || name === 'styleBuiltIn') return p.style;
    if (name === 'isListItem') return p.listItem;
    return `p${p.uid}`;
  }

  insertText(text: string, where: 'Start' | 'End' | 'Replace'): RangeProxy {
    let span: Span | null = null;
    this.queue((p) => {
      span = this.state.tree.insertText(p, text, where, 'Paragraph.insertText');
    });
    return new RangeProxy(this.context, this.state, () => span);
  }

  insertParagraph(text: string, where: 'Before' | 'After'): ParagraphProxy {
    let made: Paragraph | null = null;
    this.queue((p) => {
      made = this.state.tree.insertParagraph(p, text, where, 'Paragraph.insertParagraph');
    });
    return new ParagraphProxy(this.context, this.state, () => made);
  }

  insertContentControl(type?: string): ContentControlProxy {
    let made: Control | null = null;
    this.queue((p) => {
      made = this.state.tree.wrap(p, controlType(type, 'Paragraph.insertContentControl'), 'Paragraph.insertContentControl');
    });
    return new ContentControlProxy(this.context, this.state, () => made);
  }

  getNext(): ParagraphProxy {
    return new ParagraphProxy(this.context, this.state, () => {
      const next = this.state.tree.nextParagraph(this.target());
      if (!next) throw new FakeOfficeError(ErrorCodes.itemNotFound, 'There is no next paragraph.', { errorLocation: 'Paragraph.getNext' });
      return next;
    });
  }

  getNextOrNullObject(): ParagraphProxy {
    return new ParagraphProxy(this.context, this.state, () => this.state.tree.nextParagraph(this.target()));
  }

  delete(): void {
    this.queue((p) => this.state.tree.deleteParagraph(p, 'Paragraph.delete'));
  }
}

export class ParagraphCollectionProxy extends ClientObject<Paragraph[]> {
  protected readonly scalars = ['text', 'style', 'styleBuiltIn', 'isListItem', 'uniqueLocalId'] as const;
  private loadedItems: ParagraphProxy[] | null = null;

  constructor(
    context: FakeRequestContext,
    private readonly state: WordState,
    resolver: () => Paragraph[],
  ) {
    super(context, resolver, 'ParagraphCollection');
  }

  get items(): ParagraphProxy[] {
    if (!this.loadedItems) throw propertyNotLoaded(this.entity, 'items');
    return this.loadedItems;
  }

  protected read(): unknown {
    return undefined;
  }

  override load(names?: LoadArg): this {
    const wanted = loadNames(names, this.scalars);
    this.context.enqueue(() => {
      this.loadedItems = this.target().map((p) => {
        const proxy = new ParagraphProxy(this.context, this.state, () => p);
        proxy.loadNow(wanted);
        return proxy;
      });
    });
    return this;
  }

  getFirst(): ParagraphProxy {
    return new ParagraphProxy(this.context, this.state, () => {
      const first = this.target()[0];
      if (!first) throw new FakeOfficeError(ErrorCodes.itemNotFound, 'The collection is empty.', { errorLocation: 'ParagraphCollection.getFirst' });
      return first;
    });
  }

  getLast(): ParagraphProxy {
    return new ParagraphProxy(this.context, this.state, () => {
      const list = this.target();
      const last = list[list.length - 1];
      if (!last) throw new FakeOfficeError(ErrorCodes.itemNotFound, 'The collection is empty.', { errorLocation: 'ParagraphCollection.getLast' });
      return last;
    });
  }
}

export class RangeProxy extends ClientObject<Span> {
  protected readonly scalars = ['text'] as const;

  constructor(
    context: FakeRequestContext,
    private readonly state: WordState,
    resolver: () => Span | null,
  ) {
    super(context, resolver, 'Range');
  }

  get text(): string {
    return this.get('text');
  }

  protected read(span: Span): unknown {
    if (span.kind === 'point') return '';
    const inline = span.owner.kind === 'paragraph' || (span.owner.kind === 'control' && span.owner.level === 'inline');
    return span.nodes.map(textOf).join(inline ? '' : '\r');
  }

  insertText(text: string, where: Where): RangeProxy {
    let made: Span | null = null;
    this.queue((span) => {
      made = this.state.tree.insertText(span, text, where, 'Range.insertText');
    });
    return new RangeProxy(this.context, this.state, () => made);
  }

  insertContentControl(type?: string): ContentControlProxy {
    let made: Control | null = null;
    this.queue((span) => {
      made = this.state.tree.wrap(span, controlType(type, 'Range.insertContentControl'), 'Range.insertContentControl');
    });
    return new ContentControlProxy(this.context, this.state, () => made);
  }
}

export class TableProxy extends ClientObject<Table> {
  protected readonly scalars = ['styleBuiltIn', 'headerRowCount', 'values'] as const;

  constructor(context: FakeRequestContext, resolver: () => Table | null) {
    super(context, resolver, 'Table');
  }

  protected read(table: Table, name: string): unknown {
    if (name === 'values') return table.values.map((r) => [...r]);
    return name === 'headerRowCount' ? table.headerRowCount : table.style;
  }

  get styleBuiltIn(): string {
    return this.get('styleBuiltIn');
  }
  set styleBuiltIn(value: string) {
    this.set('styleBuiltIn', value, (t) => {
      t.style = value;
    });
  }
  get headerRowCount(): number {
    return this.get('headerRowCount');
  }
  set headerRowCount(value: number) {
    this.set('headerRowCount', value, (t) => {
      t.headerRowCount = value;
    });
  }
}

const CONTROL_SCALARS = ['id', 'tag', 'title', 'text', 'type', 'cannotEdit', 'cannotDelete', 'appearance', 'color', 'placeholderText'] as const;

export class ContentControlProxy extends ClientObject<Control> {
  protected readonly scalars = CONTROL_SCALARS;
  readonly paragraphs: ParagraphCollectionProxy;
  readonly contentControls: ContentControlCollectionProxy;
  readonly onDataChanged: EventHandlersProxy;
  readonly onDeleted: EventHandlersProxy;
  readonly onSelectionChanged: EventHandlersProxy;

  constructor(
    context: FakeRequestContext,
    private readonly state: WordState,
    resolver: () => Control | null,
  ) {
    super(context, resolver, 'ContentControl');
    this.paragraphs = new ParagraphCollectionProxy(context, state, () => paragraphsIn(this.target()));
    this.contentControls = new ContentControlCollectionProxy(context, state, () => controlsIn(this.target()));
    this.onDataChanged = new EventHandlersProxy(context, state.events, 'ContentControlDataChanged', () => this.target().id);
    this.onDeleted = new EventHandlersProxy(context, state.events, 'ContentControlDeleted', () => this.target().id);
    this.onSelectionChanged = new EventHandlersProxy(context, state.events, 'ContentControlSelectionChanged', () => this.target().id);
  }

  protected read(c: Control, name: string): unknown {
    if (name === 'text') return textOf(c);
    if (name === 'type') return c.type;
    return c[name as Exclude<(typeof CONTROL_SCALARS)[number], 'text' | 'type'>];
  }

  get id(): number {
    return this.get('id');
  }
  get text(): string {
    return this.get('text');
  }
  get type(): string {
    return this.get('type');
  }
  get tag(): string {
    return this.get('tag');
  }
  set tag(value: string) {
    this.set('tag', value, (c) => {
      c.tag = value;
    });
  }
  get title(): string {
    return this.get('title');
  }
  set title(value: string) {
    this.set('title', value, (c) => {
      c.title = value;
    });
  }
  get cannotEdit(): boolean {
    return this.get('cannotEdit');
  }
  set cannotEdit(value: boolean) {
    this.set('cannotEdit', value, (c) => {
      c.cannotEdit = value;
    });
  }
  get cannotDelete(): boolean {
    return this.get('cannotDelete');
  }
  set cannotDelete(value: boolean) {
    this.set('cannotDelete', value, (c) => {
      c.cannotDelete = value;
    });
  }
  get appearance(): string {
    return this.get('appearance');
  }
  set appearance(value: string) {
    this.set('appearance', value, (c) => {
      c.appearance = value;
    });
  }
  get color(): string {
    return this.get('color');
  }
  set color(value: string) {
    this.set('color', value, (c) => {
      c.color = value;
    });
  }
  get placeholderText(): string {
    return this.get('placeholderText');
  }
  set placeholderText(value: string) {
    this.set('placeholderText', value, (c) => {
      c.placeholderText = value;
    });
  }

  insertText(text: string, where: 'Start' | 'End' | 'Replace'): RangeProxy {
    let made: Span | null = null;
    this.queue((c) => {
      made = this.state.tree.insertText(c, text, where, 'ContentControl.insertText');
    });
    return new RangeProxy(this.context, this.state, () => made);
  }

  insertParagraph(text: string, where: 'Start' | 'End' | 'Before' | 'After'): ParagraphProxy {
    let made: Paragraph | null = null;
    this.queue((c) => {
      made = this.state.tree.insertParagraph(c, text, where, 'ContentControl.insertParagraph');
    });
    return new ParagraphProxy(this.context, this.state, () => made);
  }

  insertTable(rowCount: number, columnCount: number, where: 'Start' | 'End' | 'Before' | 'After', values?: string[][]): TableProxy {
    let made: Table | null = null;
    this.queue((c) => {
      const rows = values ?? Array.from({ length: rowCount }, () => Array.from({ length: columnCount }, () => ''));
      if (rows.length !== rowCount || rows.some((r) => r.length !== columnCount))
        throw new FakeOfficeError(ErrorCodes.invalidArgument, 'The values do not match the table size.', { errorLocation: 'ContentControl.insertTable' });
      made = this.state.tree.insertTable(c, rows, where, 'ContentControl.insertTable');
    });
    return new TableProxy(this.context, () => made);
  }

  getRange(where: 'Whole' | 'Start' | 'End' | 'Before' | 'After' | 'Content' = 'Whole'): RangeProxy {
    return new RangeProxy(this.context, this.state, () => {
      const c = this.target();
      const tree = this.state.tree;
      const content = c.level === 'inline' ? c.inlines : c.blocks;
      switch (where) {
        case 'Whole': {
          const owner = tree.parent(c);
          if (!owner) throw new FakeOfficeError(ErrorCodes.invalidObjectPath, 'The content control is no longer in the document.');
          return { kind: 'nodes', owner, nodes: [c] };
        }
        case 'Content':
          return { kind: 'nodes', owner: c, nodes: [...content] };
        case 'Start':
          return { kind: 'point', owner: c, index: () => 0 };
        case 'End':
          return { kind: 'point', owner: c, index: () => (c.level === 'inline' ? c.inlines : c.blocks).length };
        default:
          return tree.pointBeside(c, where, 'ContentControl.getRange');
      }
    });
  }

  delete(keepContent: boolean): void {
    this.queue((c) => this.state.tree.deleteControl(c, keepContent, 'ContentControl.delete'));
  }

  clear(): void {
    this.queue((c) => this.state.tree.clear(c, 'ContentControl.clear'));
  }

  select(mode: 'Select' | 'Start' | 'End' = 'Select'): void {
    this.queue((c) => this.state.selectControl(c, mode));
  }
}

export class ContentControlCollectionProxy extends ClientObject<Control[]> {
  protected readonly scalars = CONTROL_SCALARS;
  private loadedItems: ContentControlProxy[] | null = null;

  constructor(
    context: FakeRequestContext,
    private readonly state: WordState,
    resolver: () => Control[],
  ) {
    super(context, resolver, 'ContentControlCollection');
  }

  get items(): ContentControlProxy[] {
    if (!this.loadedItems) throw propertyNotLoaded(this.entity, 'items');
    return this.loadedItems;
  }

  protected read(): unknown {
    return undefined;
  }

  override load(names?: LoadArg): this {
    const wanted = loadNames(names, this.scalars);
    this.context.enqueue(() => {
      this.loadedItems = this.target().map((c) => {
        const proxy = new ContentControlProxy(this.context, this.state, () => c);
        proxy.loadNow(wanted);
        return proxy;
      });
    });
    return this;
  }

  getByTag(tag: string): ContentControlCollectionProxy {
    return new ContentControlCollectionProxy(this.context, this.state, () => this.target().filter((c) => c.tag === tag));
  }

  getById(id: number): ContentControlProxy {
    return new ContentControlProxy(this.context, this.state, () => {
      const found = this.target().find((c) => c.id === id);
      if (!found) throw new FakeOfficeError(ErrorCodes.itemNotFound, `No content control ${id}.`, { errorLocation: 'ContentControlCollection.getById' });
      return found;
    });
  }

  getByIdOrNullObject(id: number): ContentControlProxy {
    return new ContentControlProxy(this.context, this.state, () => this.target().find((c) => c.id === id) ?? null);
  }

  getFirst(): ContentControlProxy {
    return new ContentControlProxy(this.context, this.state, () => {
      const first = this.target()[0];
      if (!first) throw new FakeOfficeError(ErrorCodes.itemNotFound, 'The collection is empty.', { errorLocation: 'ContentControlCollection.getFirst' });
      return first;
    });
  }

  getFirstOrNullObject(): ContentControlProxy {
    return new ContentControlProxy(this.context, this.state, () => this.target()[0] ?? null);
  }
}

