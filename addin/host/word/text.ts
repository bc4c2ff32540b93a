// Word's text, normalized: paragraphs come back separated by \r (desktop) or \n (web), cells by \t and \u0007,
// manual line breaks as \v. A field's text keeps one '\n' per paragraph; structure checks ignore whitespace.

/** A field's text as read from Word; `manualBreaks` when a line break inside a paragraph was read as '\n'. */
export function fieldText(raw: string, multiline: boolean): { text: string; manualBreaks: boolean } {
  if (!multiline) return { text: raw.replace(/\r\n|\r|\n/g, '\v'), manualBreaks: false };
  const manualBreaks = raw.includes('\v');
  return { text: raw.replace(/\r\n|\r|\n|\v/g, '\n'), manualBreaks };
}

/** Text without any whitespace or control character: what structure checks compare. */
export function squash(text: string): string {
  return text.replace(/[\s\p{Cc}\u200b\u2028\u2029]+/gu, '');
}

export interface LineChange {
  /** First changed paragraph. */
  start: number;
  /** How many old paragraphs are replaced. */
  removed: number;
  /** The new paragraphs in their place. */
  added: string[];
}

/** The paragraphs that changed between two texts (common first and last paragraphs kept). */
export function lineChange(from: string, to: string): LineChange | null {
  if (from === to) return null;
  const a = from.split('\n');
  const b = to.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return { start, removed: a.length - start - end, added: b.slice(start, b.length - end) };
}
