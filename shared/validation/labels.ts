// How messages name entities: « l'action 2.1.3 », « l'indicateur « … » »; French first, then English.
import type { Action, Article, Axis, Body, Facility, Indicator, Objective, Organisation } from '../types.ts';
import type { Text } from './finding.ts';

/** Upper-cases the first letter, for a name that starts a sentence. */
export function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function quoted(text: string, fallback: Text): Text {
  const trimmed = text.trim();
  return trimmed ? { fr: `« ${trimmed} »`, en: `“${trimmed}”` } : fallback;
}

export function actionName(action: Action): Text {
  const code = action.code.trim();
  if (code) return { fr: `l'action ${code}`, en: `action ${code}` };
  const title = quoted(action.title, { fr: 'sans titre', en: 'untitled' });
  return { fr: `l'action ${title.fr}`, en: `action ${title.en}` };
}

export function objectiveName(objective: Objective): Text {
  const number = objective.number.trim();
  return number ? { fr: `l'objectif ${number}`, en: `objective ${number}` } : named("l'objectif", 'objective', objective.title);
}

export function axisName(axis: Axis): Text {
  return { fr: `l'axe ${axis.number}`, en: `axis ${axis.number}` };
}

export function indicatorName(indicator: Indicator): Text {
  return named("l'indicateur", 'indicator', indicator.label);
}

export function articleName(article: Article): Text {
  const title = quoted(article.title, { fr: '', en: '' });
  return { fr: `l'article ${article.number} ${title.fr}`.trim(), en: `article ${article.number} ${title.en}`.trim() };
}

export function facilityName(facility: Facility): Text {
  return named("l'équipement", 'facility', facility.name);
}

export function bodyName(body: Body): Text {
  return named('le comité', 'committee', body.title);
}

export function organisationName(organisation: Organisation | undefined, id: string): Text {
  return quoted(organisation?.name ?? '', { fr: `« ${id} »`, en: `“${id}”` });
}

function named(fr: string, en: string, name: string): Text {
  const title = quoted(name, { fr: 'sans nom', en: 'without a name' });
  return { fr: `${fr} ${title.fr}`, en: `${en} ${title.en}` };
}
