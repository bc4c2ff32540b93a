// The annual review's plain logic: the convention's years, the default year, each action's status that year,
// the progress count, the meetings a status can rest on, and the entry written for a year (read fresh, one key).
import type { Action, ActionStatus, ConventionDoc, ConventionSnapshot, YearStatus } from '../../shared/index.ts';

/** Statuses that need a comment and a Copil decision (shared/validation/statuses.ts). */
export const NEEDS_JUSTIFICATION: ReadonlySet<ActionStatus> = new Set<ActionStatus>(['abandonnee', 'reportee']);

export function periodYears(snapshot: ConventionSnapshot): number[] {
  const first = Number(snapshot.convention.startDate?.slice(0, 4));
  const last = Number(snapshot.convention.endDate?.slice(0, 4));
  if (!Number.isInteger(first) || !Number.isInteger(last) || last < first || last - first > 20) return [];
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** The year reviewed by default: last year (the one a spring Copil reviews), kept inside the period. */
export function defaultYear(years: readonly number[], today: string): number | null {
  if (years.length === 0) return null;
  const wanted = Number(today.slice(0, 4)) - 1;
  return Math.min(Math.max(wanted, years[0] ?? wanted), years.at(-1) ?? wanted);
}

export interface ActionRow {
  readonly axis: string;
  readonly objective: string;
  readonly action: Action;
  readonly entry: YearStatus | null;
  /** Abandoned or postponed without its comment or decision. */
  readonly incomplete: boolean;
}

export interface ReviewProgress {
  readonly done: number;
  readonly total: number;
}

export function actionRows(snapshot: ConventionSnapshot, year: number): ActionRow[] {
  const meetings = new Set(meetingsOf(snapshot).map((m) => m.id));
  return snapshot.axes.flatMap((axis) =>
    axis.objectives.flatMap((objective) =>
      objective.actions.map((action) => {
        const entry = action.statusByYear[String(year)] ?? null;
        const incomplete =
          entry !== null && NEEDS_JUSTIFICATION.has(entry.status) && (entry.comment.trim() === '' || entry.decision === null || !meetings.has(entry.decision));
        return { axis: String(axis.number), objective: objective.number, action, entry, incomplete };
      }),
    ),
  );
}

export function progressOf(rows: readonly ActionRow[]): ReviewProgress {
  return { done: rows.filter((r) => r.entry !== null).length, total: rows.length };
}

/** Every meeting of every body, latest first: a status decision is the id of one of them. */
export function meetingsOf(snapshot: ConventionSnapshot): Array<{ id: string; label: string }> {
  return snapshot.bodies
    .flatMap((body) => body.meetings.map((m) => ({ id: m.id, date: m.date ?? '', label: `${m.date ?? '?'} — ${m.subject || body.title}` })))
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
    .map(({ id, label }) => ({ id, label }));
}

/**
 * Writes one action's entry for one year (null clears it), from the action's current value in the document, so a
 * concurrent change to another year is kept. Throws the model's error when the action is gone.
 */
export function writeYearStatus(model: ConventionDoc, actionId: string, year: number, patch: Partial<YearStatus> | null): void {
  model.transact(() => {
    const current = { ...model.read('action', actionId).statusByYear };
    const key = String(year);
    if (patch === null) delete current[key];
    else {
      const before = current[key] ?? { status: 'en_cours', comment: '', decision: null };
      current[key] = { ...before, ...patch };
    }
    model.update('action', actionId, { statusByYear: current });
  });
}
