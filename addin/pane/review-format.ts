// How the review panels name things: a part (« Article 3 », « Action 2.1.1 », « Avenant n° 2 »), a party, a moment
// (« il y a 5 minutes », and the full date in a tooltip), a person (« Claire Martin (Caf de la Sorlaine) »).
import type { ConventionSnapshot } from '../../shared/index.ts';
import { type Lang, t } from '../i18n.ts';
import { partyName } from './ctg-presence.ts';
import { describeWhere, whereOf } from './where.ts';

export interface Part {
  readonly kind: string;
  readonly id: string;
}

/** The part in words, with its title when it has one. */
export function partLabel(snapshot: ConventionSnapshot | null, part: Part, lang: Lang): string {
  if (part.kind === 'amendment') {
    const amendment = snapshot?.amendments.find((a) => a.id === part.id);
    return amendment ? t(lang, 'review.amendment', { n: amendment.number }) : t(lang, 'where.deleted');
  }
  const name = describeWhere(whereOf(part.kind, part.id), snapshot, lang) ?? t(lang, 'where.other');
  const title = titleOf(snapshot, part);
  return title ? `${name} – ${title}` : name;
}

function titleOf(s: ConventionSnapshot | null, part: Part): string {
  if (!s) return '';
  if (part.kind === 'article') return s.articles.find((a) => a.id === part.id)?.title.trim() ?? '';
  const objectives = s.axes.flatMap((a) => a.objectives);
  if (part.kind === 'action') return objectives.flatMap((o) => o.actions).find((a) => a.id === part.id)?.title.trim() ?? '';
  if (part.kind === 'objective') return objectives.find((o) => o.id === part.id)?.title.trim() ?? '';
  if (part.kind === 'axis') return s.axes.find((a) => a.id === part.id)?.title.trim() ?? '';
  return '';
}

export function person(snapshot: ConventionSnapshot | null, by: { name: string; party: string }): string {
  return `${by.name} (${partyName(snapshot, by.party)})`;
}

/** « il y a 5 minutes », « hier »… from an ISO timestamp; the timestamp itself when unreadable. */
export function relativeTime(iso: string, lang: Lang, now = Date.now()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const seconds = Math.round((at - now) / 1000);
  const format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const steps: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ['second', 60],
    ['minute', 60],
    ['hour', 24],
    ['day', 30],
    ['month', 12],
  ];
  let value = seconds;
  for (const [unit, size] of steps) {
    if (Math.abs(value) < size) return unit === 'second' ? t(lang, 'review.justNow') : format.format(value, unit);
    value = Math.round(value / size);
  }
  return format.format(value, 'year');
}

/** The full date and time, for a tooltip or a record. */
export function fullTime(iso: string, lang: Lang): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : at.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** A refusal, or any other failure, as one message in the pane's language. */
export function problemText(error: unknown, lang: Lang): string {
  if (typeof error === 'object' && error !== null && 'fr' in error && 'en' in error) {
    const { fr, en } = error as { fr: unknown; en: unknown };
    if (typeof fr === 'string' && typeof en === 'string') return lang === 'fr' ? fr : en;
  }
  return error instanceof Error ? error.message : String(error);
}

/** The text on one line, cut to `max` characters with an ellipsis. */
export function excerpt(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** A day (ISO date) written out: « 12 mars 2026 ». */
export function longDate(iso: string, lang: Lang): string {
  const date = new Date(`${iso}T12:00:00`);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long' });
}
