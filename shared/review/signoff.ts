// Sign-off per article, fiche action and avenant, by party: brouillon → proposé → validé by every signatory, then
// locked until an editor reopens it with a reason. A pure fold over the review log: every peer, whatever order the
// events reached it in, derives the same stage. An act that no longer applies when its turn comes (a validation
// ordered after a reopen) is kept in the history, marked « sans effet », and changes nothing.
import type { ArticleStatus } from '../vocabulary.ts';
import { type Actor, compareEvents, type ReviewEvent, type SignoffAct, type SignoffEvent, type SignoffSubject, subjectKey } from './events.ts';

export const SIGNOFF_STAGES = ['brouillon', 'propose', 'valide'] as const;
export type SignoffStage = (typeof SIGNOFF_STAGES)[number];

export const STAGE_LABELS: Record<SignoffStage, { fr: string; en: string }> = {
  brouillon: { fr: 'Brouillon', en: 'Draft' },
  propose: { fr: 'Proposé', en: 'Proposed' },
  valide: { fr: 'Validé', en: 'Agreed' },
};

export interface Bilingual {
  readonly fr: string;
  readonly en: string;
}

export interface HistoryEntry {
  readonly event: SignoffEvent;
  /** False when the act did not apply at its place in the log; `note` says why. */
  readonly applied: boolean;
  readonly note: Bilingual | null;
}

export interface SignoffState {
  readonly subject: SignoffSubject;
  readonly stage: SignoffStage;
  /** Parties whose validation counts now, in the order they validated. */
  readonly validatedBy: readonly string[];
  /** Signatory parties still to validate (empty once validated). */
  readonly missing: readonly string[];
  readonly history: readonly HistoryEntry[];
}

/** Where a part starts before any event: its stored status (an imported convention may come agreed already). */
export type InitialStage = (subject: SignoffSubject) => SignoffStage;

export const stageOfArticleStatus = (status: ArticleStatus): SignoffStage =>
  status === 'agreed' ? 'valide' : status === 'in_review' ? 'propose' : 'brouillon';
export const articleStatusOfStage = (stage: SignoffStage): ArticleStatus =>
  stage === 'valide' ? 'agreed' : stage === 'propose' ? 'in_review' : 'draft';

export function initialState(subject: SignoffSubject, stage: SignoffStage, signatories: readonly string[]): SignoffState {
  return { subject, stage, validatedBy: stage === 'valide' ? [...signatories] : [], missing: stage === 'valide' ? [] : [...signatories], history: [] };
}

/**
 * Whether `actor` may record `act` on a part in `state` now: null when it may, else why not (French first). The same
 * check decides, during the fold, whether a logged act applied.
 */
export function signoffRefusal(state: SignoffState, act: SignoffAct, actor: Actor, signatories: readonly string[], reason = ''): Bilingual | null {
  switch (act) {
    case 'propose':
      return state.stage === 'brouillon'
        ? null
        : { fr: 'Déjà proposé : seul un brouillon peut être proposé à la validation.', en: 'Already proposed: only a draft can be put up for approval.' };
    case 'validate':
      if (!signatories.includes(actor.party))
        return { fr: 'Seul un signataire de la convention peut valider : votre partie n’en est pas un.', en: 'Only a signatory of the convention can approve: your party is not one.' };
      if (state.stage === 'brouillon')
        return { fr: 'Pas encore proposé : ce brouillon doit d’abord être proposé à la validation.', en: 'Not proposed yet: this draft must first be put up for approval.' };
      if (state.stage === 'valide' || state.validatedBy.includes(actor.party))
        return { fr: 'Votre partie a déjà validé.', en: 'Your party has approved already.' };
      return null;
    case 'withdraw':
      return state.stage === 'propose' && state.validatedBy.includes(actor.party)
        ? null
        : {
            fr: 'Rien à retirer : votre partie n’a pas de validation en cours ici (une fois tout validé, il faut rouvrir).',
            en: 'Nothing to withdraw: your party has no pending approval here (once everything is approved, reopen it).',
          };
    case 'reopen':
      if (state.stage === 'brouillon') return { fr: 'Déjà en brouillon : rien à rouvrir.', en: 'Already a draft: nothing to reopen.' };
      return reason.trim() === '' ? { fr: 'Indiquez pourquoi vous rouvrez : le motif est enregistré.', en: 'Say why you reopen it: the reason is recorded.' } : null;
    default:
      return unreachable(act);
  }
}

/** Applies one logged act to a state (pure). */
export function applySignoff(state: SignoffState, event: SignoffEvent, signatories: readonly string[]): SignoffState {
  const refusal = signoffRefusal(state, event.act, event.by, signatories, event.reason);
  const history = [...state.history, { event, applied: refusal === null, note: refusal }];
  if (refusal) return { ...state, history };
  let validatedBy = state.validatedBy;
  let stage = state.stage;
  switch (event.act) {
    case 'propose':
    case 'reopen':
      validatedBy = [];
      stage = event.act === 'propose' ? 'propose' : 'brouillon';
      break;
    case 'validate':
      validatedBy = [...validatedBy, event.by.party];
      break;
    case 'withdraw':
      validatedBy = validatedBy.filter((p) => p !== event.by.party);
      break;
    default:
      return unreachable(event.act);
  }
  const missing = signatories.filter((p) => !validatedBy.includes(p));
  if (stage === 'propose' && missing.length === 0 && signatories.length > 0) stage = 'valide';
  return { subject: state.subject, stage, validatedBy, missing: stage === 'valide' ? [] : missing, history };
}

/** Folds the log into the state of every part that has events, starting each from `initial`. */
export function foldSignoffs(events: readonly ReviewEvent[], signatories: readonly string[], initial: InitialStage): Map<string, SignoffState> {
  const states = new Map<string, SignoffState>();
  for (const event of [...events].sort(compareEvents)) {
    if (event.act === 'status') continue;
    const key = subjectKey(event.subject);
    const state = states.get(key) ?? initialState(event.subject, initial(event.subject), signatories);
    states.set(key, applySignoff(state, event, signatories));
  }
  return states;
}

function unreachable(value: never): never {
  throw new Error(`acte inconnu : ${String(value)}`);
}
