// The Office task pane shell (Word and Excel), which also runs in a plain browser window: finds the host, mounts
// the pane, creates the live session when the person joins, and reconnects to the convention this document
// remembers. The Word and Excel document adapters plug in here as `pane.host`.
import '../pane/index.ts';
import { rememberedJoin } from '../pane/join-input.ts';
import { type DocumentSettingsLike, localStorageFor, type PaneStorage } from '../pane/storage.ts';
import type { JoinDetail } from '../pane/events.ts';
import { ConventionSession } from '../session/session.ts';
import { detectOffice } from './office-host.ts';
import { officeStorage } from './storage.ts';

type Pane = HTMLElement & { session: ConventionSession | null; storage: PaneStorage; host: null };

/** Office's settings object, as the slice the pane's storage uses. */
function settingsOf(settings: Office.Settings): DocumentSettingsLike {
  return {
    get: (name) => settings.get(name),
    set: (name, value) => settings.set(name, value),
    saveAsync: (callback) =>
      settings.saveAsync((result) => callback?.({ status: String(result.status), error: result.error ? { message: result.error.message } : undefined })),
  };
}

/** Document settings could not be saved: say so (the join still works for this session). */
function showSettingsProblem(message: string): void {
  const banner = document.createElement('p');
  banner.setAttribute('role', 'alert');
  banner.className = 'settings-problem';
  banner.textContent = `Ce document n'a pas pu mémoriser la convention (${message}) : il faudra recoller le lien à la prochaine ouverture.`;
  document.body.prepend(banner);
}

async function main(): Promise<void> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const environment = await detectOffice(office as Parameters<typeof detectOffice>[0]);
  const pane = document.createElement('ctg-pane') as Pane;
  pane.storage =
    environment.host !== 'none' && office?.context?.document?.settings
      ? officeStorage(settingsOf(office.context.document.settings), showSettingsProblem)
      : localStorageFor('taskpane');
  pane.host = null;
  const join = (detail: JoinDetail) => {
    pane.session?.dispose();
    pane.session = new ConventionSession(detail);
  };
  pane.addEventListener('ctg-join', (event) => join(event.detail));
  pane.addEventListener('ctg-leave', () => {
    pane.session?.dispose();
    pane.session = null;
  });
  const remembered = rememberedJoin(pane.storage);
  pane.session = remembered ? new ConventionSession(remembered) : null;
  document.getElementById('pane')?.replaceChildren(pane);
}

void main();
