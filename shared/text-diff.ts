// A character diff of two texts (Myers' O(ND) algorithm, after trimming the common prefix and suffix), as a list of hunks:
// each replaces base[start, end) by `text`. Small edits to a long field cost little.

export interface Hunk {
  start: number;
  end: number;
  text: string;
}

export function diff(base: string, next: string): Hunk[] {
  let prefix = 0;
  const max = Math.min(base.length, next.length);
  while (prefix < max && base.charCodeAt(prefix) === next.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && base.charCodeAt(base.length - 1 - suffix) === next.charCodeAt(next.length - 1 - suffix)) suffix++;
  const a = base.slice(prefix, base.length - suffix);
  const b = next.slice(prefix, next.length - suffix);
  if (a.length === 0 && b.length === 0) return [];
  if (a.length === 0 || b.length === 0 || a.length * b.length > 4_000_000) {
    return [{ start: prefix, end: prefix + a.length, text: b }];
  }
  return myers(a, b).map((h) => ({ start: h.start + prefix, end: h.end + prefix, text: h.text }));
}

/** Myers' greedy shortest edit script, then grouped into hunks. */
function myers(a: string, b: string): Hunk[] {
  const n = a.length;
  const m = b.length;
  const offset = n + m;
  const v = new Int32Array(2 * offset + 2);
  const trace: Int32Array[] = [];
  outer: for (let d = 0; d <= n + m; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number)) ? (v[offset + k + 1] as number) : (v[offset + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && a.charCodeAt(x) === b.charCodeAt(y)) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) break outer;
    }
  }
  // Walk back through the trace, collecting edits from the end.
  const edits: Array<{ x: number; y: number; type: 'del' | 'ins' }> = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const vd = trace[d] as Int32Array;
    const k = x - y;
    const down = k === -d || (k !== d && (vd[offset + k - 1] as number) < (vd[offset + k + 1] as number));
    const prevK = down ? k + 1 : k - 1;
    const prevX = vd[offset + prevK] as number;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
    }
    if (down) edits.push({ x: prevX, y: prevY, type: 'ins' });
    else edits.push({ x: prevX, y: prevY, type: 'del' });
    x = prevX;
    y = prevY;
  }
  edits.reverse();
  const hunks: Hunk[] = [];
  for (const e of edits) {
    const last = hunks.at(-1);
    const start = e.x;
    if (e.type === 'del') {
      if (last && last.end === start) last.end = start + 1;
      else hunks.push({ start, end: start + 1, text: '' });
    } else {
      const char = b[e.y] as string;
      if (last && last.end === start) last.text += char;
      else hunks.push({ start, end: start, text: char });
    }
  }
  return hunks;
}
