// The convention's status follows the guide's steps: préparation → diagnostic → négociation → validation → signée →
// en cours → évaluation → échue. One step forward at a time; before signature one step back with a reason;
// signature freezes the text (later changes go through an avenant), so there is no way back from it.
import { CONVENTION_STATUSES, type ConventionStatus } from '../vocabulary.ts';
import type { Bilingual } from './signoff.ts';

export const STATUS_ORDER: readonly ConventionStatus[] = CONVENTION_STATUSES.codes;

/** Statuses in which the convention's text is frozen: signed and after. */
export const FROZEN_STATUSES: ReadonlySet<ConventionStatus> = new Set<ConventionStatus>(['signee', 'en_cours', 'evaluation', 'echue']);

export const isFrozen = (status: ConventionStatus): boolean => FROZEN_STATUSES.has(status);

/** The statuses reachable from `status` in one move. */
export function nextStatuses(status: ConventionStatus): ConventionStatus[] {
  const at = STATUS_ORDER.indexOf(status);
  const out: ConventionStatus[] = [];
  const forward = STATUS_ORDER[at + 1];
  if (forward) out.push(forward);
  const back = STATUS_ORDER[at - 1];
  if (back && !isFrozen(status)) out.push(back);
  return out;
}

export interface StatusCheck {
  /** Blocking validation findings (errors) of the convention now: signing needs none. */
  readonly blockingErrors: number;
}

/** Null when the move is allowed, else why not, in French and English. */
export function statusRefusal(from: ConventionStatus, to: ConventionStatus, reason: string, check: StatusCheck): Bilingual | null {
  const label = (s: ConventionStatus) => CONVENTION_STATUSES.labels[s];
  if (!nextStatuses(from).includes(to)) {
    return isFrozen(from) && STATUS_ORDER.indexOf(to) < STATUS_ORDER.indexOf(from)
      ? {
          fr: `La convention est signée : impossible de revenir à « ${label(to).fr} ». Les modifications passent par un avenant.`,
          en: `The convention is signed: it cannot go back to “${label(to).en}”. Changes go through an amendment.`,
        }
      : {
          fr: `On passe de « ${label(from).fr} » à l'étape suivante ou précédente, pas à « ${label(to).fr} ».`,
          en: `From “${label(from).en}” the convention moves to the next or previous step, not to “${label(to).en}”.`,
        };
  }
  const backwards = STATUS_ORDER.indexOf(to) < STATUS_ORDER.indexOf(from);
  if (backwards && reason.trim() === '') return { fr: 'Indiquez pourquoi la convention revient en arrière : le motif est enregistré.', en: 'Say why the convention steps back: the reason is recorded.' };
  if (to === 'signee' && check.blockingErrors > 0) {
    return {
      fr: `Impossible de signer : ${check.blockingErrors} erreur(s) bloquante(s) restent dans les vérifications. Corrigez-les d'abord.`,
      en: `Cannot sign: ${check.blockingErrors} blocking error(s) remain in the checks. Fix them first.`,
    };
  }
  return null;
}
