// The review log (status changes, sign-offs) read from the session's document and kept current.
import { readReviewLog, type ReviewEvent, reviewMap } from '../../../shared/review/index.ts';
import type { PaneSession } from '../session-port.ts';
import { SessionController } from './session-controller.ts';

export class ReviewLogController extends SessionController<ReviewEvent[]> {
  protected override subscribe(session: PaneSession): () => void {
    const map = reviewMap(session.ydoc);
    const update = () => this.receive(readReviewLog(session.ydoc));
    update();
    map.observe(update);
    return () => map.unobserve(update);
  }
}
