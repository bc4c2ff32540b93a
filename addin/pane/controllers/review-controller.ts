// The joint review as the pane shows it — sign-offs, convention status, avenants, locks, and the discussions in its
// snapshot — recomputed after any change to the document, the review log included (at most once per `delayMs`).
import type { ReactiveControllerHost } from 'lit';
import { currentReview, type Review } from '../../../shared/index.ts';
import type { PaneSession } from '../session-port.ts';
import { SessionController } from './session-controller.ts';

export type ReviewState =
  | { status: 'ready'; review: Review }
  /** Reading the review threw: shown as such, with the last good review if there was one. */
  | { status: 'failed'; review: Review | null; error: unknown };

export class ReviewController extends SessionController<ReviewState> {
  constructor(
    host: ReactiveControllerHost,
    private readonly delayMs = 100,
  ) {
    super(host);
  }

  protected override subscribe(session: PaneSession): () => void {
    this.compute(session);
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onUpdate = () => {
      timer ??= setTimeout(() => {
        timer = null;
        this.compute(session);
      }, this.delayMs);
    };
    session.ydoc.on('update', onUpdate);
    return () => {
      session.ydoc.off('update', onUpdate);
      if (timer !== null) clearTimeout(timer);
    };
  }

  private compute(session: PaneSession): void {
    try {
      this.receive({ status: 'ready', review: currentReview(session.model) });
    } catch (error) {
      this.receive({ status: 'failed', review: this.value?.review ?? null, error });
    }
  }
}
