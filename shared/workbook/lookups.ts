// What the workbook shows instead of ids and codes, and back: organisations and persons by name, vocabulary codes
// by French label, objectives by number, actions by code, the convention period. Built from each snapshot.
import { ACTION_STATUSES, ACTION_TYPES, BUDGET_NATURES, type ConventionSnapshot, INDICATOR_KINDS } from '../index.ts';

export type Vocabulary = 'actionType' | 'status' | 'indicatorKind' | 'nature';

const VOCABULARIES: Record<Vocabulary, { codes: readonly string[]; labels: Record<string, { fr: string }> }> = {
  actionType: ACTION_TYPES,
  status: ACTION_STATUSES,
  indicatorKind: INDICATOR_KINDS,
  nature: BUDGET_NATURES,
};

/** Case- and accent-insensitive, apostrophes and spaces normalised: « caisse d'allocations » finds « Caisse d’allocations ». */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** A two-way table between ids (or codes) and the names shown; names shared by two entries get their id. */
export class NameTable {
  readonly names = new Map<string, string>();
  private readonly ids = new Map<string, string>();

  constructor(entries: ReadonlyArray<{ id: string; name: string }>) {
    const count = new Map<string, number>();
    for (const e of entries) count.set(fold(e.name), (count.get(fold(e.name)) ?? 0) + 1);
    for (const e of entries) {
      const name = (count.get(fold(e.name)) ?? 0) > 1 || e.name.trim() === '' ? `${e.name} (${e.id})` : e.name;
      this.names.set(e.id, name);
      this.ids.set(fold(name), e.id);
      this.ids.set(fold(e.id), e.id);
    }
  }

  name(id: string): string {
    return this.names.get(id) ?? id;
  }

  id(name: string): string | undefined {
    return this.ids.get(fold(name));
  }
}

export interface Period {
  start: string | null;
  end: string | null;
}

export class Lookups {
  readonly organisations: NameTable;
  readonly persons: NameTable;
  readonly signatories: Set<string>;
  readonly vocabularies: Record<Vocabulary, NameTable>;
  readonly period: Period;
  /** Objective id → its number; number → id. Action id → code; code → id. Axis number → id. */
  readonly objectiveNumber = new Map<string, string>();
  readonly objectiveByNumber = new Map<string, string>();
  readonly actionCode = new Map<string, string>();
  readonly actionByCode = new Map<string, string>();
  readonly axisByNumber = new Map<string, string>();

  constructor(snapshot: ConventionSnapshot) {
    this.organisations = new NameTable(snapshot.organisations);
    this.persons = new NameTable(snapshot.persons);
    this.signatories = new Set(snapshot.signatories.map((s) => s.organisationId));
    this.vocabularies = {
      actionType: vocabularyTable('actionType'),
      status: vocabularyTable('status'),
      indicatorKind: vocabularyTable('indicatorKind'),
      nature: vocabularyTable('nature'),
    };
    this.period = { start: snapshot.convention.startDate, end: snapshot.convention.endDate };
    for (const axis of snapshot.axes) {
      this.axisByNumber.set(String(axis.number), axis.id);
      for (const objective of axis.objectives) {
        this.objectiveNumber.set(objective.id, objective.number);
        this.objectiveByNumber.set(objective.number.trim(), objective.id);
        for (const action of objective.actions) {
          this.actionCode.set(action.id, action.code);
          if (action.code.trim() !== '') this.actionByCode.set(action.code.trim(), action.id);
        }
      }
    }
  }

  /** The French labels of a vocabulary, in order, for a validation list. */
  labels(vocabulary: Vocabulary): string[] {
    return VOCABULARIES[vocabulary].codes.map((code) => this.vocabularies[vocabulary].name(code));
  }
}

function vocabularyTable(vocabulary: Vocabulary): NameTable {
  const { codes, labels } = VOCABULARIES[vocabulary];
  return new NameTable(codes.map((code) => ({ id: code, name: labels[code]?.fr ?? code })));
}

/** The leading number or code of a label such as « 1.1 – Accroître l’offre » (or the whole text). */
export function leadingCode(text: string): string {
  const m = /^\s*([0-9][0-9.]*[0-9]|[0-9])(?=\s|$|[–—-])/.exec(text);
  return (m?.[1] ?? text).trim();
}
