// The whole convention as a live document in the browser: parties, visas and preamble, articles, the shared
// diagnostic, axes → objectives → fiches actions, the plan d'actions and indicator tables, signatures.
// Builds a fresh keyed tree from a snapshot; BrowserHost morphs the live page to it.
import {
  ACTION_STATUSES,
  ACTION_TYPES,
  type Action,
  CONVENTION_STATUSES,
  type ConventionSnapshot,
  ECHELONS,
  INDICATOR_KINDS,
  type Indicator,
  type Objective,
  PARTNER_ROLES,
  THEMATIC_FIELDS,
} from '../../../shared/index.ts';
import { type FieldRef, fieldTag, type RefKind } from '../../../shared/field-ref.ts';
import { indicatorCharts } from '../../charts/indicator-charts.ts';
import { type Child, h } from './dom.ts';

export interface ViewOptions {
  editable: boolean;
  /** The year whose action statuses the plan table shows. */
  year: number;
}

interface Option {
  value: string;
  label: string;
}

const entity = (kind: RefKind, id: string) => `${kind}:${id}`;

export function renderConvention(s: ConventionSnapshot, options: ViewOptions): HTMLElement {
  const ctx = new ViewContext(s, options);
  const c = s.convention;
  return h(
    'article',
    { class: 'ctg-document', 'data-key': 'document', lang: 'fr' },
    h(
      'header',
      { class: 'ctg-cover', 'data-key': 'cover', 'data-entity': entity('convention', 'convention') },
      h('p', { class: 'ctg-kicker', 'data-key': 'kicker' }, `Convention territoriale globale · ${ECHELONS.labels[c.echelon]?.fr ?? c.echelon}`),
      ctx.text({ kind: 'convention', id: 'convention', field: 'title' }, c.title, { tag: 'h1', label: 'Titre de la convention' }),
      h(
        'p',
        { class: 'ctg-meta', 'data-key': 'meta' },
        `${s.territory.name} · du ${frDate(c.startDate)} au ${frDate(c.endDate)} · `,
        h('span', { class: `ctg-status ctg-status-${c.status}`, 'data-key': 'status' }, CONVENTION_STATUSES.labels[c.status]?.fr ?? c.status),
      ),
    ),
    section('parties', 'Entre les soussignés', ctx.parties()),
    section(
      'preamble',
      'Préambule',
      c.visas.length > 0 ? h('ul', { class: 'ctg-visas', 'data-key': 'visas' }, ...c.visas.map((v, i) => h('li', { 'data-key': `visa-${i}` }, v))) : null,
      ctx.text({ kind: 'convention', id: 'convention', field: 'preamble' }, c.preamble, { multiline: true, label: 'Préambule' }),
    ),
    section('articles', 'Articles', ...s.articles.map((a) => ctx.article(a))),
    section('diagnostic', 'Diagnostic partagé', ...s.diagnostic.sections.map((d) => ctx.diagnosticSection(d))),
    section('plan', "Plan d'actions", ...s.axes.map((axis) => ctx.axis(axis))),
    section('plan-table', "Tableau du plan d'actions", ctx.planTable()),
    section('indicators', 'Indicateurs de suivi et d’évaluation', ctx.indicatorTable(), indicatorCharts(s)),
    section('signatures', 'Signatures', ctx.signatures()),
  );
}

function section(key: string, title: string, ...children: Child[]): HTMLElement {
  return h('section', { class: `ctg-section ctg-${key}`, 'data-key': key, id: `section-${key}` }, h('h2', { 'data-key': 'h' }, title), ...children);
}

class ViewContext {
  private readonly orgName: Map<string, string>;
  private readonly signatoryOptions: Option[];
  private readonly personName: Map<string, string>;

  constructor(
    private readonly s: ConventionSnapshot,
    private readonly options: ViewOptions,
  ) {
    this.orgName = new Map(s.organisations.map((o) => [o.id, o.name]));
    this.personName = new Map(s.persons.map((p) => [p.id, p.name]));
    this.signatoryOptions = s.signatories.map((sig) => ({ value: sig.organisationId, label: this.orgName.get(sig.organisationId) ?? sig.organisationId }));
  }

  text(ref: FieldRef, value: string, o: { tag?: string; multiline?: boolean; label: string; placeholder?: string }): HTMLElement {
    const el = h(o.tag ?? 'div', {
      class: `ctg-field${o.multiline ? ' ctg-multiline' : ''}`,
      'data-tag': fieldTag(ref),
      contenteditable: this.options.editable ? 'plaintext-only' : undefined,
      role: 'textbox',
      'aria-label': o.label,
      'aria-multiline': o.multiline ? 'true' : undefined,
      'aria-readonly': this.options.editable ? undefined : 'true',
      'data-placeholder': o.placeholder ?? 'À compléter',
      spellcheck: 'true',
    });
    el.textContent = value;
    return el;
  }

  choice(ref: FieldRef, value: string, options: Option[], label: string): HTMLElement {
    const known = options.some((o) => o.value === value);
    const el = h(
      'select',
      { class: 'ctg-field ctg-choice', 'data-tag': fieldTag(ref), 'aria-label': label, disabled: !this.options.editable },
      h('option', { value: '' }, '—'),
      ...(known || value === '' ? options : [...options, { value, label: value }]).map((o) => h('option', { value: o.value }, o.label)),
    );
    (el as HTMLSelectElement).value = value;
    return el;
  }

  parties(): HTMLElement {
    return h(
      'ol',
      { class: 'ctg-parties', 'data-key': 'parties-list' },
      ...this.s.signatories.map((sig) =>
        h(
          'li',
          { 'data-key': sig.id, 'data-entity': entity('signatory', sig.id) },
          h('strong', {}, this.orgName.get(sig.organisationId) ?? sig.organisationId),
          sig.representatives.length > 0 ? `, représentée par ${sig.representatives.map((p) => this.personName.get(p) ?? p).join(' et ')}` : '',
          sig.designation ? `, ci-après dénommée « ${sig.designation} »` : '',
        ),
      ),
    );
  }

  article(a: ConventionSnapshot['articles'][number]): HTMLElement {
    return h(
      'div',
      { class: 'ctg-article', 'data-key': a.id, 'data-entity': entity('article', a.id), id: `article-${a.id}` },
      h(
        'h3',
        { 'data-key': 'heading' },
        h('span', { class: 'ctg-number', 'data-key': 'n' }, `Article ${a.number} – `),
        this.text({ kind: 'article', id: a.id, field: 'title' }, a.title, { tag: 'span', label: `Titre de l'article ${a.number}` }),
      ),
      this.text({ kind: 'article', id: a.id, field: 'body' }, a.body, { multiline: true, label: `Texte de l'article ${a.number}` }),
    );
  }

  diagnosticSection(d: ConventionSnapshot['diagnostic']['sections'][number]): HTMLElement {
    const label = this.s.convention.thematicFields[d.field] ?? THEMATIC_FIELDS.labels[d.field as keyof typeof THEMATIC_FIELDS.labels]?.fr ?? d.field;
    return h(
      'div',
      { class: 'ctg-diagnostic', 'data-key': d.id, 'data-entity': entity('diagnosticSection', d.id) },
      h('h3', { 'data-key': 'h' }, label),
      h('p', { class: 'ctg-label', 'data-key': 'lf' }, 'Constats'),
      this.text({ kind: 'diagnosticSection', id: d.id, field: 'findings' }, d.findings, { multiline: true, label: `Constats – ${label}` }),
      h('p', { class: 'ctg-label', 'data-key': 'ln' }, 'Enjeux et besoins'),
      this.text({ kind: 'diagnosticSection', id: d.id, field: 'needs' }, d.needs, { multiline: true, label: `Enjeux – ${label}` }),
      d.keyFigures.length > 0
        ? h(
            'ul',
            { class: 'ctg-figures', 'data-key': 'figures' },
            ...d.keyFigures.map((k) =>
              h('li', { 'data-key': k.id }, h('strong', {}, `${k.value ?? '—'} ${k.unit}`), ` ${k.label}${k.year ? ` (${k.year}, ${k.source})` : ''}`),
            ),
          )
        : null,
    );
  }

  axis(axis: ConventionSnapshot['axes'][number]): HTMLElement {
    return h(
      'div',
      { class: 'ctg-axis', 'data-key': axis.id, 'data-entity': entity('axis', axis.id), id: `axis-${axis.id}` },
      h(
        'h3',
        { 'data-key': 'heading' },
        h('span', { class: 'ctg-number', 'data-key': 'n' }, `Axe ${axis.number} – `),
        this.text({ kind: 'axis', id: axis.id, field: 'title' }, axis.title, { tag: 'span', label: `Intitulé de l'axe ${axis.number}` }),
      ),
      ...axis.objectives.map((o) => this.objective(o)),
    );
  }

  objective(o: Objective): HTMLElement {
    return h(
      'div',
      { class: 'ctg-objective', 'data-key': o.id, 'data-entity': entity('objective', o.id), id: `objective-${o.id}` },
      h(
        'h4',
        { 'data-key': 'heading' },
        h('span', { class: 'ctg-number', 'data-key': 'n' }, `Objectif ${o.number} – `),
        this.text({ kind: 'objective', id: o.id, field: 'title' }, o.title, { tag: 'span', label: `Intitulé de l'objectif ${o.number}` }),
      ),
      ...o.actions.map((a) => this.action(a)),
    );
  }

  action(a: Action): HTMLElement {
    const ref = (field: string): FieldRef => ({ kind: 'action', id: a.id, field });
    const row = (key: string, label: string, value: Child) =>
      h('div', { class: 'ctg-row', 'data-key': key }, h('span', { class: 'ctg-label', 'data-key': 'l' }, label), value);
    const roleLabel = (role: string) => PARTNER_ROLES.labels[role as keyof typeof PARTNER_ROLES.labels]?.fr.toLowerCase() ?? role.replace(/_/g, ' ');
    const partners = Object.entries(a.partners).map(([org, role]) => `${this.orgName.get(org) ?? org} (${roleLabel(role)})`);
    return h(
      'div',
      { class: 'ctg-action', 'data-key': a.id, 'data-entity': entity('action', a.id), id: `action-${a.id}` },
      h(
        'h5',
        { 'data-key': 'heading' },
        h('span', { class: 'ctg-code', 'data-key': 'code' }, `Fiche action ${a.code}`),
        this.text(ref('title'), a.title, { tag: 'span', label: `Intitulé de l'action ${a.code}` }),
      ),
      row('description', 'Description', this.text(ref('description'), a.description, { multiline: true, label: `Description de l'action ${a.code}` })),
      row('public', 'Public visé', this.text(ref('public'), a.public, { label: `Public visé – action ${a.code}` })),
      row('pilot', 'Pilote', this.choice(ref('pilotId'), a.pilotId ?? '', this.signatoryOptions, `Pilote de l'action ${a.code}`)),
      row('referent', 'Référent', a.referentId ? (this.personName.get(a.referentId) ?? a.referentId) : '—'),
      row('partners', 'Partenaires', partners.length > 0 ? partners.join(' ; ') : '—'),
      row(
        'dates',
        'Calendrier',
        h(
          'span',
          { class: 'ctg-dates', 'data-key': 'd' },
          this.text(ref('startDate'), a.startDate ?? '', { tag: 'span', label: `Début de l'action ${a.code}`, placeholder: 'AAAA-MM-JJ' }),
          ' → ',
          this.text(ref('endDate'), a.endDate ?? '', { tag: 'span', label: `Fin de l'action ${a.code}`, placeholder: 'AAAA-MM-JJ' }),
        ),
      ),
      row('type', 'Type', this.choice(ref('type'), a.type ?? '', codes(ACTION_TYPES), `Type de l'action ${a.code}`)),
      row('budget', 'Budget prévisionnel', `${formatEuros(totalPlanned(a))}`),
    );
  }

  planTable(): HTMLElement {
    const year = String(this.options.year);
    const rows = this.s.axes.flatMap((axis) =>
      axis.objectives.flatMap((o) =>
        o.actions.map((a) =>
          h(
            'tr',
            { 'data-key': a.id, 'data-entity': entity('action', a.id) },
            h('td', { 'data-key': 'code' }, a.code),
            h('td', { 'data-key': 'axis' }, `${axis.number}`),
            h('td', { 'data-key': 'objective' }, o.number),
            h('td', { 'data-key': 'title' }, a.title),
            h('td', { 'data-key': 'pilot' }, this.orgName.get(a.pilotId ?? '') ?? '—'),
            h('td', { 'data-key': 'start' }, frDate(a.startDate)),
            h('td', { 'data-key': 'end' }, frDate(a.endDate)),
            h(
              'td',
              { 'data-key': 'status' },
              this.choice({ kind: 'action', id: a.id, field: `statusByYear.${year}` }, a.statusByYear[year]?.status ?? '', codes(ACTION_STATUSES), `Statut ${year} de l'action ${a.code}`),
            ),
            h('td', { class: 'ctg-num', 'data-key': 'budget' }, formatEuros(totalPlanned(a))),
          ),
        ),
      ),
    );
    return table('plan-table', ['Code', 'Axe', 'Objectif', 'Action', 'Pilote', 'Début', 'Fin', `Statut ${year}`, 'Budget prévu'], rows);
  }

  indicatorTable(): HTMLElement {
    const c = this.s.convention;
    const first = Number(c.startDate?.slice(0, 4));
    const last = Number(c.endDate?.slice(0, 4));
    const years = Number.isFinite(first) && Number.isFinite(last) && last >= first && last - first < 12 ? range(first, last) : [];
    const rows = this.s.axes.flatMap((axis) =>
      axis.objectives.flatMap((o) =>
        o.indicators.map((i: Indicator) => {
          const ref = (field: string): FieldRef => ({ kind: 'indicator', id: i.id, field });
          return h(
            'tr',
            { 'data-key': i.id, 'data-entity': entity('indicator', i.id) },
            h('td', { 'data-key': 'objective' }, o.number),
            h('td', { 'data-key': 'label' }, this.text(ref('label'), i.label, { tag: 'span', label: 'Libellé de l’indicateur' })),
            h('td', { 'data-key': 'kind' }, INDICATOR_KINDS.labels[i.kind]?.fr ?? i.kind),
            h('td', { 'data-key': 'unit' }, i.unit),
            h('td', { class: 'ctg-num', 'data-key': 'baseline' }, i.baselineValue === null ? '—' : `${i.baselineValue} (${i.baselineYear ?? '?'})`),
            h('td', { class: 'ctg-num', 'data-key': 'target' }, this.text(ref('targetValue'), i.targetValue === null ? '' : String(i.targetValue), { tag: 'span', label: `Cible – ${i.label}` })),
            ...years.map((y) =>
              h('td', { class: 'ctg-num', 'data-key': `y${y}` }, this.text(ref(`values.${y}`), i.values[y] === undefined ? '' : String(i.values[y]), { tag: 'span', label: `${i.label} – ${y}`, placeholder: '·' })),
            ),
          );
        }),
      ),
    );
    return table('indicator-table', ['Obj.', 'Indicateur', 'Type', 'Unité', 'Référence', 'Cible', ...years.map(String)], rows);
  }

  signatures(): HTMLElement {
    const c = this.s.convention;
    return h(
      'div',
      { class: 'ctg-signatures', 'data-key': 'signatures-grid' },
      h('p', { class: 'ctg-signed-at', 'data-key': 'at' }, `Fait à ${c.signaturePlace || '…'}, le ${c.signatureDate ? frDate(c.signatureDate) : '…'}`),
      ...this.s.signatories.map((sig) =>
        h(
          'div',
          { class: 'ctg-signature', 'data-key': sig.id, 'data-entity': entity('signatory', sig.id) },
          h('strong', {}, this.orgName.get(sig.organisationId) ?? sig.organisationId),
          ...sig.representatives.map((p) => {
            const person = this.s.persons.find((x) => x.id === p);
            return h('p', { 'data-key': p }, `${person?.name ?? p}${person?.capacity ? `, ${person.capacity}` : ''}`);
          }),
        ),
      ),
    );
  }
}

function table(key: string, headings: string[], rows: HTMLElement[]): HTMLElement {
  return h(
    'div',
    { class: 'ctg-table-wrap', 'data-key': key },
    h(
      'table',
      { class: 'ctg-table', 'data-key': 't' },
      h('thead', { 'data-key': 'head' }, h('tr', {}, ...headings.map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', { 'data-key': 'body' }, ...rows),
    ),
  );
}

const codes = (list: { codes: readonly string[]; labels: Record<string, { fr: string }> }): Option[] =>
  list.codes.map((code) => ({ value: code, label: list.labels[code]?.fr ?? code }));

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

function totalPlanned(a: Action): number {
  return a.budgetLines.reduce((sum, line) => sum + Object.values(line.planned).reduce((x, y) => x + (Number(y) || 0), 0), 0);
}

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const formatEuros = (amount: number): string => (amount > 0 ? euros.format(amount) : '—');

export function frDate(iso: string | null): string {
  if (!iso) return '…';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
