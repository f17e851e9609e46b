// A plain, readable PDF from headings and lines (receipts, short letters): real text, A4, the tenant's name as
// letterhead, title and language in the metadata. Characters the standard font cannot encode become "?".
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

export type PdfSection = { heading?: string; lines: string[] };
export type PdfInput = { title: string; lang: 'de' | 'en'; letterhead: string; sections: PdfSection[]; footer?: string };

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
