// Following the presenter during a Copil: who presents, whom a person can follow, and when a follower moves.
// Pure functions over the presence list; the <ctg-presenter> element holds the state and acts on the answers.
import { ENTITY_SPECS, type ModelKind, SINGLETON_SPECS } from '../../shared/index.ts';
import type { EntityRef } from '../../shared/field-ref.ts';
import type { Presence } from './session-port.ts';
import { parseWhere } from './where.ts';

/** The person presenting, other than oneself; with several, the one who joined first (lowest client id). */
export function presenterOf(people: readonly Presence[]): Presence | null {
  let found: Presence | null = null;
  for (const p of people) if (p.presenting && !p.self && (found === null || p.clientId < found.clientId)) found = p;
  return found;
}

/** What a follower keeps between awareness changes: whom they follow, and the last place they were moved to. */
export interface FollowState {
  readonly following: number | null;
  readonly movedTo: string | null;
}

export const NOT_FOLLOWING: FollowState = { following: null, movedTo: null };

export type FollowStep =
  /** Nothing to do. */
  | { readonly type: 'stay'; readonly state: FollowState }
  /** Go to the presenter's place. */
  | { readonly type: 'move'; readonly state: FollowState; readonly target: EntityRef }
  /** The presenter left or stopped presenting: following ends. */
  | { readonly type: 'stop'; readonly state: FollowState };

/** Starts following `clientId`: the next step moves to wherever they are now. */
export function follow(clientId: number): FollowState {
  return { following: clientId, movedTo: null };
}

/**
 * What a follower does after presence changed: move when the followed presenter is somewhere new (and not where
 * the follower already is), stop when they are gone or no longer present, otherwise stay.
 */
export function nextStep(state: FollowState, people: readonly Presence[]): FollowStep {
  if (state.following === null) return { type: 'stay', state };
  const presenter = people.find((p) => p.clientId === state.following && !p.self);
  if (!presenter?.presenting) return { type: 'stop', state: NOT_FOLLOWING };
  const where = presenter.where;
  if (!where || where === state.movedTo) return { type: 'stay', state };
  const place = parseWhere(where);
  const moved: FollowState = { following: state.following, movedTo: where };
  const self = people.find((p) => p.self);
  if (!place || !isModelKind(place.kind) || self?.where === where) return { type: 'stay', state: moved };
  return { type: 'move', state: moved, target: { kind: place.kind, id: place.id } };
}

/** Places come from other peers: only a kind the model knows is moved to. */
function isModelKind(kind: string): kind is ModelKind {
  return Object.hasOwn(ENTITY_SPECS, kind) || Object.hasOwn(SINGLETON_SPECS, kind);
}
