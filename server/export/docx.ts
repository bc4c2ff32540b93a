// A convention as a Word document (the `docx` package): styles, cover, parties, numbered articles, signature blocks,
// then the annexes rendered from the entities. Opens cleanly in Word and LibreOffice (checked in the tests).
import { AlignmentType, Document, Footer, Header, Packer, Paragraph, TextRun, PageNumber } from 'docx';
import type { ConventionSnapshot } from '../../shared/index.ts';
import { annexes } from './docx-annexes.ts';
import { BLUE, Names } from './docx-parts.ts';
import { articles, cover, parties, signatures, type VersionLabel } from './docx-text.ts';

export interface DocxOptions {
  version?: VersionLabel;
}

const FONT = 'Arial';

export async function buildDocx(s: ConventionSnapshot, options: DocxOptions = {}): Promise<Buffer> {
  const names = new Names(s);
  const title = s.convention.title || 'Convention territoriale globale';
  const document = new Document({
    creator: 'Concerto',
    title,
    description: `Convention territoriale globale – ${s.territory.name}`,
    styles: {
      default: { document: { run: { font: FONT, size: 21 } } },
      paragraphStyles: [
        { id: 'Title', name: 'Title', basedOn: 'Normal', next: 'Normal', run: { font: FONT, size: 44, bold: true, color: BLUE }, paragraph: { spacing: { after: 480 } } },
        { id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font: FONT, size: 28, bold: true, color: BLUE }, paragraph: { spacing: { before: 360, after: 160 }, keepNext: true } },
        { id: 'Heading2', name: 'Heading 2', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font: FONT, size: 24, bold: true, color: BLUE }, paragraph: { spacing: { before: 280, after: 120 }, keepNext: true } },
        { id: 'Heading3', name: 'Heading 3', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font: FONT, size: 22, bold: true }, paragraph: { spacing: { before: 240, after: 100 }, keepNext: true } },
      ],
    },
    sections: [
      {
        properties: { page: { margin: { top: 1200, bottom: 1200, left: 1200, right: 1200 } } },
        headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: title, size: 16, color: '777777' })] })] }) },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ size: 16, children: ['Page ', PageNumber.CURRENT, ' sur ', PageNumber.TOTAL_PAGES] })] })],
          }),
        },
        children: [...cover(s, options.version), ...parties(s, names), ...articles(s), ...signatures(s, names), ...annexes(s, names)],
      },
    ],
  });
  return Packer.toBuffer(document);
}
