// Where the pane remembers small things (language, last join link): Office document settings, localStorage, memory.
export interface PaneStorage {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

/** Kept in memory only (tests, or a browser that refuses localStorage). */
export function memoryStorage(initial: Record<string, string> = {}): PaneStorage & { readonly entries: Map<string, string> } {
  const entries = new Map(Object.entries(initial));
  return {
    entries,
    get: (key) => entries.get(key) ?? null,
    set: (key, value) => {
      entries.set(key, value);
    },
  };
}

/**
 * The browser's localStorage, with keys scoped to one document (e.g. `view:<conventionId>`), so each convention
 * opened in this browser remembers its own things.
 */
export function localStorageFor(scope: string, store: Storage = globalThis.localStorage): PaneStorage {
  const prefix = `concerto:${scope}:`;
  return {
    get: (key) => store.getItem(prefix + key),
    set: (key, value) => store.setItem(prefix + key, value),
  };
}

/** The slice of `Office.context.document.settings` the pane uses. */
export interface DocumentSettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: string; error?: { message: string } }) => void): void;
}

/**
 * Office document settings: remembered inside the Word or Excel file itself, so « per document ». A failed save
 * is reported to `onError` (the pane shows it); the value stays set for this session either way.
 */
export function documentSettingsStorage(settings: DocumentSettingsLike, onError: (message: string) => void): PaneStorage {
  return {
    get: (key) => {
      const value = settings.get(key);
      return typeof value === 'string' ? value : null;
    },
    set: (key, value) => {
      settings.set(key, value);
      settings.saveAsync((result) => {
        if (result.status !== 'succeeded') onError(result.error?.message ?? result.status);
      });
    },
  };
}
