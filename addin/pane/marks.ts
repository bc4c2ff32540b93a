// Keeps the host's marks equal to the current findings and open discussion threads: sets new or changed marks,
// clears gone ones. Threads get their own marker in every host (Word's own comments credit add-in edits to
// « Unknown » on the web, so they are not used).
import type { Finding, Thread } from '../../shared/index.ts';
import type { EntityRef } from '../../shared/field-ref.ts';
import type { HostPort, Mark } from '../host/port.ts';
import { excerpt } from './review-format.ts';

type Shown = Map<string, { ref: EntityRef; mark: Mark }>;

/** How many threads a marker quotes; the others are counted. */
const QUOTED = 2;

/** « 2 discussions ouvertes : « Combien de places ? » ; « Qui pilote ? » », then « … et 3 autres » past two. */
export function threadsLabel(threads: readonly Thread[]): string {
  const n = threads.length;
  const quotes = threads.slice(0, QUOTED).map((t) => `« ${excerpt(t.comments[0]?.text ?? '')} »`).join(' ; ');
  const more = n - QUOTED;
  const rest = more > 0 ? ` … et ${more} ${more > 1 ? 'autres' : 'autre'}` : '';
  return `${n} ${n > 1 ? 'discussions ouvertes' : 'discussion ouverte'} : ${quotes}${rest}`;
}

/**
 * One mark per entity: an error if any of its findings is one, else a warning, else a discussion marker; labelled
 * with every message (in French), then its open threads.
 */
export function marksFor(findings: readonly Finding[], threads: readonly Thread[] = []): Shown {
  const grouped = new Map<string, { ref: EntityRef; findings: Finding[]; threads: Thread[] }>();
  const entry = (ref: EntityRef) => {
    const key = `${ref.kind}:${ref.id}`;
    const found = grouped.get(key) ?? { ref: { kind: ref.kind, id: ref.id }, findings: [], threads: [] };
    grouped.set(key, found);
    return found;
  };
  for (const finding of findings) entry(finding.entity).findings.push(finding);
  for (const thread of threads) if (!thread.resolved && thread.attached) entry(thread.anchor).threads.push(thread);
  const out: Shown = new Map();
  for (const [key, { ref, findings: list, threads: open }] of grouped) {
    const type = list.some((f) => f.severity === 'error') ? 'error' : list.length > 0 ? 'warning' : 'comment';
    const lines = list.map((f) => f.message.fr);
    if (open.length > 0) lines.push(threadsLabel(open));
    out.set(key, { ref, mark: { type, label: lines.join('\n') } });
  }
  return out;
}

export class FindingMarks {
  private shown: Shown = new Map();
  private host: HostPort | null = null;
  private queue: Promise<void> = Promise.resolve();
  private threads: readonly Thread[] = [];

  constructor(private readonly onError: (error: unknown) => void) {}

  /**
   * Brings the host's marks in line with `findings` and the open `threads` (omitted: the last ones given); calls run
   * one after another, failures go to `onError`.
   */
  sync(host: HostPort | null, findings: readonly Finding[], threads?: readonly Thread[]): Promise<void> {
    if (threads) this.threads = threads;
    if (host !== this.host) {
      this.host = host;
      this.shown = new Map();
    }
    if (!host) return this.queue;
    const next = marksFor(findings, this.threads);
    const previous = this.shown;
    this.shown = next;
    const work: Array<() => Promise<void>> = [];
    for (const [key, { ref }] of previous) if (!next.has(key)) work.push(() => host.mark(ref, null));
    for (const [key, { ref, mark }] of next) {
      const before = previous.get(key)?.mark;
      if (before?.type !== mark.type || before.label !== mark.label) work.push(() => host.mark(ref, mark));
    }
    if (work.length === 0) return this.queue;
    this.queue = this.queue.then(async () => {
      try {
        for (const step of work) await step();
      } catch (error) {
        // What the host shows is now unknown: the next sync resends every mark and clears every other one.
        this.shown = stale(previous, this.shown);
        this.onError(error);
      }
    });
    return this.queue;
  }
}

const STALE: Mark = { type: 'error', label: '' };

function stale(...maps: Shown[]): Shown {
  const out: Shown = new Map();
  for (const map of maps) for (const [key, { ref }] of map) out.set(key, { ref, mark: STALE });
  return out;
}
