// Which column of an uploaded sheet feeds which field: the tables the import knows (the exported workbook's, which
// are the Excel add-in's, and a Caf's own action plan), header synonyms, year columns (« Statut 2026 », « 2027 »,
// « Prévu 2027 »), and the person's own mapping when the headers are not recognised.
import { fold } from '../../shared/workbook/lookups.ts';
import type { SheetData } from './read-xlsx.ts';

export type TableKey = 'plan' | 'axes' | 'indicators' | 'budget' | 'milestones' | 'statuses' | 'sheets';

export interface TargetField {
  key: string;
  label: { fr: string; en: string };
  synonyms: string[];
  required?: boolean;
}

const f = (key: string, fr: string, en: string, synonyms: string[], required = false): TargetField => ({ key, label: { fr, en }, synonyms: [fr, ...synonyms], required });

export const PLAN_FIELDS: TargetField[] = [
  f('id', 'Identifiant', 'Id', []),
  f('code', 'Code', 'Code', ['code action', 'n°', 'no', 'numero', 'num', 'ref', 'reference action', 'n° action', 'numero action'], true),
  f('axis', 'Axe', 'Axis', ['axe prioritaire', 'axe strategique', 'axes']),
  f('objective', 'Objectif', 'Objective', ['objectif operationnel', 'objectif strategique', 'objectifs']),
  f('title', 'Action', 'Action', ['intitule', "intitule de l'action", 'libelle', "libelle de l'action", 'fiche action', 'actions', 'nom de l action'], true),
  f('description', 'Description', 'Description', ['descriptif', 'contenu', "contenu de l'action", 'modalites']),
  f('pilot', 'Pilote', 'Pilot', ['porteur', 'pilote de l action', 'structure pilote', 'maitre d ouvrage']),
  f('partners', 'Partenaires', 'Partners', ['partenaires associes', 'partenaire']),
  f('referent', 'Référent', 'Referent', ['referent action', "referent de l'action", 'responsable']),
  f('startDate', 'Début', 'Start', ['date de debut', 'date debut', 'debut de l action']),
  f('endDate', 'Fin', 'End', ['date de fin', 'date fin', 'echeance', 'fin de l action']),
  f('type', 'Type', 'Type', ["type d'action", 'nature de l action']),
  f('status', 'Statut', 'Status', ["etat d'avancement", 'avancement', 'etat']),
  f('public', 'Public visé', 'Target public', ['public', 'public cible', 'beneficiaires']),
  f('fields', 'Champs', 'Fields', ["champs d'intervention", 'thematique', 'thematiques']),
  f('communes', 'Communes', 'Municipalities', ['communes concernees']),
  f('humanResources', 'Moyens humains', 'Human resources', ['moyens', 'ressources humaines']),
  f('planned', 'Budget prévisionnel', 'Planned budget', []),
];

const TABLES: Record<TableKey, { sheets: string[]; fields: TargetField[] }> = {
  plan: { sheets: ['Plan d’actions', "Plan d'actions", 'Actions', 'Plan'], fields: PLAN_FIELDS },
  axes: {
    sheets: ['Axes et objectifs', 'Axes'],
    fields: [f('id', 'Identifiant', 'Id', []), f('level', 'Niveau', 'Level', []), f('number', 'Numéro', 'Number', [], true), f('title', 'Intitulé', 'Title', [], true), f('issues', 'Enjeux', 'Issues', [])],
  },
  indicators: {
    sheets: ['Indicateurs'],
    fields: [
      f('id', 'Identifiant', 'Id', []),
      f('objective', 'Objectif', 'Objective', [], true),
      f('label', 'Indicateur', 'Indicator', [], true),
      f('kind', 'Type', 'Type', []),
      f('unit', 'Unité', 'Unit', []),
      f('source', 'Source', 'Source', []),
      f('baselineValue', 'Référence', 'Baseline', []),
      f('baselineYear', 'Année de référence', 'Baseline year', []),
      f('targetValue', 'Cible', 'Target', []),
      f('targetYear', 'Année cible', 'Target year', []),
      f('owner', 'Responsable', 'Owner', ["responsable de l'indicateur", 'referent', 'referent indicateur']),
      f('frequency', 'Fréquence', 'Frequency', ['frequence de mesure', 'periodicite']),
    ],
  },
  budget: {
    sheets: ['Budget'],
    fields: [f('id', 'Identifiant', 'Id', []), f('action', 'Action', 'Action', [], true), f('funder', 'Financeur', 'Funder', [], true), f('nature', 'Nature', 'Nature', []), f('scheme', 'Dispositif', 'Scheme', [])],
  },
  milestones: {
    sheets: ['Jalons'],
    fields: [f('id', 'Identifiant', 'Id', []), f('action', 'Action', 'Action', [], true), f('date', 'Date', 'Date', ['echeance']), f('label', 'Jalon', 'Milestone', ['etape', 'libelle'], true)],
  },
  statuses: {
    sheets: ['Statuts'],
    fields: [f('id', 'Identifiant', 'Id', []), f('code', 'Code', 'Code', [], true), f('year', 'Année', 'Year', [], true), f('status', 'Statut', 'Status', [], true), f('comment', 'Commentaire', 'Comment', [])],
  },
  sheets: {
    sheets: ['Fiches actions'],
    fields: [f('id', 'Identifiant', 'Id', []), PLAN_FIELDS[1] as TargetField, ...PLAN_FIELDS.filter((p) => ['public', 'fields', 'communes', 'humanResources'].includes(p.key))],
  },
};

const YEAR_PATTERNS: Record<TableKey, Array<[RegExp, string]>> = {
  plan: [[/^statut (\d{4})$/, 'status.']],
  axes: [],
  indicators: [[/^(\d{4})$/, 'values.']],
  budget: [
    [/^prevu (\d{4})$/, 'planned.'],
    [/^realise (\d{4})$/, 'realised.'],
  ],
  milestones: [],
  statuses: [],
  sheets: [],
};

const key = (text: string) => fold(text).replace(/[’'`]/g, "'").replace(/[^a-z0-9' °]+/g, ' ').replace(/\s+/g, ' ').trim();

/** One column of a sheet and the field it feeds (null: ignored). */
export interface ColumnMatch {
  index: number;
  header: string;
  field: string | null;
}

export interface TableMatch {
  table: TableKey;
  sheet: SheetData;
  columns: ColumnMatch[];
  /** Required fields no column feeds. */
  missing: TargetField[];
}

/** Header text → field key chosen by the person (empty: ignore the column). */
export type Mapping = Record<string, string>;

export function matchColumns(table: TableKey, sheet: SheetData, mapping?: Mapping): TableMatch {
  const fields = TABLES[table].fields;
  const taken = new Set<string>();
  const columns = sheet.headers.map((header, index): ColumnMatch => {
    let field: string | null = null;
    if (mapping && header in mapping) field = mapping[header] || null;
    else {
      const k = key(header);
      for (const [pattern, prefix] of YEAR_PATTERNS[table]) {
        const m = pattern.exec(k);
        if (m) field = `${prefix}${m[1]}`;
      }
      field ??= fields.find((t) => t.synonyms.some((s) => key(s) === k))?.key ?? null;
    }
    if (field !== null && taken.has(field)) field = null;
    if (field !== null) taken.add(field);
    return { index, header, field };
  });
  const fed = new Set(columns.map((c) => c.field?.split('.')[0]));
  return { table, sheet, columns, missing: fields.filter((t) => t.required && !fed.has(t.key)) };
}

/** The sheet of each table: by its name, else (the plan only) the sheet whose headers match the most plan fields. */
export function findTables(sheets: SheetData[], mapping?: { sheet?: string; columns?: Mapping }): TableMatch[] {
  const out: TableMatch[] = [];
  const used = new Set<string>();
  for (const table of Object.keys(TABLES) as TableKey[]) {
    const byName = sheets.find((s) => !used.has(s.name) && TABLES[table].sheets.some((n) => key(n) === key(s.name)));
    if (byName) {
      used.add(byName.name);
      out.push(matchColumns(table, byName, table === 'plan' ? mapping?.columns : undefined));
    }
  }
  if (!out.some((t) => t.table === 'plan')) {
    const chosen = mapping?.sheet ? sheets.find((s) => s.name === mapping.sheet) : undefined;
    const candidates = (chosen ? [chosen] : sheets.filter((s) => !used.has(s.name)))
      .map((s) => matchColumns('plan', s, mapping?.columns))
      .sort((a, b) => b.columns.filter((c) => c.field).length - a.columns.filter((c) => c.field).length);
    if (candidates[0]) out.unshift(candidates[0]);
  }
  return out;
}
