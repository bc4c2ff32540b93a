// The live convention in any browser (`/view/<conventionId>?token=…`): the document, bound to the shared model,
// beside the Concerto pane. This is how partners without the add-in and the meeting-room projector take part.
import './view.css';
import '../pane/index.ts';
import { type ConventionDoc, observeChanges, readSnapshot } from '../../shared/index.ts';
import { HostBinding } from '../binding/binding.ts';
import { BrowserHost } from '../host/browser/browser-host.ts';
import { FieldLocks, unlessRefused } from '../pane/locks.ts';
import { localStorageFor } from '../pane/storage.ts';
import { ConventionSession } from '../session/session.ts';
import { readTokenClaims } from '../session/token.ts';
import { showVersion } from './version-view.ts';

const page = document.getElementById('document') as HTMLElement;
const side = document.getElementById('pane') as HTMLElement;

function showProblem(fr: string): void {
  const box = document.createElement('div');
  box.className = 'ctg-problem';
  box.setAttribute('role', 'alert');
  box.textContent = fr;
  page.replaceChildren(box);
}

/** A problem that leaves the document in place: one banner above it, its text replaced by the latest problem. */
function showNotice(fr: string): void {
  let box = page.querySelector<HTMLElement>(':scope > .ctg-notice');
  if (!box) {
    box = document.createElement('div');
    box.className = 'ctg-problem ctg-notice';
    box.setAttribute('role', 'alert');
    page.prepend(box);
  }
  box.textContent = fr;
}

/** Re-renders the page's derived parts (tables, headings) once per frame when the model changes. */
function followStructure(model: ConventionDoc, host: BrowserHost): void {
  let queued = false;
  observeChanges(model.ydoc, () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      void host.render(readSnapshot(model.ydoc));
    });
  });
}

async function main(): Promise<void> {
  const conventionId = decodeURIComponent(location.pathname.split('/view/')[1]?.split('/')[0] ?? '');
  const token = new URLSearchParams(location.search).get('token') ?? new URLSearchParams(location.hash.slice(1)).get('token');
  const claims = token ? readTokenClaims(token) : null;
  if (!conventionId || !token || !claims) {
    showProblem("Ce lien d'accès est incomplet. Demandez à la personne qui vous a invité(e) de vous renvoyer le lien de la convention.");
    return;
  }
  // A named version (`&version=<id>`): read only, from the server's copy, without a live session.
  const versionId = new URLSearchParams(location.search).get('version');
  if (versionId) return showVersion(page, side, { server: location.origin, conventionId, token }, versionId);
  const session = new ConventionSession({ server: location.origin, conventionId, token });
  const host = new BrowserHost(page, { editable: claims.access === 'edit' });
  const pane = document.createElement('ctg-pane');
  Object.assign(pane, { session, host, storage: localStorageFor(`view:${conventionId}`) });
  side.replaceChildren(pane);
  // The view is one convention at one address: joining another or leaving goes to that address.
  pane.addEventListener('ctg-join', (event) => {
    const { server, conventionId: id, token: next } = event.detail;
    location.assign(`${server}/view/${encodeURIComponent(id)}?token=${encodeURIComponent(next)}`);
  });
  pane.addEventListener('ctg-leave', () => {
    session.dispose();
    location.assign('/');
  });
  // The server refused a change this copy holds: forget the copy (offline one included) and load the page again.
  pane.addEventListener('ctg-reload', () => {
    void session.discardLocalCopy().then(
      () => location.reload(),
      (error: unknown) =>
        showNotice(
          `La copie de la convention gardée sur cet appareil n'a pas pu être effacée (${error instanceof Error ? error.message : String(error)}). Rechargez la page ; si la modification refusée revient, effacez les données de ce site dans les réglages du navigateur, puis rouvrez le lien.`,
        ),
    );
  });
  session.onConnection((state) => {
    if (state.status === 'refused' && session.model.meta().conventionId === '') showProblem(state.problem?.fr ?? 'Accès refusé.');
  });
  await session.loadedFromCache();
  await session.whenLoaded();
  page.replaceChildren();
  // Parts every signatory validated, or a signed convention, are read-only until reopened (or an avenant opens them).
  const locks = new FieldLocks(session.model.ydoc, (error) =>
    showNotice(`Les parties verrouillées n'ont pas pu être protégées (${error instanceof Error ? error.message : String(error)}). Rechargez la page.`),
  );
  await new HostBinding(session.model, host, {
    readOnly: claims.access !== 'edit',
    isLocked: unlessRefused(() => session.connection.writeRefused === true, locks.isLocked),
    // Typing in a locked part is put back: the banner says why.
    onProblem: (problem) => {
      if (problem?.cause === 'locked') showNotice(problem.fr);
    },
  }).start();
  await locks.attach(host);
  followStructure(session.model, host);
  // Others see which part of the convention this person is in.
  page.addEventListener('focusin', (event) => {
    const entity = (event.target as Element).closest('[data-entity]')?.getAttribute('data-entity');
    if (entity) session.setWhere(entity);
  });
}

void main();
