// A plain, readable PDF from headings and lines (receipts, short letters): real text, A4, the tenant's name as
// letterhead, title and language in the metadata. Characters the standard font cannot encode become "?".
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';

export type PdfSection = { heading?: string; lines: string[] };
/** A verification mark: a QR code of `url` at the top right, with `label` and `code` under it. */
export type PdfVerification = { url: string; code: string; label: string };
export type PdfInput = {
  title: string;
  lang: 'de' | 'en';
  letterhead: string;
  sections: PdfSection[];
  footer?: string;
  verification?: PdfVerification;
};

const QR_SIZE = 72;

/** Draws the QR code as filled squares (vector, sharp at any zoom) with its label. */
function drawVerification(page: PDFPage, verification: PdfVerification, font: PDFFont) {
  const qr = QRCode.create(verification.url, { errorCorrectionLevel: 'M' });
  const modules = qr.modules.size;
  const cell = QR_SIZE / modules;
  const left = A4[0] - MARGIN - QR_SIZE;
  const top = A4[1] - MARGIN + 8;
  for (let row = 0; row < modules; row++) {
    for (let column = 0; column < modules; column++) {
      if (qr.modules.get(row, column))
        page.drawRectangle({ x: left + column * cell, y: top - (row + 1) * cell, width: cell, height: cell, color: rgb(0, 0, 0) });
    }
  }
  page.drawText(encodable(verification.label), { x: left - 40, y: top - QR_SIZE - 12, size: 7, font, color: rgb(0.2, 0.2, 0.2) });
  page.drawText(encodable(verification.code), { x: left - 40, y: top - QR_SIZE - 22, size: 9, font, color: rgb(0, 0, 0) });
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;

/** WinAnsi covers German text; anything else is replaced so the PDF never fails to render. */
function encodable(text: string): string {
  return text.replace(/[^\x20-\x7E\u00A0-\u00FF€–—„“”‚‘’…•]/g, '?');
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of encodable(text).split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width || !line) line = candidate;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

export async function renderTextPdf(input: PdfInput): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(encodable(input.title), { showInWindowTitleBar: true });
  pdf.setLanguage(input.lang === 'de' ? 'de-DE' : 'en-GB');
  pdf.setProducer('Rathaus');
  pdf.setCreator(encodable(input.letterhead));
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const width = A4[0] - 2 * MARGIN;
  let page: PDFPage = pdf.addPage(A4);
  if (input.verification) drawVerification(page, input.verification, regular);
  let y = A4[1] - MARGIN;
  const write = (text: string, font: PDFFont, size: number, gap = 4) => {
    for (const line of wrap(text, font, size, width)) {
      if (y < MARGIN + size) {
        page = pdf.addPage(A4);
        y = A4[1] - MARGIN;
      }
      page.drawText(line, { x: MARGIN, y, size, font, color: rgb(0.1, 0.1, 0.1) });
      y -= size + gap;
    }
  };
  write(input.letterhead, bold, 11);
  y -= 18;
  // The verification mark sits at the top right; the text starts below it.
  if (input.verification) y = Math.min(y, A4[1] - MARGIN - QR_SIZE - 36);
  write(input.title, bold, 16, 8);
  for (const section of input.sections) {
    y -= 10;
    if (section.heading) write(section.heading, bold, 12, 6);
    for (const line of section.lines) write(line, regular, 10);
  }
  if (input.footer) {
    y -= 16;
    write(input.footer, regular, 8);
  }
  return pdf.save({ useObjectStreams: false });
}
