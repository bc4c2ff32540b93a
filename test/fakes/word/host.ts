// A Word adapter over a fresh fake Word, as tests and the benchmark use it: the person's `type` of the host
// contract, and the fake to inspect (round trips, document, events).
import { WordHost, type WordHostOptions } from '../../../addin/host/word/word-host.ts';
import type { WordApi } from '../../../addin/host/word/word-api.ts';
import { type FieldRef, fieldTag } from '../../../shared/field-ref.ts';
import { FakeWord, type FakeWordOptions } from './fake-word.ts';

export function wordUnderTest(fake: FakeWordOptions = {}, options: Partial<WordHostOptions> = {}) {
  const word = new FakeWord(fake);
  const api: WordApi = word;
  const host = new WordHost({ word: api, supports: (set, version) => word.isSetSupported(set, version), year: 2026, ...options });
  return {
    word,
    host,
    /** A person selects the field's text and types over it (on desktop, then leaves it: Word reports it then). */
    async type(ref: FieldRef, text: string): Promise<void> {
      word.user.replace(fieldTag(ref), text);
      if (word.timing === 'desktop') word.user.click(null);
      await word.flushEvents();
    },
    dispose(): void {
      host.dispose();
    },
  };
}
