// The events the pane's elements dispatch, with their typed payloads.
import type { EntityRef } from '../../shared/field-ref.ts';
import type { Lang } from '../i18n.ts';

/** `ctg-join`: the person asked to join; the app shell creates the session and sets `pane.session`. */
export interface JoinDetail {
  server: string;
  conventionId: string;
  token: string;
}

/** `ctg-leave`: the person went back to the join screen; the shell disposes the session and sets it to null. */
export type LeaveDetail = Record<string, never>;

/**
 * `ctg-reload`: the server refused a change this copy holds; the person asked for the server's version. The shell
 * forgets the device's copy (`ConventionSession.discardLocalCopy`) and opens the convention again.
 */
export type ReloadDetail = Record<string, never>;

/** `ctg-lang`: the person switched language (already saved to the pane's storage). */
export interface LangDetail {
  lang: Lang;
}

/** `ctg-select` (inside the pane): go to this entity in the document. */
export type SelectDetail = EntityRef;

declare global {
  interface HTMLElementEventMap {
    'ctg-join': CustomEvent<JoinDetail>;
    'ctg-leave': CustomEvent<LeaveDetail>;
    'ctg-reload': CustomEvent<ReloadDetail>;
    'ctg-lang': CustomEvent<LangDetail>;
    'ctg-select': CustomEvent<SelectDetail>;
  }
}

/** An event that leaves the pane's shadow DOM for the app shell. */
export function outward<T>(type: string, detail: T): CustomEvent<T> {
  return new CustomEvent(type, { detail, bubbles: true, composed: true });
}

/** An event for the pane itself: handled on the child element, never seen outside. */
export function inward<T>(type: string, detail: T): CustomEvent<T> {
  return new CustomEvent(type, { detail });
}
