// What the row readers share: the target convention's lookups, the drafts, the report, and the resolvers that find
// (or propose to create) an organisation, a person, an axis, an objective or an action from what a cell says.
import { columnLetters } from '../../shared/workbook/address.ts';
import { type Codec, fromCell } from '../../shared/workbook/cell-codec.ts';
import type { CellValue } from '../../shared/workbook/cell-value.ts';
import { fold, type Lookups } from '../../shared/workbook/lookups.ts';
import type { ImportIssue } from '../../shared/exchange/import-preview-types.ts';
import type { Text } from '../../shared/validation/finding.ts';
import type { ColumnMatch, TableMatch } from './columns.ts';
import { type Drafts, guessOrganisationType, type Source } from './drafts.ts';

/** One finding of the import report (the type the pane shows). */
export type Issue = ImportIssue;

/** One row being read: its cells by field key, and where each came from. */
export class Row {
  constructor(
    readonly match: TableMatch,
    readonly row: number,
    private readonly cells: CellValue[],
  ) {}

  get source(): Source {
    return { sheet: this.match.sheet.name, row: this.row };
  }

  column(field: string): ColumnMatch | undefined {
    return this.match.columns.find((c) => c.field === field);
  }

  has(field: string): boolean {
    return this.column(field) !== undefined;
  }

  value(field: string): CellValue {
    const column = this.column(field);
    return column ? (this.cells[column.index] ?? '') : '';
  }

  text(field: string): string {
    const v = this.value(field);
    return typeof v === 'string' ? v.trim() : String(v);
  }

  /** Year fields this row's table feeds with a prefix: `values.` → [['2026', 'values.2026'], …]. */
  years(prefix: string): Array<[string, string]> {
    return this.match.columns.filter((c) => c.field?.startsWith(prefix)).map((c) => [(c.field as string).slice(prefix.length), c.field as string]);
  }
}

export class ImportContext {
  readonly issues: Issue[] = [];

  constructor(
    readonly lookups: Lookups,
    readonly drafts: Drafts,
    /** The year a « Statut » column without a year stands for. */
    readonly year: number,
  ) {}

  report(row: Row | null, field: string | null, severity: 'error' | 'warning', message: Text, blocking = severity === 'error', table?: TableMatch): void {
    const match = row?.match ?? table;
    const column = row && field ? row.column(field) : undefined;
    this.issues.push({
      sheet: match?.sheet.name ?? '',
      row: row?.row ?? null,
      column: column ? columnLetters(column.index) : null,
      header: column?.header ?? null,
      severity,
      blocking,
      message,
    });
  }

  /** A cell through the Excel add-in's codec; reports what the model cannot take (and returns undefined). */
  read(row: Row, field: string, codec: Codec): string | undefined {
    const taken = fromCell(codec, row.value(field), this.lookups);
    if (!taken.ok) {
      this.report(row, field, 'error', { fr: taken.fr, en: taken.en });
      return undefined;
    }
    if (taken.warning) this.report(row, field, 'warning', taken.warning);
    return taken.text;
  }

  number(row: Row, field: string): number | null | undefined {
    const text = this.read(row, field, 'number');
    return text === undefined ? undefined : text === '' ? null : Number(text);
  }

  organisation(name: string, row: Row, field: string): string {
    const known = this.lookups.organisations.id(name) ?? this.drafts.created('organisation').find((d) => fold(String(d.data.name)) === fold(name))?.id;
    if (known) return known;
    const type = guessOrganisationType(name);
    this.report(row, field, 'warning', {
      fr: `« ${name} » n'est pas une organisation de la convention : elle sera ajoutée (type « ${type} », à vérifier).`,
      en: `"${name}" is not an organisation of the convention: it will be added (type "${type}", to check).`,
    });
    return this.drafts.create('organisation', null, { name, type }, row.source).id;
  }

  person(name: string, row: Row, field: string): string {
    const known = this.lookups.persons.id(name) ?? this.drafts.created('person').find((d) => fold(String(d.data.name)) === fold(name))?.id;
    if (known) return known;
    this.report(row, field, 'warning', {
      fr: `« ${name} » n'est pas une personne de la convention : elle sera ajoutée (sans organisation).`,
      en: `"${name}" is not a person of the convention: they will be added (with no organisation).`,
    });
    return this.drafts.create('person', null, { name }, row.source).id;
  }

  axis(number: string, title: string, row: Row): string {
    const known = this.lookups.axisByNumber.get(number) ?? this.drafts.created('axis').find((d) => String(d.data.number) === number)?.id;
    if (known) return known;
    return this.drafts.create('axis', null, { number: Number(number), title: title || `Axe ${number}` }, row.source).id;
  }

  objective(number: string, title: string, axisTitle: string, row: Row): string {
    const known = this.lookups.objectiveByNumber.get(number) ?? this.drafts.created('objective').find((d) => d.data.number === number)?.id;
    if (known) return known;
    const axisNumber = number.split('.')[0] ?? number;
    const axis = this.axis(axisNumber, axisTitle, row);
    return this.drafts.create('objective', axis, { number, title: title || `Objectif ${number}` }, row.source).id;
  }

  /** An action by its code, existing or added by an earlier row. */
  action(code: string): string | undefined {
    return this.lookups.actionByCode.get(code) ?? this.drafts.created('action').find((d) => d.data.code === code)?.id;
  }

  /** The entity a hidden id cell (`action:act_x`) names, when it is one of this convention's live ones. */
  byIdCell(row: Row, kind: string): string | undefined {
    const text = row.text('id');
    const at = text.indexOf(':');
    if (at < 0 || text.slice(0, at) !== kind) return undefined;
    const id = text.slice(at + 1);
    return this.drafts.exists(kind as Parameters<Drafts['exists']>[0], id) ? id : undefined;
  }
}

/** « 1.1 – Accroître l'offre » → the text after the number and its dash. */
export function titleAfterNumber(label: string): string {
  const m = /^\s*[0-9][0-9.]*\s*(?:[–—-]\s*)?(.*)$/.exec(label);
  return (m?.[1] ?? label).trim();
}

/** Splits a list cell on « ; » (or line breaks; commas only when there is no « ; »). */
export function splitList(text: string): string[] {
  const parts = /[;\n]/.test(text) ? text.split(/[;\n]/) : text.split(',');
  return parts.map((p) => p.trim()).filter(Boolean);
}
