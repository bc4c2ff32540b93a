// The comparison of two versions as people read it: one sentence per entity, in French and English, e.g.
// « Action 2.1.3 : pilote Caf → CC du Val ; cible 120 → 150 » or « Article 4 : 3 paragraphes modifiés », with the
// text changes of the entity as highlighted hunks. Pure: two snapshots and their entity-level diff in, lines out.
import { type ConventionSnapshot, ENTITY_SPECS, type EntityKind, type FieldSpec, SINGLETON_SPECS, type SingletonName } from '../../shared/index.ts';
import { type EntityChange, isLongText, isRecord, type SnapshotDiff } from './diff.ts';
import { catalogue, type DiffKind, entityKey, type EntityView } from './entities.ts';
import { type Bilingual, display, entityTitle, fieldLabel, isFeminine, type Names, namesOf, ORG_KEYED } from './labels.ts';
import { paragraphChanges, type TextHunk, textHunks } from './text-hunks.ts';

export interface TextChange {
  readonly field: string;
  readonly label: Bilingual;
  readonly hunks: TextHunk[];
}

export interface EntitySummary {
  readonly entity: { readonly kind: DiffKind; readonly id: string };
  readonly title: Bilingual;
  readonly fr: string;
  readonly en: string;
  readonly texts: TextChange[];
}

export function summarise(before: ConventionSnapshot, after: ConventionSnapshot, diff: SnapshotDiff): EntitySummary[] {
  const a = catalogue(before);
  const b = catalogue(after);
  const names = namesOf(after, before);
  const groups = new Map<string, EntityChange[]>();
  for (const change of diff.changes) {
    const key = entityKey(change.kind, change.id);
    const group = groups.get(key);
    if (group) group.push(change);
    else groups.set(key, [change]);
  }
  const out: EntitySummary[] = [];
  for (const [key, changes] of groups) {
    const entity = (b.get(key) ?? a.get(key)) as EntityView;
    const title = entityTitle(entity.kind, entity.fields);
    const parts: Bilingual[] = [];
    const texts: TextChange[] = [];
    const records = new Set<string>();
    for (const change of changes) {
      if (change.type === 'added' || change.type === 'removed') parts.push(presence(change.type, entity.kind));
      // A move's before and after are the catalogue keys of the parents.
      else if (change.type === 'moved') parts.push(moved(entity.kind, b.get(String(change.after))));
      else if (change.key !== undefined) {
        if (records.has(`${change.field}\u0000${change.key}`)) continue;
        records.add(`${change.field}\u0000${change.key}`);
        parts.push(recordPart(entity.kind, change, names));
      } else if (typeof change.before === 'string' || typeof change.after === 'string') {
        const x = String(change.before ?? '');
        const y = String(change.after ?? '');
        const field = change.field ?? '';
        if (isLongText(x) || isLongText(y) || isTextField(entity.kind, field)) texts.push({ field, label: fieldLabel(field), hunks: textHunks(x, y) });
        parts.push(isLongText(x) || isLongText(y) ? rewritten(field, x, y) : scalarPart(entity.kind, change, names));
      } else parts.push(scalarPart(entity.kind, change, names));
    }
    out.push({
      entity: { kind: entity.kind, id: entity.id },
      title,
      fr: `${title.fr} : ${parts.map((p) => p.fr).join(' ; ')}`,
      en: `${title.en}: ${parts.map((p) => p.en).join('; ')}`,
      texts,
    });
  }
  return out;
}

/** Fields people type in (a Y.Text): their changes come with highlighted hunks even when short. */
function isTextField(kind: DiffKind, field: string): boolean {
  const fields: Record<string, FieldSpec> = kind in ENTITY_SPECS ? ENTITY_SPECS[kind as EntityKind].fields : SINGLETON_SPECS[kind as SingletonName];
  return Object.hasOwn(fields, field) && fields[field]?.kind === 'text';
}

const presence = (type: 'added' | 'removed', kind: DiffKind): Bilingual => {
  const e = isFeminine(kind) ? 'e' : '';
  return type === 'added' ? { fr: `ajouté${e}`, en: 'added' } : { fr: `supprimé${e}`, en: 'removed' };
};

function moved(kind: DiffKind, to: EntityView | undefined): Bilingual {
  const where = to ? entityTitle(to.kind, to.fields) : { fr: '?', en: '?' };
  return { fr: `déplacé${isFeminine(kind) ? 'e' : ''} vers ${lower(where.fr)}`, en: `moved to ${lower(where.en)}` };
}

const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

function scalarPart(kind: DiffKind, change: EntityChange, names: Names): Bilingual {
  const field = change.field ?? '';
  const label = fieldLabel(field);
  const show = (lang: 'fr' | 'en') => `${display(kind, field, change.before, names, lang)} → ${display(kind, field, change.after, names, lang)}`;
  return { fr: `${label.fr} ${show('fr')}`, en: `${label.en} ${show('en')}` };
}

function recordPart(kind: DiffKind, change: EntityChange, names: Names): Bilingual {
  const field = change.field ?? '';
  const label = fieldLabel(field);
  const key = String(change.key);
  if (ORG_KEYED.has(field)) {
    const who = names.organisations.get(key) ?? key;
    const role = (value: unknown) => (isRecord(value) ? JSON.stringify(value) : String(value ?? ''));
    if (change.before === undefined) return { fr: `${label.fr} ${who} ajouté (${role(change.after)})`, en: `${label.en} ${who} added (${role(change.after)})` };
    if (change.after === undefined) return { fr: `${label.fr} ${who} retiré`, en: `${label.en} ${who} removed` };
    return { fr: `${label.fr} ${who} : ${role(change.before)} → ${role(change.after)}`, en: `${label.en} ${who}: ${role(change.before)} → ${role(change.after)}` };
  }
  const show = (lang: 'fr' | 'en') => `${display(kind, field, change.before, names, lang)} → ${display(kind, field, change.after, names, lang)}`;
  return { fr: `${label.fr} ${key} ${show('fr')}`, en: `${label.en} ${key} ${show('en')}` };
}

function rewritten(field: string, before: string, after: string): Bilingual {
  const { modified, added, removed } = paragraphChanges(before, after);
  const fr: string[] = [];
  const en: string[] = [];
  const count = (n: number, word: string, enWord: string) => {
    if (n === 0) return;
    const s = n > 1 ? 's' : '';
    fr.push(`${n} paragraphe${s} ${word}${s}`);
    en.push(`${n} paragraph${s} ${enWord}`);
  };
  count(modified, 'modifié', 'changed');
  count(added, 'ajouté', 'added');
  count(removed, 'supprimé', 'removed');
  if (fr.length === 0) return { fr: 'mise en forme modifiée', en: 'layout changed' };
  // The body of an article is the article: no label before it.
  const label = field === 'body' ? { fr: '', en: '' } : { fr: `${fieldLabel(field).fr} : `, en: `${fieldLabel(field).en}: ` };
  return { fr: `${label.fr}${fr.join(', ')}`, en: `${label.en}${en.join(', ')}` };
}
