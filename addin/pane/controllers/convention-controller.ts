// The convention as the pane shows it: a snapshot and its validation findings, recomputed after model changes
// (at most once per `delayMs`, so a burst of keystrokes or a sync costs one pass).
import type { ReactiveControllerHost } from 'lit';
import { type ConventionSnapshot, type Finding, observeChanges, readSnapshot, validate } from '../../../shared/index.ts';
import type { PaneSession } from '../session-port.ts';
import { SessionController } from './session-controller.ts';

export type ConventionState =
  | { status: 'ready'; snapshot: ConventionSnapshot; findings: Finding[] }
  /** Reading or checking threw: shown as such, with the last good snapshot if there was one. */
  | { status: 'failed'; snapshot: ConventionSnapshot | null; findings: Finding[]; error: unknown };

export interface ConventionOptions {
  /** The day findings are computed for (ISO date). */
  today: () => string;
  delayMs?: number;
  /** Called with each new state, after it is stored (the pane syncs the host's marks from it). */
  onState?: (state: ConventionState) => void;
}

export class ConventionController extends SessionController<ConventionState> {
  private readonly delayMs: number;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: ConventionOptions,
  ) {
    super(host);
    this.delayMs = options.delayMs ?? 100;
  }

  /** Recomputes now (e.g. when `today` changed). */
  refresh(session: PaneSession | null): void {
    if (session && this.value) this.compute(session);
  }

  protected override subscribe(session: PaneSession): () => void {
    this.compute(session);
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = observeChanges(session.ydoc, () => {
      timer ??= setTimeout(() => {
        timer = null;
        this.compute(session);
      }, this.delayMs);
    });
    return () => {
      stop();
      if (timer !== null) clearTimeout(timer);
    };
  }

  private compute(session: PaneSession): void {
    let state: ConventionState;
    try {
      const snapshot = readSnapshot(session.ydoc);
      state = { status: 'ready', snapshot, findings: validate(snapshot, { today: this.options.today() }) };
    } catch (error) {
      state = { status: 'failed', snapshot: this.value?.snapshot ?? null, findings: this.value?.findings ?? [], error };
    }
    this.receive(state);
    this.options.onState?.(state);
  }
}
