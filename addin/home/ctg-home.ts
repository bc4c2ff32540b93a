// The home page: the conventions this server holds, a form to create one (the empty template or the fictional
// sample for a demo), and join links per party and access level to hand out. Needs the administrator link.
import { css, html, LitElement, nothing } from 'lit';
import { sampleConventionFile } from '../../shared/samples/index.ts';
import { readTokenClaims } from '../session/token.ts';
import { ApiError, ConcertoApi, type ConventionSummary, type Creation, type Invitation } from './api.ts';

const ADMIN_KEY = 'concerto:admin-token';
const ACCESS_LABELS = { edit: 'Édition', comment: 'Commentaire', view: 'Lecture seule' } as const;

type Load = { state: 'idle' } | { state: 'pending' } | { state: 'error'; message: string } | { state: 'done' };

export class CtgHome extends LitElement {
  static override properties = {
    token: { state: true },
    conventions: { state: true },
    load: { state: true },
    creating: { state: true },
    invitations: { state: true },
    inviteError: { state: true },
  };

  declare private token: string | null;
  declare private conventions: ConventionSummary[];
  declare private load: Load;
  declare private creating: Load;
  declare private invitations: Map<string, Invitation[]>;
  declare private inviteError: Map<string, string>;

  constructor() {
    super();
    this.token = readAdminToken();
    this.conventions = [];
    this.load = { state: 'idle' };
    this.creating = { state: 'idle' };
    this.invitations = new Map();
    this.inviteError = new Map();
  }

  private get api(): ConcertoApi {
    return new ConcertoApi(location.origin, this.token ?? '');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.token) void this.refresh();
  }

  private async refresh(): Promise<void> {
    this.load = { state: 'pending' };
    try {
      this.conventions = (await this.api.list()).sort((a, b) => b.createdAt - a.createdAt);
      this.load = { state: 'done' };
    } catch (error) {
      this.load = { state: 'error', message: (error as Error).message };
    }
  }

  private async create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const creation: Creation =
      form.get('source') === 'sample'
        ? { kind: 'import', file: sampleConventionFile() }
        : {
            kind: 'template',
            title: String(form.get('title') ?? '').trim() || undefined,
            generation: form.get('generation') === '2014' ? '2014' : '2020',
            echelon: (form.get('echelon') as 'departemental' | 'intercommunal' | 'communal') ?? 'intercommunal',
            startYear: Number(form.get('startYear')) || undefined,
          };
    this.creating = { state: 'pending' };
    try {
      await this.api.create(creation);
      this.creating = { state: 'done' };
      await this.refresh();
    } catch (error) {
      this.creating = { state: 'error', message: error instanceof ApiError ? error.message : String(error) };
    }
  }

  private async invite(event: SubmitEvent, conventionId: string): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const access = String(form.get('access')) as Invitation['access'];
    const name = String(form.get('name') ?? '').trim();
    try {
      const invitation = await this.api.invite(conventionId, { party: String(form.get('party') ?? '').trim(), access, ...(name ? { name } : {}) });
      this.invitations = new Map(this.invitations).set(conventionId, [invitation, ...(this.invitations.get(conventionId) ?? [])]);
      this.inviteError = new Map(this.inviteError);
      this.inviteError.delete(conventionId);
    } catch (error) {
      this.inviteError = new Map(this.inviteError).set(conventionId, (error as Error).message);
    }
  }

  private useToken(event: SubmitEvent): void {
    event.preventDefault();
    const raw = String(new FormData(event.target as HTMLFormElement).get('admin') ?? '').trim();
    const token = raw.includes('admin=') ? new URL(raw, location.origin).searchParams.get('admin') : raw;
    if (!token) return;
    localStorage.setItem(ADMIN_KEY, token);
    this.token = token;
    void this.refresh();
  }

  override render() {
    return html`
      <header>
        <p class="brand">Concerto</p>
        <h1>Conventions territoriales globales</h1>
        <p class="lede">Rédigez à plusieurs, en direct, la convention entre la Caf et les collectivités : texte, plan d'actions, indicateurs.</p>
      </header>
      <main>${this.token ? this.renderConventions() : this.renderNoToken()}</main>
    `;
  }

  private renderNoToken() {
    return html`<section class="card">
      <h2>Pour commencer</h2>
      <p>Ouvrez le <strong>lien d'administration</strong> affiché dans le terminal par <code>npm start</code>, ou collez-le ici
        (il s'obtient aussi avec <code>npx ctg token --admin</code>).</p>
      <form @submit=${this.useToken} class="row">
        <label class="grow">Lien ou jeton d'administration<input name="admin" required autocomplete="off" /></label>
        <button type="submit">Continuer</button>
      </form>
    </section>`;
  }

  private renderConventions() {
    return html`
      <section class="card">
        <h2>Nouvelle convention</h2>
        <form @submit=${this.create} class="grid">
          <fieldset class="wide">
            <legend>Point de départ</legend>
            <label class="choice"><input type="radio" name="source" value="template" checked /> Modèle vierge de convention</label>
            <label class="choice"><input type="radio" name="source" value="sample" /> Convention de démonstration (Val de Sorlaine, données fictives)</label>
          </fieldset>
          <label class="wide">Titre (facultatif)<input name="title" placeholder="Convention territoriale globale 2026-2030" /></label>
          <label>Génération
            <select name="generation"><option value="2020">2020 – 5 ans</option><option value="2014">2014 – 4 ans</option></select>
          </label>
          <label>Échelon
            <select name="echelon"><option value="intercommunal">Intercommunal</option><option value="communal">Communal</option><option value="departemental">Départemental</option></select>
          </label>
          <label>Première année<input name="startYear" type="number" min="2014" max="2100" value=${new Date().getFullYear() + 1} /></label>
          <div class="wide actions">
            <button type="submit" ?disabled=${this.creating.state === 'pending'}>${this.creating.state === 'pending' ? 'Création…' : 'Créer la convention'}</button>
            ${this.creating.state === 'error' ? html`<p class="error" role="alert">${this.creating.message}</p>` : nothing}
          </div>
        </form>
      </section>
      <section class="card">
        <h2>Conventions</h2>
        ${this.load.state === 'pending' && this.conventions.length === 0 ? html`<p role="status">Chargement…</p>` : nothing}
        ${this.load.state === 'error'
          ? html`<p class="error" role="alert">${this.load.message}
              <button class="link" @click=${() => this.forgetToken()}>Changer de lien d'administration</button></p>`
          : nothing}
        ${this.load.state === 'done' && this.conventions.length === 0 ? html`<p>Aucune convention pour l'instant : créez-en une ci-dessus.</p>` : nothing}
        <ul class="conventions">${this.conventions.map((c) => this.renderConvention(c))}</ul>
      </section>
    `;
  }

  private renderConvention(c: ConventionSummary) {
    const invitations = this.invitations.get(c.id) ?? [];
    return html`<li class="convention" data-id=${c.id}>
      <div class="title"><strong>${c.title || c.id}</strong> <span class="muted">${c.id} · créée le ${new Date(c.createdAt).toLocaleDateString('fr-FR')}</span></div>
      <form class="row" @submit=${(e: SubmitEvent) => this.invite(e, c.id)}>
        <label>Partie<input name="party" required placeholder="caf, ccvs…" size="10" /></label>
        <label>Nom<input name="name" placeholder="Sophie Arnaud" size="14" /></label>
        <label>Accès<select name="access">${Object.entries(ACCESS_LABELS).map(([value, label]) => html`<option value=${value}>${label}</option>`)}</select></label>
        <button type="submit">Créer un lien d'accès</button>
      </form>
      ${this.inviteError.has(c.id) ? html`<p class="error" role="alert">${this.inviteError.get(c.id)}</p>` : nothing}
      ${invitations.length > 0
        ? html`<ul class="links">${invitations.map(
            (i) => html`<li>
              <span class="badge">${ACCESS_LABELS[i.access]}</span> ${i.name} (${i.party})
              <input class="link-text" readonly .value=${i.link} aria-label="Lien d'accès de ${i.name}" @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
              <button @click=${() => navigator.clipboard?.writeText(i.link)}>Copier</button>
              <a href=${i.link} target="_blank" rel="noopener">Ouvrir</a>
            </li>`,
          )}</ul>`
        : nothing}
    </li>`;
  }

  private forgetToken(): void {
    localStorage.removeItem(ADMIN_KEY);
    this.token = null;
  }

  static override styles = css`
    :host { display: block; max-width: 980px; margin: 0 auto; padding: 32px 20px 64px; font-size: 15px; }
    header { margin-bottom: 24px; }
    .brand { color: #000091; font-weight: 800; letter-spacing: .04em; text-transform: uppercase; margin: 0; }
    h1 { font-size: 28px; margin: 4px 0 8px; }
    .lede { color: #444; margin: 0; }
    .card { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 20px 24px; margin-bottom: 20px; }
    h2 { font-size: 18px; margin: 0 0 14px; color: #000091; }
    label { display: flex; flex-direction: column; gap: 4px; font-size: 13px; color: #333; }
    input, select { font: inherit; padding: 7px 9px; border: 1px solid #bbb; border-radius: 4px; background: #fff; }
    input:focus, select:focus, button:focus, a:focus { outline: 2px solid #000091; outline-offset: 2px; }
    button { font: inherit; background: #000091; color: #fff; border: 0; border-radius: 4px; padding: 8px 14px; cursor: pointer; align-self: flex-end; }
    button[disabled] { opacity: .6; cursor: wait; }
    button.link { background: none; color: #000091; text-decoration: underline; padding: 0 4px; }
    .grid { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 14px; }
    .wide { grid-column: 1 / -1; }
    fieldset { border: 0; padding: 0; margin: 0; display: flex; gap: 20px; flex-wrap: wrap; }
    legend { font-size: 13px; color: #333; margin-bottom: 6px; }
    .choice { flex-direction: row; align-items: center; font-size: 15px; color: #161616; }
    .row { display: flex; gap: 10px; align-items: flex-end; flex-wrap: wrap; }
    .grow { flex: 1; }
    .actions { display: flex; gap: 16px; align-items: center; }
    .error { color: #ce0500; margin: 8px 0 0; }
    .muted { color: #666; font-size: 13px; }
    .conventions { list-style: none; padding: 0; margin: 0; }
    .convention { border-top: 1px solid #eee; padding: 14px 0; }
    .title { margin-bottom: 8px; }
    .links { list-style: none; padding: 0; margin: 10px 0 0; display: grid; gap: 6px; }
    .links li { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
    .link-text { flex: 1; min-width: 240px; font-size: 12px; color: #444; }
    .badge { background: #e3e3fd; color: #000091; border-radius: 10px; padding: 1px 8px; font-size: 12px; font-weight: 600; }
    a { color: #000091; }
    @media (max-width: 700px) { .grid { grid-template-columns: 1fr; } }
  `;
}

/**
 * The admin token: from `?token=` or `?admin=` (then removed from the address bar) or remembered from a previous
 * visit. A participant's link that lands here goes on to its convention's live view.
 */
function readAdminToken(): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('admin') ?? url.searchParams.get('token');
  if (fromUrl) {
    const claims = readTokenClaims(fromUrl);
    if (claims) {
      location.replace(`/view/${encodeURIComponent(claims.convention)}?token=${encodeURIComponent(fromUrl)}`);
      return null;
    }
    localStorage.setItem(ADMIN_KEY, fromUrl);
    url.searchParams.delete('admin');
    url.searchParams.delete('token');
    history.replaceState(null, '', url);
    return fromUrl;
  }
  return localStorage.getItem(ADMIN_KEY);
}

customElements.define('ctg-home', CtgHome);
