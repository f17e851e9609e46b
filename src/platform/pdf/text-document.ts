// A plain, readable PDF from headings and lines (receipts, notices): PDF/A-2b for the archive (embedded fonts, XMP
// metadata with its pdfaid, the sRGB output intent) and tagged for assistive technology (a heading, a heading per
// section, a paragraph per line, the QR code as a figure with its alternative text, the language set), A4, the
// tenant's name as letterhead. DejaVu Sans covers every character a name or address may hold.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

export type PdfSection = { heading?: string; lines: string[] };
/** A verification mark: a QR code of `url` at the top right, with `label` and `code` under it. */
export type PdfVerification = { url: string; code: string; label: string; alt: string };
export type PdfInput = {
  title: string;
  lang: 'de' | 'en';
  letterhead: string;
  sections: PdfSection[];
  footer?: string;
  verification?: PdfVerification;
};

const FONTS = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const REGULAR = join(FONTS, 'DejaVuSans.ttf');
const BOLD = join(FONTS, 'DejaVuSans-Bold.ttf');
const A4_WIDTH = 595.28;
const MARGIN = 56;
const QR_SIZE = 72;
const INK = '#1a1a1a';

type Doc = InstanceType<typeof PDFDocument>;
type Struct = ReturnType<Doc['struct']>;

/** The QR code as filled squares (vector, sharp at any zoom), tagged as a figure, with its label and code. */
function verificationMark(doc: Doc, root: Struct, verification: PdfVerification) {
  const qr = QRCode.create(verification.url, { errorCorrectionLevel: 'M' });
  const modules = qr.modules.size;
  const cell = QR_SIZE / modules;
  const left = A4_WIDTH - MARGIN - QR_SIZE;
  const top = MARGIN - 8;
  root.add(
    doc.struct('Figure', { alt: verification.alt }, () => {
      for (let row = 0; row < modules; row++)
        for (let column = 0; column < modules; column++)
          if (qr.modules.get(row, column)) doc.rect(left + column * cell, top + row * cell, cell, cell);
      doc.fill('#000000');
    }),
  );
  const below = { width: QR_SIZE + 140, align: 'right' as const };
  root.add(
    doc.struct('P', {}, () => {
      doc
        .font(REGULAR)
        .fontSize(7)
        .fillColor('#333333')
        .text(verification.label, left - 140, top + QR_SIZE + 6, below);
      doc
        .fontSize(9)
        .fillColor('#000000')
        .text(verification.code, left - 140, doc.y, below);
    }),
  );
}

export async function renderTextPdf(input: PdfInput): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    tagged: true,
    lang: input.lang === 'de' ? 'de-DE' : 'en-GB',
    displayTitle: true,
    info: { Title: input.title, Author: input.letterhead, Creator: input.letterhead, Producer: 'Rathaus' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  const write = (type: 'P' | 'H1' | 'H2', text: string, font: string, size: number, gap: number, width = A4_WIDTH - 2 * MARGIN) => {
    // An empty line is space between paragraphs, not a paragraph.
    if (!text.trim()) {
      doc.moveDown(gap + 0.6);
      return;
    }
    root.add(
      doc.struct(type, {}, () => {
        doc.font(font).fontSize(size).fillColor(INK).text(text, MARGIN, doc.y, { width });
        doc.moveDown(gap);
      }),
    );
  };

  if (input.verification) verificationMark(doc, root, input.verification);
  doc.y = MARGIN;
  // Beside the verification mark, the letterhead keeps clear of it.
  write('P', input.letterhead, BOLD, 11, 1, A4_WIDTH - 2 * MARGIN - (input.verification ? QR_SIZE + 16 : 0));
  // The verification mark sits at the top right; the text starts below it.
  if (input.verification) doc.y = Math.max(doc.y, MARGIN + QR_SIZE + 30);
  write('H1', input.title, BOLD, 16, 0.6);
  for (const section of input.sections) {
    doc.moveDown(0.4);
    if (section.heading) write('H2', section.heading, BOLD, 12, 0.3);
    for (const line of section.lines) write('P', line, REGULAR, 10, 0.2);
  }
  if (input.footer) {
    doc.moveDown(1);
    write('P', input.footer, REGULAR, 8, 0);
  }
  root.end();
  doc.end();
  await finished;
  return new Uint8Array(Buffer.concat(chunks));
}
