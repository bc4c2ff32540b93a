// Numbers proposed for new plan entries: the next axis number, objective `<axis>.<n>`, action code `<objective>.<n>`.
import type { Action, Axis, ConventionSnapshot, Objective } from '../../shared/index.ts';

export function allObjectives(snapshot: ConventionSnapshot): Objective[] {
  return snapshot.axes.flatMap((axis) => axis.objectives);
}

export function allActions(snapshot: ConventionSnapshot): Action[] {
  return allObjectives(snapshot).flatMap((objective) => objective.actions);
}

export function nextAxisNumber(axes: readonly Axis[]): number {
  return axes.reduce((max, axis) => Math.max(max, axis.number ?? 0), 0) + 1;
}

/** One past the highest `<prefix>.<n>` already used; an empty prefix proposes nothing. */
export function nextChildNumber(prefix: string, used: readonly string[]): string {
  const base = prefix.trim();
  if (base === '') return '';
  const pattern = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)$`);
  const highest = used.reduce((max, code) => {
    const match = pattern.exec(code.trim());
    return match ? Math.max(max, Number(match[1])) : max;
  }, 0);
  return `${base}.${highest + 1}`;
}

export function proposeObjectiveNumber(snapshot: ConventionSnapshot, axisId: string): string {
  const axis = snapshot.axes.find((a) => a.id === axisId);
  if (!axis) return '';
  return nextChildNumber(String(axis.number ?? ''), allObjectives(snapshot).map((o) => o.number));
}

export function proposeActionCode(snapshot: ConventionSnapshot, objectiveId: string): string {
  const objective = allObjectives(snapshot).find((o) => o.id === objectiveId);
  if (!objective) return '';
  return nextChildNumber(objective.number, allActions(snapshot).map((a) => a.code));
}

/** The organisations that sign the convention (the only possible pilots), in signatory order. */
export function signatoryOrganisations(snapshot: ConventionSnapshot): Array<{ id: string; name: string }> {
  const seen = new Set<string>();
  const out: Array<{ id: string; name: string }> = [];
  for (const signatory of snapshot.signatories) {
    if (seen.has(signatory.organisationId)) continue;
    seen.add(signatory.organisationId);
    const organisation = snapshot.organisations.find((o) => o.id === signatory.organisationId);
    out.push({ id: signatory.organisationId, name: organisation?.name || signatory.designation || signatory.organisationId });
  }
  return out;
}
