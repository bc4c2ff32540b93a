// The Office task pane shell (Word and Excel), which also runs in a plain browser window: finds the host, mounts
// the pane, creates the live session when the person joins, and reconnects to the convention this document
// remembers. In Word or Excel the document adapter plugs in as `pane.host`, with its own bar in the pane.
import '../pane/index.ts';
import { rememberedJoin } from '../pane/join-input.ts';
import { type DocumentSettingsLike, localStorageFor, type PaneStorage } from '../pane/storage.ts';
import type { HostPort } from '../host/port.ts';
import { ConventionSession } from '../session/session.ts';
import './document-bar.ts';
import type { CtgDocumentBar } from './document-bar.ts';
import { type DocumentLink, linkDocument, type OfficeDocument } from './document-link.ts';
import { detectOffice } from './office-host.ts';
import { officeStorage } from './storage.ts';

type Pane = HTMLElement & { session: ConventionSession | null; storage: PaneStorage; host: HostPort | null };

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
  const bar = document.createElement('ctg-document-bar') as CtgDocumentBar;
  bar.slot = 'document';
  let link: DocumentLink | null = null;
  const use = async (session: ConventionSession | null) => {
    link?.dispose();
    link = null;
    pane.host = null;
    pane.session?.dispose();
    pane.session = session;
    bar.remove();
    if (!session || environment.host === 'none' || !office) return;
    pane.append(bar);
    const supports = (set: string, version: string) => office.context.requirements.isSetSupported(set, version);
    const document: OfficeDocument = environment.host === 'word' ? { kind: 'word', word: Word } : { kind: 'excel', excel: Excel };
    link = await linkDocument(document, supports, session, bar);
    pane.host = link.host;
  };
  pane.addEventListener('ctg-join', (event) => void use(new ConventionSession(event.detail)));
  pane.addEventListener('ctg-leave', () => void use(null));
  // The server refused a change this copy holds: forget the copy and open the convention again from the server.
  pane.addEventListener('ctg-reload', () => {
    const session = pane.session;
    if (!(session instanceof ConventionSession)) return;
    // Opened again even if the offline copy could not be emptied: the server's version still arrives, and the pane
    // says so again if the old copy brings the refused change back.
    void use(null)
      .then(() => session.discardLocalCopy())
      .catch(() => undefined)
      .then(() => use(new ConventionSession(session.options)));
  });
  document.getElementById('pane')?.replaceChildren(pane);
  const remembered = rememberedJoin(pane.storage);
  await use(remembered ? new ConventionSession(remembered) : null);
}

void main();
