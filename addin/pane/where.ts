// Names the place a person is in (`article:<id>`, `action:<id>`…) the way people say it: « Article 3 », « Action 1.2.1 ».
import type { ConventionSnapshot } from '../../shared/index.ts';
import { type Lang, t } from '../i18n.ts';

export function whereOf(kind: string, id: string): string {
  return `${kind}:${id}`;
}

export function parseWhere(where: string): { kind: string; id: string } | null {
  const at = where.indexOf(':');
  if (at <= 0 || at === where.length - 1) return null;
  return { kind: where.slice(0, at), id: where.slice(at + 1) };
}

/** The place in words; null when the person is nowhere in particular. */
export function describeWhere(where: string | null, snapshot: ConventionSnapshot | null, lang: Lang): string | null {
  if (!where) return null;
  const place = parseWhere(where);
  if (!place) return t(lang, 'where.other');
  if (place.kind === 'convention') return t(lang, 'where.convention');
  if (place.kind === 'territory') return t(lang, 'where.territory');
  if (!snapshot) return t(lang, 'where.other');
  const name = nameIn(snapshot, place.kind, place.id, lang);
  return name === undefined ? t(lang, 'where.other') : (name ?? t(lang, 'where.deleted'));
}

/** undefined: a kind the pane does not name; null: the entity is gone. */
function nameIn(s: ConventionSnapshot, kind: string, id: string, lang: Lang): string | null | undefined {
  const objectives = s.axes.flatMap((a) => a.objectives);
  switch (kind) {
    case 'article': {
      const article = s.articles.find((a) => a.id === id);
      return article ? t(lang, 'where.article', { n: article.number }) : null;
    }
    case 'annex': {
      const annex = s.annexes.find((a) => a.id === id);
      return annex ? t(lang, 'where.annex', { n: annex.number }) : null;
    }
    case 'axis': {
      const axis = s.axes.find((a) => a.id === id);
      return axis ? t(lang, 'where.axis', { n: axis.number }) : null;
    }
    case 'objective': {
      const objective = objectives.find((o) => o.id === id);
      return objective ? t(lang, 'where.objective', { n: objective.number || objective.title }) : null;
    }
    case 'action': {
      const action = objectives.flatMap((o) => o.actions).find((a) => a.id === id);
      return action ? t(lang, 'where.action', { n: action.code || action.title }) : null;
    }
    case 'indicator': {
      const indicator = objectives.flatMap((o) => o.indicators).find((i) => i.id === id);
      return indicator ? t(lang, 'where.indicator', { label: indicator.label }) : null;
    }
    case 'diagnosticSection': {
      const section = s.diagnostic.sections.find((d) => d.id === id);
      return section ? t(lang, 'where.diagnosticSection', { label: section.field }) : null;
    }
    case 'signatory': {
      const signatory = s.signatories.find((g) => g.id === id);
      if (!signatory) return null;
      const organisation = s.organisations.find((o) => o.id === signatory.organisationId);
      return t(lang, 'where.signatory', { label: organisation?.name ?? signatory.designation });
    }
    default:
      return undefined;
  }
}
