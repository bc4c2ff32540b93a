// Where the task pane remembers things in Office: the document's own settings for what belongs to the document
// (server, convention, language), but never the access token — a file sent to someone must not carry one's access.
// Tokens stay in this computer's browser storage, under a random id the document keeps.
import { type DocumentSettingsLike, documentSettingsStorage, localStorageFor, type PaneStorage } from '../pane/storage.ts';

const DOCUMENT_ID_KEY = 'concerto.document';
const PERSONAL_KEYS = new Set(['concerto.join.link']);

export function officeStorage(settings: DocumentSettingsLike, onError: (message: string) => void, random: () => string = () => crypto.randomUUID()): PaneStorage {
  const shared = documentSettingsStorage(settings, onError);
  let documentId = shared.get(DOCUMENT_ID_KEY);
  if (!documentId) {
    documentId = random();
    shared.set(DOCUMENT_ID_KEY, documentId);
  }
  const personal = localStorageFor(`document:${documentId}`);
  return {
    get: (key) => (PERSONAL_KEYS.has(key) ? personal.get(key) : shared.get(key)),
    set: (key, value) => (PERSONAL_KEYS.has(key) ? personal.set(key, value) : shared.set(key, value)),
  };
}
