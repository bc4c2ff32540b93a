// A named version in the browser view, read only (`/view/<id>?token=…&version=<vid>`): the version's snapshot
// rendered by the browser host with no session and no binding, under a banner saying which version it is, with
// the way back to the live text.
import { t } from '../i18n.ts';
import { BrowserHost } from '../host/browser/browser-host.ts';
import { httpVersionsClient } from '../pane/versions-client.ts';

const BANNER =
  'position:sticky;top:0;z-index:2;max-width:948px;margin:0 auto 16px;padding:12px 16px;background:#fff4e3;border-left:4px solid #b34000;display:flex;gap:16px;flex-wrap:wrap;align-items:center;justify-content:space-between;font-weight:600';

export async function showVersion(page: HTMLElement, side: HTMLElement, endpoint: { server: string; conventionId: string; token: string }, versionId: string): Promise<void> {
  const back = document.createElement('a');
  back.href = `/view/${encodeURIComponent(endpoint.conventionId)}?token=${encodeURIComponent(endpoint.token)}`;
  back.textContent = t('fr', 'version.back');
  back.className = 'ctg-version-back';
  const banner = document.createElement('div');
  banner.className = 'ctg-version-banner';
  banner.setAttribute('role', 'status');
  banner.setAttribute('style', BANNER);
  const title = document.createElement('span');
  banner.append(title, back);
  let opened: Awaited<ReturnType<ReturnType<typeof httpVersionsClient>['open']>>;
  try {
    opened = await httpVersionsClient(endpoint).open(versionId);
  } catch (error) {
    title.textContent = t('fr', 'version.failed', { message: error instanceof Error ? error.message : String(error) });
    banner.setAttribute('role', 'alert');
    page.replaceChildren(banner);
    return;
  }
  const { version, snapshot } = opened;
  const date = new Date(version.at);
  title.textContent = t('fr', 'version.banner', {
    name: version.name,
    date: Number.isNaN(date.getTime()) ? version.at : date.toLocaleString('fr-FR', { dateStyle: 'long', timeStyle: 'short' }),
  });
  const documentBox = document.createElement('div');
  page.replaceChildren(banner, documentBox);
  document.title = `${version.name} — Concerto`;
  await new BrowserHost(documentBox, { editable: false }).render(snapshot);
  // The same words beside the text, not announced twice: the banner is the one live region.
  const note = banner.cloneNode(true) as HTMLElement;
  note.removeAttribute('role');
  note.setAttribute('style', 'margin:16px;padding:12px;background:#fff4e3;border-left:4px solid #b34000;display:flex;flex-direction:column;gap:8px');
  side.replaceChildren(note);
}
