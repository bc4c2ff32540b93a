// The plan's skeleton: axes hold objectives, objectives hold actions and indicators; action codes and fields.
import type { Rule } from './context.ts';
import { type Finding, finding } from './finding.ts';
import { actionName, axisName, cap, objectiveName } from './labels.ts';

export const axisObjectives: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const axis of ctx.snapshot.axes) {
    if (axis.objectives.length > 0) continue;
    const name = axisName(axis);
    findings.push(
      finding('axis-objective-missing', { kind: 'axis', id: axis.id }, {
        fr: `${cap(name.fr)} n'a pas d'objectif : ajoutez au moins un objectif ou supprimez l'axe.`,
        en: `${cap(name.en)} has no objective: add at least one objective or delete the axis.`,
      }),
    );
  }
  return findings;
};

/** An indicator counts for an objective when it sits in `objective.indicators`. */
export const objectiveContents: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const { objective } of ctx.objectives) {
    const name = objectiveName(objective);
    const entity = { kind: 'objective', id: objective.id } as const;
    if (objective.actions.length === 0) {
      findings.push(
        finding('objective-action-missing', entity, {
          fr: `${cap(name.fr)} n'a pas d'action : ajoutez au moins une fiche action.`,
          en: `${cap(name.en)} has no action: add at least one action.`,
        }),
      );
    }
    if (objective.indicators.length === 0) {
      findings.push(
        finding('objective-indicator-missing', entity, {
          fr: `${cap(name.fr)} n'a pas d'indicateur de suivi : ajoutez au moins un indicateur.`,
          en: `${cap(name.en)} has no monitoring indicator: add at least one indicator.`,
        }),
      );
    }
  }
  return findings;
};

/** Codes are set, unique across actions, and start with the parent objective number (`2.1.x` under `2.1`). */
export const actionCodes: Rule = (ctx) => {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const { action, objective } of ctx.actions) {
    const entity = { kind: 'action', id: action.id } as const;
    const code = action.code.trim();
    const name = actionName(action);
    if (code === '') {
      findings.push(
        finding('action-code-missing', entity, {
          fr: `${cap(name.fr)} n'a pas de code : donnez-lui un code du type ${objective.number}.1.`,
          en: `${cap(name.en)} has no code: give it a code such as ${objective.number}.1.`,
        }),
      );
      continue;
    }
    if (seen.has(code)) {
      findings.push(
        finding('action-code-duplicate', entity, {
          fr: `Le code ${code} est déjà pris par une autre action : donnez un code unique à cette action.`,
          en: `Code ${code} is already used by another action: give this action a unique code.`,
        }),
      );
    }
    seen.add(code);
    const prefix = `${objective.number}.`;
    if (!code.startsWith(prefix) || code.length === prefix.length) {
      findings.push(
        finding('action-code-prefix', entity, {
          fr: `Le code de ${name.fr} ne correspond pas à son objectif ${objective.number} : utilisez un code commençant par ${prefix}`,
          en: `The code of ${name.en} does not match its objective ${objective.number}: use a code starting with ${prefix}`,
        }),
      );
    }
  }
  return findings;
};

/** ≥1 of the action's fields is among its axis' fields. */
export const actionFields: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const { action, axis } of ctx.actions) {
    if (action.fields.some((f) => axis.fields.includes(f))) continue;
    const name = actionName(action);
    const axisLabel = axisName(axis);
    findings.push(
      finding('action-field-uncovered', { kind: 'action', id: action.id }, {
        fr: `Aucun champ d'intervention de ${name.fr} ne relève de ${axisLabel.fr} : choisissez au moins un champ de l'axe (${axis.fields.join(', ') || 'aucun champ défini'}).`,
        en: `None of the fields of ${name.en} belongs to ${axisLabel.en}: choose at least one of the axis' fields (${axis.fields.join(', ') || 'none defined'}).`,
      }),
    );
  }
  return findings;
};
