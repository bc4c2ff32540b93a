// The docx building blocks the convention document is made of: paragraphs, headings, label/value tables and
// grid tables in the house look (bleu France headings, light grey header rows), and French date formatting.
import { AlignmentType, BorderStyle, HeadingLevel, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { ConventionSnapshot } from '../../shared/index.ts';

export const BLUE = '000091';
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'BBBBBB' } as const;
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };

/** « 31/12/2029 », or a dotted blank to fill in by hand. */
export const frDate = (iso: string | null | undefined, blank = '……………'): string =>
  iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : blank;

export const euros = (n: number): string => `${new Intl.NumberFormat('fr-FR').format(n).replace(/\u202f/g, ' ')} €`;

/** One paragraph per line of a text; an empty text gives one empty paragraph. */
export function paragraphs(text: string, options: { italics?: boolean } = {}): Paragraph[] {
  const lines = text.split(/\r?\n/).filter((line, _i, all) => line.trim() !== '' || all.length === 1);
  return lines.map((line) => new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: line, italics: options.italics })] }));
}

export const heading = (text: string, level: 1 | 2 | 3, pageBreakBefore = false): Paragraph =>
  new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
    pageBreakBefore,
    keepNext: true,
    children: [new TextRun(text)],
  });

export const plain = (text: string, options: { bold?: boolean; center?: boolean; size?: number } = {}): Paragraph =>
  new Paragraph({
    alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { after: 120 },
    children: [new TextRun({ text, bold: options.bold, size: options.size })],
  });

const cell = (text: string, options: { header?: boolean; width?: number } = {}): TableCell =>
  new TableCell({
    ...(options.width ? { width: { size: options.width, type: WidthType.PERCENTAGE } } : {}),
    ...(options.header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E3E3FD' } } : {}),
    margins: { top: 60, bottom: 60, left: 80, right: 80 },
    children: text.split(/\r?\n/).map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: options.header, size: 18 })] })),
  });

/** A table with a repeated header row; `widths` in percent of the page. */
export function grid(headers: string[], rows: string[][], widths?: number[]): Table {
  const w = (i: number) => widths?.[i];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: BORDERS,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h, i) => cell(h, { header: true, width: w(i) })) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, { width: w(i) })) })),
    ],
  });
}

/** Two columns: label, value (a fiche action). Empty values are left out. */
export function labelled(entries: Array<[string, string]>): Table {
  const rows = entries.filter(([, value]) => value.trim() !== '');
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: BORDERS,
    rows: rows.map(([label, value]) => new TableRow({ cantSplit: true, children: [cell(label, { header: true, width: 28 }), cell(value, { width: 72 })] })),
  });
}

/** Names of organisations and persons by id (an unknown id shows as itself). */
export class Names {
  private readonly organisations: Map<string, string>;
  private readonly persons: Map<string, { name: string; capacity: string }>;

  constructor(snapshot: ConventionSnapshot) {
    this.organisations = new Map(snapshot.organisations.map((o) => [o.id, o.name]));
    this.persons = new Map(snapshot.persons.map((p) => [p.id, { name: p.name, capacity: p.capacity }]));
  }

  organisation(id: string | null): string {
    return id ? (this.organisations.get(id) ?? id) : '';
  }

  person(id: string | null): string {
    return id ? (this.persons.get(id)?.name ?? id) : '';
  }

  capacity(id: string): string {
    return this.persons.get(id)?.capacity ?? '';
  }
}
