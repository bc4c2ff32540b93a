// What changed inside one text, for highlighting: equal / inserted / deleted runs, word by word (line by line, or
// the whole text, when a text is too long for a word diff), with long unchanged runs cut down to their edges.
import { diff } from '../../shared/text-diff.ts';

export interface TextHunk {
  readonly op: 'equal' | 'insert' | 'delete';
  readonly text: string;
}

export interface HunkLimits {
  /** Above this many tokens in both texts together, the diff goes by line, then by whole text. */
  readonly maxTokens: number;
  /** Characters kept on each side of a change in an unchanged run. */
  readonly context: number;
  /** Longest inserted or deleted run kept whole. */
  readonly maxRun: number;
  /** At most this many hunks; the rest is summed up as « … ». */
  readonly maxHunks: number;
}

export const DEFAULT_HUNK_LIMITS: HunkLimits = { maxTokens: 1500, context: 40, maxRun: 600, maxHunks: 120 };

const WORDS = /\s+|[^\s]+/g;
const LINES = /[^\n]*\n|[^\n]+/g;
const PARAGRAPHS = /[^\n]+/g;
const ELLIPSIS = '…';

/** Token runs of two texts, each token stood for by one character, so the character diff works on tokens. */
function encode(before: string, after: string, pattern: RegExp): { a: string; b: string; tokens: string[]; size: number } {
  const codes = new Map<string, string>();
  const tokens: string[] = [];
  const toCodes = (text: string) => {
    let out = '';
    for (const token of text.match(pattern) ?? []) {
      let code = codes.get(token);
      if (code === undefined) {
        code = String.fromCharCode(tokens.length + 1);
        codes.set(token, code);
        tokens.push(token);
      }
      out += code;
    }
    return out;
  };
  const a = toCodes(before);
  const b = toCodes(after);
  return { a, b, tokens, size: a.length + b.length };
}

/** The raw hunks, before trimming: the common start and end (cut at a space) are set aside, the middle is diffed. */
export function rawHunks(before: string, after: string, maxTokens = DEFAULT_HUNK_LIMITS.maxTokens): TextHunk[] {
  if (before === after) return before === '' ? [] : [{ op: 'equal', text: before }];
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  while (start > 0 && !/\s/.test(before[start - 1]!)) start--;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  while (end > 0 && !/\s/.test(before[before.length - end]!)) end--;
  const middle = middleHunks(before.slice(start, before.length - end), after.slice(start, after.length - end), maxTokens);
  const edges = (text: string): TextHunk[] => (text === '' ? [] : [{ op: 'equal', text }]);
  return [...edges(before.slice(0, start)), ...middle, ...edges(before.slice(before.length - end))];
}

function middleHunks(before: string, after: string, maxTokens: number): TextHunk[] {
  let encoded = encode(before, after, WORDS);
  if (encoded.size > maxTokens) encoded = encode(before, after, LINES);
  if (encoded.size > maxTokens) return wholeText(before, after);
  const { a, b, tokens } = encoded;
  const text = (codes: string) => [...codes].map((c) => tokens[c.charCodeAt(0) - 1]).join('');
  const out: TextHunk[] = [];
  let at = 0;
  for (const hunk of diff(a, b)) {
    if (hunk.start > at) out.push({ op: 'equal', text: text(a.slice(at, hunk.start)) });
    if (hunk.end > hunk.start) out.push({ op: 'delete', text: text(a.slice(hunk.start, hunk.end)) });
    if (hunk.text !== '') out.push({ op: 'insert', text: text(hunk.text) });
    at = hunk.end;
  }
  if (at < a.length) out.push({ op: 'equal', text: text(a.slice(at)) });
  return out;
}

function wholeText(before: string, after: string): TextHunk[] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  const parts: TextHunk[] = [
    { op: 'equal', text: before.slice(0, start) },
    { op: 'delete', text: before.slice(start, before.length - end) },
    { op: 'insert', text: after.slice(start, after.length - end) },
    { op: 'equal', text: before.slice(before.length - end) },
  ];
  return parts.filter((p) => p.text !== '');
}

/** The hunks of a change, kept small: unchanged runs cut to their edges, long runs and long lists shortened. */
export function textHunks(before: string, after: string, limits: HunkLimits = DEFAULT_HUNK_LIMITS): TextHunk[] {
  const raw = rawHunks(before, after, limits.maxTokens);
  const out: TextHunk[] = [];
  raw.forEach((hunk, i) => {
    if (out.length >= limits.maxHunks) return;
    if (hunk.op !== 'equal') {
      const cut = hunk.text.length > limits.maxRun;
      out.push({ op: hunk.op, text: cut ? `${hunk.text.slice(0, limits.maxRun)}${ELLIPSIS}` : hunk.text });
      return;
    }
    const first = i === 0;
    const last = i === raw.length - 1;
    const keep = (first ? 0 : limits.context) + (last ? 0 : limits.context);
    if (hunk.text.length <= keep + ELLIPSIS.length) out.push(hunk);
    else {
      const head = first ? '' : hunk.text.slice(0, limits.context);
      const tail = last ? '' : hunk.text.slice(hunk.text.length - limits.context);
      out.push({ op: 'equal', text: `${head}${ELLIPSIS}${tail}` });
    }
  });
  if (out.length < raw.length && out.length >= limits.maxHunks) out.push({ op: 'equal', text: ELLIPSIS });
  return out;
}

/** Paragraphs (lines) modified, added and removed between two texts. */
export function paragraphChanges(before: string, after: string): { modified: number; added: number; removed: number } {
  const paragraphs = (text: string) => text.split('\n').filter((line) => line.trim() !== '').join('\n');
  const { a, b } = encode(paragraphs(before), paragraphs(after), PARAGRAPHS);
  let modified = 0;
  let added = 0;
  let removed = 0;
  for (const hunk of diff(a, b)) {
    const del = hunk.end - hunk.start;
    const ins = hunk.text.length;
    modified += Math.min(del, ins);
    added += Math.max(0, ins - del);
    removed += Math.max(0, del - ins);
  }
  return { modified, added, removed };
}
