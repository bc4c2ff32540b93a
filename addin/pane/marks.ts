// Keeps the host's validation marks equal to the current findings: sets new or changed marks, clears gone ones.
import type { Finding } from '../../shared/index.ts';
import type { EntityRef } from '../binding/field-ref.ts';
import type { HostPort, Mark } from '../host/port.ts';

type Shown = Map<string, { ref: EntityRef; mark: Mark }>;

/** One mark per entity: an error if any of its findings is one, labelled with every message (in French). */
export function marksFor(findings: readonly Finding[]): Shown {
  const grouped = new Map<string, { ref: EntityRef; findings: Finding[] }>();
  for (const finding of findings) {
    const key = `${finding.entity.kind}:${finding.entity.id}`;
    const entry = grouped.get(key) ?? { ref: { kind: finding.entity.kind, id: finding.entity.id }, findings: [] };
    entry.findings.push(finding);
    grouped.set(key, entry);
  }
  const out: Shown = new Map();
  for (const [key, { ref, findings: list }] of grouped) {
    const type = list.some((f) => f.severity === 'error') ? 'error' : 'warning';
    out.set(key, { ref, mark: { type, label: list.map((f) => f.message.fr).join('\n') } });
  }
  return out;
}

export class FindingMarks {
  private shown: Shown = new Map();
  private host: HostPort | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly onError: (error: unknown) => void) {}

  /** Brings the host's marks in line with `findings`; calls run one after another, failures go to `onError`. */
  sync(host: HostPort | null, findings: readonly Finding[]): Promise<void> {
    if (host !== this.host) {
      this.host = host;
      this.shown = new Map();
    }
    if (!host) return this.queue;
    const next = marksFor(findings);
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
