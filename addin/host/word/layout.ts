// The convention as a Word document, from a snapshot: a tree of parts, each one content control — containers for
// entities and sections, locked labels and tables, « label : value » lines, and the fields people type in. The
// adapter makes the document match this tree; the text of fields comes from the model (the binding's text).
import {
  ACTION_STATUSES,
  type Action,
  CONVENTION_STATUSES,
  type ConventionSnapshot,
  ECHELONS,
  INDICATOR_KINDS,
  type Objective,
  THEMATIC_FIELDS,
} from '../../../shared/index.ts';
import type { FieldRef, RefKind } from '../../../shared/field-ref.ts';
import { entityTag, fieldTag, partTag } from './tags.ts';

/** Word built-in styles (Word shows them localized: Titre, Titre 1…). */
export type Style = 'Title' | 'Subtitle' | 'Heading1' | 'Heading2' | 'Heading3' | 'Heading4' | 'Heading5' | 'Normal' | 'ListParagraph' | 'Quote';

export interface FieldPart {
  type: 'field';
  tag: string;
  ref: FieldRef;
  /** Body text (rich text control, one paragraph per line) or a short value (plain text control). */
  multiline: boolean;
  /** The model's text of the field, as the binding reads it. */
  value: string;
  title: string;
}

export interface LabelPart {
  type: 'label';
  tag: string;
  text: string;
}

export type Part =
  | { type: 'container'; tag: string; title: string; entity: boolean; children: Part[] }
  | (FieldPart & { style: Style })
  | { type: 'label'; tag: string; style: Style; lines: string[] }
  | { type: 'line'; tag: string; style: Style; parts: Array<FieldPart | LabelPart> }
  | { type: 'table'; tag: string; title: string; rows: string[][] };

export interface LayoutOptions {
  /** The year whose action statuses the plan table shows. */
  year: number;
}

const key = (kind: RefKind, id: string, name: string) => `${kind}.${id}.${name}`;

export function layoutConvention(s: ConventionSnapshot, options: LayoutOptions): Part[] {
  return new Layout(s, options).document();
}

class Layout {
  private readonly orgName: Map<string, string>;
  private readonly personName: Map<string, string>;

  constructor(
    private readonly s: ConventionSnapshot,
    private readonly options: LayoutOptions,
  ) {
    this.orgName = new Map(s.organisations.map((o) => [o.id, o.name]));
    this.personName = new Map(s.persons.map((p) => [p.id, p.name]));
  }

  document(): Part[] {
    const s = this.s;
    const c = s.convention;
    const convention = { kind: 'convention', id: 'convention' } as const;
    return [
      container(entityTag(convention), 'Convention', true, [
        label('cover.kicker', 'Subtitle', `Convention territoriale globale · ${ECHELONS.labels[c.echelon]?.fr ?? c.echelon}`),
        { ...field(convention, 'title', c.title, false, 'Titre de la convention'), style: 'Title' },
        label('cover.meta', 'Normal', `${s.territory.name} · du ${frDate(c.startDate)} au ${frDate(c.endDate)} · ${CONVENTION_STATUSES.labels[c.status]?.fr ?? c.status}`),
      ]),
      section('parties', 'Entre les soussignés', [
        label(
          'parties.list',
          'ListParagraph',
          ...s.signatories.map((sig) => {
            const reps = sig.representatives.map((p) => this.personName.get(p) ?? p);
            return `${this.org(sig.organisationId)}${reps.length > 0 ? `, représentée par ${reps.join(' et ')}` : ''}${sig.designation ? `, ci-après dénommée « ${sig.designation} »` : ''}`;
          }),
        ),
      ]),
      section('preamble', 'Préambule', [
        ...(c.visas.length > 0 ? [label('preamble.visas', 'Normal', ...c.visas.map((v) => `Vu ${v.replace(/^vu\s+/i, '')} ;`))] : []),
        { ...field(convention, 'preamble', c.preamble, true, 'Préambule'), style: 'Normal' },
      ]),
      section('articles', 'Articles', s.articles.map((a) => this.article(a))),
      container(entityTag({ kind: 'diagnostic', id: 'diagnostic' }), 'Diagnostic partagé', true, [
        label('diagnostic.h', 'Heading1', 'Diagnostic partagé'),
        ...s.diagnostic.sections.map((d) => this.diagnosticSection(d)),
      ]),
      section('plan', "Plan d'actions", s.axes.map((axis) => this.axis(axis))),
      section('plan-table', "Tableau du plan d'actions", [this.planTable()]),
      section('indicators', 'Indicateurs de suivi et d’évaluation', [this.indicatorTable()]),
      section('signatures', 'Signatures', [this.signatures()]),
    ];
  }

  private org(id: string | null): string {
    return id ? (this.orgName.get(id) ?? id) : '—';
  }

  private article(a: ConventionSnapshot['articles'][number]): Part {
    const ref = { kind: 'article', id: a.id } as const;
    return container(entityTag(ref), `Article ${a.number}`, true, [
      line(key('article', a.id, 'heading'), 'Heading2', [partLabel(key('article', a.id, 'n'), `Article ${a.number} – `), field(ref, 'title', a.title, false, `Titre de l'article ${a.number}`)]),
      { ...field(ref, 'body', a.body, true, `Texte de l'article ${a.number}`), style: 'Normal' },
    ]);
  }

  private diagnosticSection(d: ConventionSnapshot['diagnostic']['sections'][number]): Part {
    const ref = { kind: 'diagnosticSection', id: d.id } as const;
    const name = this.s.convention.thematicFields[d.field] ?? THEMATIC_FIELDS.labels[d.field as keyof typeof THEMATIC_FIELDS.labels]?.fr ?? d.field;
    const figures = d.keyFigures.map((k) => `${k.value ?? '—'} ${k.unit} ${k.label}${k.year ? ` (${k.year}, ${k.source})` : ''}`.replace(/\s+/g, ' '));
    return container(entityTag(ref), name, true, [
      label(key('diagnosticSection', d.id, 'h'), 'Heading2', name),
      label(key('diagnosticSection', d.id, 'lf'), 'Heading3', 'Constats'),
      { ...field(ref, 'findings', d.findings, true, `Constats – ${name}`), style: 'Normal' },
      label(key('diagnosticSection', d.id, 'ln'), 'Heading3', 'Enjeux et besoins'),
      { ...field(ref, 'needs', d.needs, true, `Enjeux – ${name}`), style: 'Normal' },
      ...(figures.length > 0 ? [label(key('diagnosticSection', d.id, 'figures'), 'ListParagraph', ...figures)] : []),
    ]);
  }

  private axis(axis: ConventionSnapshot['axes'][number]): Part {
    const ref = { kind: 'axis', id: axis.id } as const;
    return container(entityTag(ref), `Axe ${axis.number}`, true, [
      line(key('axis', axis.id, 'heading'), 'Heading2', [partLabel(key('axis', axis.id, 'n'), `Axe ${axis.number} – `), field(ref, 'title', axis.title, false, `Intitulé de l'axe ${axis.number}`)]),
      ...axis.objectives.map((o) => this.objective(o)),
    ]);
  }

  private objective(o: Objective): Part {
    const ref = { kind: 'objective', id: o.id } as const;
    return container(entityTag(ref), `Objectif ${o.number}`, true, [
      line(key('objective', o.id, 'heading'), 'Heading3', [partLabel(key('objective', o.id, 'n'), `Objectif ${o.number} – `), field(ref, 'title', o.title, false, `Intitulé de l'objectif ${o.number}`)]),
      ...o.actions.map((a) => this.action(a)),
    ]);
  }

  private action(a: Action): Part {
    const ref = { kind: 'action', id: a.id } as const;
    const k = (name: string) => key('action', a.id, name);
    const partners = Object.entries(a.partners).map(([org, role]) => `${this.org(org)} (${role.replace(/_/g, ' ')})`);
    return container(entityTag(ref), `Fiche action ${a.code}`, true, [
      line(k('heading'), 'Heading4', [partLabel(k('code'), `Fiche action ${a.code} – `), field(ref, 'title', a.title, false, `Intitulé de l'action ${a.code}`)]),
      label(k('ld'), 'Heading5', 'Description'),
      { ...field(ref, 'description', a.description, true, `Description de l'action ${a.code}`), style: 'Normal' },
      line(k('public'), 'Normal', [partLabel(k('lp'), 'Public visé : '), field(ref, 'public', a.public, false, `Public visé – action ${a.code}`)]),
      line(k('pilot'), 'Normal', [partLabel(k('lpi'), 'Pilote : '), field(ref, 'pilotId', a.pilotId ?? '', false, `Pilote de l'action ${a.code}`)]),
      line(k('dates'), 'Normal', [
        partLabel(k('lc'), 'Calendrier : du '),
        field(ref, 'startDate', a.startDate ?? '', false, `Début de l'action ${a.code} (JJ/MM/AAAA)`),
        partLabel(k('lc2'), ' au '),
        field(ref, 'endDate', a.endDate ?? '', false, `Fin de l'action ${a.code} (JJ/MM/AAAA)`),
      ]),
      line(k('type'), 'Normal', [partLabel(k('lt'), 'Type : '), field(ref, 'type', a.type ?? '', false, `Type de l'action ${a.code}`)]),
      label(
        k('facts'),
        'Normal',
        `Référent : ${a.referentId ? (this.personName.get(a.referentId) ?? a.referentId) : '—'}`,
        `Partenaires : ${partners.length > 0 ? partners.join(' ; ') : '—'}`,
        `Budget prévisionnel : ${formatEuros(totalPlanned(a))}`,
      ),
    ]);
  }

  private planTable(): Part {
    const year = String(this.options.year);
    const rows = this.s.axes.flatMap((axis) =>
      axis.objectives.flatMap((o) =>
        o.actions.map((a) => [
          a.code,
          String(axis.number),
          o.number,
          a.title.replace(/\s+/g, ' '),
          this.org(a.pilotId),
          frDate(a.startDate),
          frDate(a.endDate),
          ACTION_STATUSES.labels[a.statusByYear[year]?.status as keyof typeof ACTION_STATUSES.labels]?.fr ?? '—',
          formatEuros(totalPlanned(a)),
        ]),
      ),
    );
    const head = ['Code', 'Axe', 'Objectif', 'Action', 'Pilote', 'Début', 'Fin', `Statut ${year}`, 'Budget prévu'];
    return { type: 'table', tag: partTag('table', 'plan'), title: "Tableau du plan d'actions (à modifier dans Excel ou le volet)", rows: [head, ...rows] };
  }

  private indicatorTable(): Part {
    const c = this.s.convention;
    const first = Number(c.startDate?.slice(0, 4));
    const last = Number(c.endDate?.slice(0, 4));
    const years = Number.isFinite(first) && Number.isFinite(last) && last >= first && last - first < 12 ? Array.from({ length: last - first + 1 }, (_, i) => first + i) : [];
    const number = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(v));
    const rows = this.s.axes.flatMap((axis) =>
      axis.objectives.flatMap((o) =>
        o.indicators.map((i) => [
          o.number,
          i.label.replace(/\s+/g, ' '),
          INDICATOR_KINDS.labels[i.kind]?.fr ?? i.kind,
          i.unit,
          i.baselineValue === null ? '—' : `${i.baselineValue} (${i.baselineYear ?? '?'})`,
          number(i.targetValue),
          ...years.map((y) => number(i.values[y])),
        ]),
      ),
    );
    const head = ['Obj.', 'Indicateur', 'Type', 'Unité', 'Référence', 'Cible', ...years.map(String)];
    return { type: 'table', tag: partTag('table', 'indicators'), title: 'Indicateurs (à modifier dans Excel ou le volet)', rows: [head, ...rows] };
  }

  private signatures(): Part {
    const c = this.s.convention;
    const lines = [`Fait à ${c.signaturePlace || '…'}, le ${c.signatureDate ? frDate(c.signatureDate) : '…'}`];
    for (const sig of this.s.signatories) {
      const reps = sig.representatives.map((p) => {
        const person = this.s.persons.find((x) => x.id === p);
        return `${person?.name ?? p}${person?.capacity ? `, ${person.capacity}` : ''}`;
      });
      lines.push(`Pour ${this.org(sig.organisationId)} : ${reps.length > 0 ? reps.join(' ; ') : '…'}`);
    }
    return label('signatures.list', 'Normal', ...lines);
  }
}

function container(tag: string, title: string, entity: boolean, children: Part[]): Part {
  return { type: 'container', tag, title, entity, children };
}

function section(name: string, heading: string, children: Part[]): Part {
  return container(partTag('section', name), heading, false, [label(`${name}.h`, 'Heading1', heading), ...children]);
}

function label(name: string, style: Style, ...lines: string[]): Part {
  return { type: 'label', tag: partTag('label', name), style, lines: lines.length > 0 ? lines : [''] };
}

function partLabel(name: string, text: string): LabelPart {
  return { type: 'label', tag: partTag('label', name), text };
}

function line(name: string, style: Style, parts: Array<FieldPart | LabelPart>): Part {
  return { type: 'line', tag: partTag('line', name), style, parts };
}

function field(entity: { kind: RefKind; id: string }, name: string, value: string, multiline: boolean, title: string): FieldPart {
  const ref = { kind: entity.kind, id: entity.id, field: name };
  return { type: 'field', tag: fieldTag(ref), ref, multiline, value, title };
}

/** Every part of the tree, parents before children (lines' inline parts included). */
export function* allParts(parts: readonly Part[]): Generator<Part | FieldPart | LabelPart> {
  for (const part of parts) {
    yield part;
    if (part.type === 'container') yield* allParts(part.children);
    if (part.type === 'line') yield* part.parts;
  }
}

function totalPlanned(a: Action): number {
  return a.budgetLines.reduce((sum, l) => sum + Object.values(l.planned).reduce((x, y) => x + (Number(y) || 0), 0), 0);
}

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const formatEuros = (amount: number): string => (amount > 0 ? euros.format(amount) : '—');

function frDate(iso: string | null): string {
  if (!iso) return '…';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
