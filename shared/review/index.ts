// Joint review: sign-off per part and party, convention status, avenants, and the locks they imply.
export { type Access, changeStatus, currentReview, openAmendment, recordSignoff, type ReviewContext } from './commands.ts';
export { entityKey, indexEntities, type IndexedEntity } from './entities.ts';
export {
  type Actor,
  compareEvents,
  EDITOR_ACTS,
  parseReviewEvent,
  REVIEW_ROOT,
  type ReviewAct,
  type ReviewEvent,
  SIGNOFF_ACTS,
  SIGNOFF_KINDS,
  type SignoffAct,
  type SignoffEvent,
  type SignoffKind,
  type SignoffSubject,
  type StatusEvent,
  subjectKey,
} from './events.ts';
export { FOLLOW_UP_FIELDS, type Lock, type LockPolicy, type LockTarget, partName } from './locks.ts';
export { readReviewLog, type Review, reviewMap, reviewOf } from './review.ts';
export { applySignoff, type Bilingual, type HistoryEntry, SIGNOFF_STAGES, type SignoffStage, type SignoffState, STAGE_LABELS, signoffRefusal } from './signoff.ts';
export { FROZEN_STATUSES, isFrozen, nextStatuses, STATUS_ORDER, statusRefusal } from './status.ts';
export {
  MAX_COMMENT,
  mentionsIn,
  type NewAnchor,
  openThreadCounts,
  passageNow,
  replyToThread,
  setThreadResolved,
  startThread,
  THREAD_KINDS,
  type ThreadAnchor,
  type ThreadKind,
  threadAnchor,
  threadMentions,
} from './threads.ts';
export { addLock, moveLock, removeLock } from './structure-locks.ts';
