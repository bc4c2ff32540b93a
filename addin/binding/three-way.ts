// Three-way merge of one field's text: the host's edits (base → host) replayed onto the model's current text
// (base → current), so remote edits that arrived while the person was typing elsewhere in the field survive.
// Both sides are diffed into hunks; each host hunk is moved over the remote hunks before it. When a host hunk and
// a remote hunk touch the same stretch, the remote version stays and the host's inserted text follows it, so
// nothing anyone typed is lost.
import { diff, type Hunk } from '../../shared/text-diff.ts';

export interface Splice {
  start: number;
  deleted: number;
  inserted: string;
}

/** The single contiguous change turning `from` into `to` (common prefix and suffix trimmed). */
export function splice(from: string, to: string): Splice {
  let start = 0;
  const max = Math.min(from.length, to.length);
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && from.charCodeAt(from.length - 1 - end) === to.charCodeAt(to.length - 1 - end)) end++;
  return { start, deleted: from.length - start - end, inserted: to.slice(start, to.length - end) };
}

/** Host hunk strictly before a remote hunk (an insertion at the same place goes after the remote one). */
const before = (h: Hunk, r: Hunk) => h.end <= r.start && h.start < r.start;
const after = (h: Hunk, r: Hunk) => h.start >= r.end && !(h.start === r.start && h.end > h.start);

export function mergeText(base: string, host: string, current: string): string {
  if (host === base || host === current) return current;
  if (current === base) return host;
  const remote = diff(base, current);
  const edits: Array<{ at: number; remove: number; text: string }> = [];
  for (const h of diff(base, host)) {
    let shift = 0;
    let conflict: Hunk | null = null;
    for (const r of remote) {
      if (after(h, r)) shift += r.text.length - (r.end - r.start);
      else if (!before(h, r)) {
        conflict = r;
        break;
      }
    }
    if (conflict) {
      // Keep the remote version of the stretch; the host's typed text goes right after it.
      let at = conflict.end;
      for (const r of remote) if (r.end <= conflict.end) at += r.text.length - (r.end - r.start);
      edits.push({ at, remove: 0, text: h.text });
    } else edits.push({ at: h.start + shift, remove: h.end - h.start, text: h.text });
  }
  let out = current;
  for (const e of edits.sort((x, y) => y.at - x.at)) out = out.slice(0, e.at) + e.text + out.slice(e.at + e.remove);
  return out;
}
