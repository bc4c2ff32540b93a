// Who is here and whom this person follows: on every presence change, moves the follower to the presenter's
// place (through `onMove`) and ends following when the presenter stops presenting or leaves.
import type { ReactiveControllerHost } from 'lit';
import type { EntityRef } from '../../../shared/field-ref.ts';
import { follow, type FollowState, NOT_FOLLOWING, nextStep } from '../follow.ts';
import type { PaneSession, Presence } from '../session-port.ts';
import { SessionController } from './session-controller.ts';

export class FollowController extends SessionController<Presence[]> {
  private state: FollowState = NOT_FOLLOWING;

  constructor(
    host: ReactiveControllerHost,
    private readonly onMove: (target: EntityRef) => void,
  ) {
    super(host);
  }

  /** The client id of the person followed, or null. */
  get following(): number | null {
    return this.state.following;
  }

  /** Starts following a presenter and moves to where they are now. */
  follow(clientId: number): void {
    this.state = follow(clientId);
    this.step(this.value ?? []);
    this.host.requestUpdate();
  }

  unfollow(): void {
    this.state = NOT_FOLLOWING;
    this.host.requestUpdate();
  }

  protected override subscribe(session: PaneSession): () => void {
    this.state = NOT_FOLLOWING;
    const update = () => {
      const people = session.presence();
      this.step(people);
      this.receive(people);
    };
    update();
    session.awareness.on('change', update);
    return () => session.awareness.off('change', update);
  }

  private step(people: readonly Presence[]): void {
    const step = nextStep(this.state, people);
    this.state = step.state;
    if (step.type === 'move') this.onMove(step.target);
  }
}
