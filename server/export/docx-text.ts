// The body of the convention document: cover, parties (« Entre … ci-après dénommée … »), visas, preamble, the
// numbered articles and the signature blocks, one per signatory with each representative's name and capacity.
import { AlignmentType, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { type ConventionSnapshot, ECHELONS, GENERATIONS, type Signatory } from '../../shared/index.ts';
import { frDate, heading, type Names, paragraphs, plain } from './docx-parts.ts';

export interface VersionLabel {
  name: string;
  at: string;
}

export function cover(s: ConventionSnapshot, version?: VersionLabel): Paragraph[] {
  const c = s.convention;
  const lines = [
    s.territory.name,
    `Du ${frDate(c.startDate)} au ${frDate(c.endDate)}`,
    `${GENERATIONS.labels[c.generation]?.fr ?? c.generation} · échelon ${ECHELONS.labels[c.echelon]?.fr.toLowerCase() ?? c.echelon}`,
    ...(c.reference ? [`Référence : ${c.reference}`] : []),
    ...(version ? [`Version « ${version.name} » du ${frDate(version.at.slice(0, 10))}`] : []),
  ];
  return [
    new Paragraph({ spacing: { before: 2400, after: 240 }, alignment: AlignmentType.CENTER, children: [new TextRun({ text: 'Convention territoriale globale', size: 28, color: '555555' })] }),
    new Paragraph({ heading: 'Title', alignment: AlignmentType.CENTER, children: [new TextRun(c.title || 'Convention territoriale globale')] }),
    ...lines.map((line) => plain(line, { center: true })),
  ];
}

/** « La Caisse …, représentée par M. X, président, dûment autorisé(e) par …, ci-après dénommée « la Caf » ». */
export function parties(s: ConventionSnapshot, names: Names): Paragraph[] {
  const out: Paragraph[] = [heading('Entre les soussignés', 1, true)];
  s.signatories.forEach((sig, i) => {
    const reps = sig.representatives.map((id) => [names.person(id), names.capacity(id)].filter(Boolean).join(', '));
    const authorised = sig.authorisationBody
      ? `, dûment autorisé(e) par ${sig.authorisationBody}${sig.authorisationDate ? ` du ${frDate(sig.authorisationDate)}` : ''}${sig.authorisationReference ? ` (${sig.authorisationReference})` : ''}`
      : '';
    out.push(
      new Paragraph({
        spacing: { after: 120 },
        children: [
          new TextRun({ text: names.organisation(sig.organisationId), bold: true }),
          new TextRun(reps.length > 0 ? `, représentée par ${reps.join(' et ')}` : ', représentée par ……………'),
          new TextRun(authorised),
          new TextRun(sig.designation ? `, ci-après dénommée « ${sig.designation} »` : ''),
          new TextRun(i < s.signatories.length - 1 ? ' ;' : '.'),
        ],
      }),
    );
    if (i < s.signatories.length - 1) out.push(plain('Et', { bold: true }));
  });
  if (s.convention.visas.length > 0) {
    out.push(heading('Visas', 2));
    for (const visa of s.convention.visas) out.push(plain(visa));
  }
  if (s.convention.preamble.trim()) out.push(heading('Préambule', 1), ...paragraphs(s.convention.preamble));
  out.push(plain('Il a été convenu ce qui suit :', { bold: true }));
  return out;
}

export function articles(s: ConventionSnapshot): Paragraph[] {
  return [...s.articles]
    .sort((a, b) => a.number - b.number)
    .flatMap((article) => [heading(`Article ${article.number} – ${article.title}`, 1), ...paragraphs(article.body)]);
}

/** « Fait à …, le … », then a grid of blocks, two per row: organisation, its representatives, room to sign. */
export function signatures(s: ConventionSnapshot, names: Names): Array<Paragraph | Table> {
  const c = s.convention;
  const head = [
    heading('Signatures', 1),
    plain(`Fait à ${c.signaturePlace || '……………'}, le ${frDate(c.signatureDate)}, en ${s.signatories.length} exemplaires originaux.`),
  ];
  if (s.signatories.length === 0) return head;
  const block = (sig: Signatory) =>
    new TableCell({
      width: { size: 50, type: WidthType.PERCENTAGE },
      margins: { top: 120, bottom: 120, left: 120, right: 120 },
      children: [
        new Paragraph({ children: [new TextRun({ text: `Pour ${names.organisation(sig.organisationId)}`, bold: true })] }),
        ...(sig.representatives.length > 0
          ? sig.representatives.flatMap((id) => [
              new Paragraph({ children: [new TextRun(names.person(id))] }),
              new Paragraph({ children: [new TextRun({ text: names.capacity(id) || 'Qualité : ……………', italics: true })] }),
            ])
          : [new Paragraph({ children: [new TextRun('Nom et qualité : ……………')] })]),
        ...(sig.signatureDate ? [new Paragraph({ children: [new TextRun(`Signé le ${frDate(sig.signatureDate)}`)] })] : []),
        new Paragraph({ spacing: { before: 1200 }, children: [new TextRun({ text: 'Signature', color: '888888', size: 16 })] }),
      ],
    });
  const rows: TableRow[] = [];
  for (let i = 0; i < s.signatories.length; i += 2) {
    const pair = s.signatories.slice(i, i + 2);
    const cells = pair.map(block);
    if (cells.length === 1) cells.push(new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, children: [new Paragraph('')] }));
    rows.push(new TableRow({ cantSplit: true, children: cells }));
  }
  return [...head, new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows })];
}
