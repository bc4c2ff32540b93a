// The slice of Word's JavaScript API the Word adapter uses, typed narrowly: the real `Word` global and the test
// fake both satisfy it (checked at compile time below), so the adapter never names `Word` itself.

export type ControlType = 'RichText' | 'PlainText';
export type AnchorLocation = 'Start' | 'End' | 'Before' | 'After';

/** What a content-control event tells: which controls (ids) and whether it came from a co-author. */
export interface WordEventArgs {
  readonly eventType: string;
  readonly ids: number[];
  /** `Local` or `Remote` (a co-author's edit, through Office's own co-authoring). */
  readonly source: string;
}

export interface WordHandlerResult {
  readonly context: { sync(): Promise<void> };
  remove(): void;
}

export interface WordEvent {
  add(handler: (args: WordEventArgs) => Promise<unknown>): WordHandlerResult;
}

interface Loadable {
  load(names: string): unknown;
}

export interface WordRange extends Loadable {
  readonly text: string;
  insertText(text: string, location: 'Before' | 'After' | 'Start' | 'End' | 'Replace'): WordRange;
  insertContentControl(type?: ControlType): WordContentControl;
}

export interface WordTable {
  styleBuiltIn: string;
  headerRowCount: number;
}

export interface WordParagraph extends Loadable {
  readonly text: string;
  styleBuiltIn: string;
  insertText(text: string, location: 'Start' | 'End' | 'Replace'): WordRange;
  insertParagraph(text: string, location: 'Before' | 'After'): WordParagraph;
  insertContentControl(type?: ControlType): WordContentControl;
  getNext(): WordParagraph;
  delete(): void;
}

export interface WordParagraphs extends Loadable {
  readonly items: WordParagraph[];
  getFirst(): WordParagraph;
}

export interface WordContentControl extends Loadable {
  readonly id: number;
  readonly text: string;
  readonly isNullObject: boolean;
  tag: string;
  title: string;
  cannotEdit: boolean;
  cannotDelete: boolean;
  appearance: string;
  color: string;
  readonly paragraphs: WordParagraphs;
  readonly onDataChanged: WordEvent;
  readonly onDeleted: WordEvent;
  readonly onSelectionChanged: WordEvent;
  insertText(text: string, location: 'Start' | 'End' | 'Replace'): WordRange;
  insertParagraph(text: string, location: AnchorLocation): WordParagraph;
  insertTable(rowCount: number, columnCount: number, location: AnchorLocation, values?: string[][]): WordTable;
  getRange(location?: 'Whole' | 'Start' | 'End' | 'Before' | 'After' | 'Content'): WordRange;
  delete(keepContent: boolean): void;
  clear(): void;
  select(mode?: 'Select' | 'Start' | 'End'): void;
}

export interface WordContentControls extends Loadable {
  readonly items: WordContentControl[];
  getByTag(tag: string): WordContentControls;
  getFirst(): WordContentControl;
  getFirstOrNullObject(): WordContentControl;
}

export interface WordBody extends Loadable {
  readonly text: string;
  insertParagraph(text: string, location: 'Start' | 'End'): WordParagraph;
}

export interface WordSetting extends Loadable {
  readonly value: unknown;
  readonly isNullObject: boolean;
}

export interface WordSettings {
  add(key: string, value: unknown): unknown;
  getItemOrNullObject(key: string): WordSetting;
}

export interface WordDocument {
  readonly body: WordBody;
  readonly contentControls: WordContentControls;
  readonly settings: WordSettings;
}

export interface WordContext {
  readonly document: WordDocument;
  sync(): Promise<void>;
}

export interface WordApi {
  run<T>(batch: (context: WordContext) => Promise<T>): Promise<T>;
}

/** The real `Word` namespace must fit the slice: a compile-time check, nothing at run time. */
type Fits<T extends WordApi> = T;
export type RealWordFits = Fits<typeof Word>;
