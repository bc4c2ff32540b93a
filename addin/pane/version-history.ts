// What the Versions tab lists and shows, as plain data: the history (named versions and the review log's status
// and avenant events, newest first), review events in words, a comparison grouped by entity, trimmed text hunks.
import { CONVENTION_STATUSES, type ConventionSnapshot } from '../../shared/index.ts';
import type { ReviewEvent } from '../../shared/review/index.ts';
import { type Lang, t } from '../i18n.ts';
import type { Bilingual, EntitySummary, Hunk, VersionDiff, VersionInfo } from './versions-client.ts';

export type HistoryItem =
  | { readonly type: 'version'; readonly at: string; readonly version: VersionInfo }
  | { readonly type: 'review'; readonly at: string; readonly event: ReviewEvent };

/** Versions and the review events that mark the convention's course (status changes, avenants), newest first. */
export function historyOf(versions: readonly VersionInfo[], events: readonly ReviewEvent[]): HistoryItem[] {
  const items: HistoryItem[] = [
    ...versions.map((version) => ({ type: 'version' as const, at: version.at, version })),
    ...events
      .filter((event) => event.act === 'status' || event.subject.kind === 'amendment')
      .map((event) => ({ type: 'review' as const, at: event.at, event })),
  ];
  return items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/** A review event in one sentence: « Statut : Négociation → Validation », « Avenant n° 1 : proposé ». */
export function describeReviewEvent(event: ReviewEvent, snapshot: ConventionSnapshot | null, lang: Lang): string {
  if (event.act === 'status') {
    const label = (code: string) => CONVENTION_STATUSES.labels[code as keyof typeof CONVENTION_STATUSES.labels]?.[lang] ?? code;
    return t(lang, 'versions.event.status', { from: label(event.from), to: label(event.to) });
  }
  const amendment = snapshot?.amendments.find((a) => a.id === event.subject.id);
  return t(lang, `versions.event.amendment.${event.act}`, { n: amendment?.number ?? '?' });
}

/** One entity's changes as the pane shows them. */
export interface EntityChanges {
  readonly key: string;
  readonly title: string | null;
  readonly sentences: readonly string[];
  readonly texts: ReadonlyArray<{ readonly label: string; readonly hunks: readonly Hunk[] }>;
}

/** The comparison by entity, from the server's summary. */
export function entityChanges(diff: VersionDiff, lang: Lang): EntityChanges[] {
  return diff.summary.map((s) => fromSummary(s, lang));
}

function fromSummary(s: EntitySummary, lang: Lang): EntityChanges {
  const pick = (text: string | Bilingual) => (typeof text === 'string' ? text : text[lang]);
  const sentence = lang === 'en' ? s.en : s.fr;
  const title = pick(s.title);
  return {
    key: `${s.entity.kind}:${s.entity.id}`,
    // The sentence usually starts with the entity's name (« Article 4 : … »): no heading repeating it then.
    title: sentence.startsWith(title) ? null : title,
    sentences: [sentence],
    texts: s.texts.map((x) => ({ label: pick(x.label), hunks: trimHunks(x.hunks) })),
  };
}

/** Shortens long unchanged stretches to `context` characters on each side of a change. */
export function trimHunks(hunks: readonly Hunk[], context = 60): Hunk[] {
  return hunks.map((hunk, i) => {
    if (hunk.op !== 'equal' || hunk.text.length <= context * 2) return hunk;
    const first = i === 0;
    const last = i === hunks.length - 1;
    if (first) return { op: 'equal', text: `…${hunk.text.slice(-context)}` };
    if (last) return { op: 'equal', text: `${hunk.text.slice(0, context)}…` };
    return { op: 'equal', text: `${hunk.text.slice(0, context)} … ${hunk.text.slice(-context)}` };
  });
}
