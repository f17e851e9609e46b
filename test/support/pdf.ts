// What a PDF says and how it is built, read with Mozilla's pdf.js (the reader in Firefox) and pdf-lib's parser:
// the text in reading order, the language, the tags, the XMP metadata and whether every font is embedded.
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFRef, PDFString } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

type StructNode = { role?: string; alt?: string; children?: StructNode[] };

async function open(bytes: Uint8Array) {
  return getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
}

/** The text of every page in content order, a line break where pdf.js sees one. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await open(bytes);
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const content = await (await pdf.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  await pdf.destroy();
  return pages.join('\n');
}

const roles = (node: StructNode | null | undefined): StructNode[] =>
  node ? [node, ...(node.children ?? []).flatMap((child) => roles(child))] : [];

/** Whether every font the pages use carries its font program (FontFile, FontFile2 or FontFile3), and the XMP packet. */
async function structure(bytes: Uint8Array) {
  const document = await PDFDocument.load(bytes, { updateMetadata: false });
  const lookup = (value: unknown) => (value instanceof PDFRef ? document.context.lookup(value) : value);
  let fonts = 0;
  let embedded = 0;
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue;
    fonts++;
    if (['FontFile', 'FontFile2', 'FontFile3'].some((key) => lookup(object.get(PDFName.of(key))))) embedded++;
  }
  const metadata = lookup(document.catalog.get(PDFName.of('Metadata')));
  const xmp = metadata instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(metadata).decode()).toString('utf8') : '';
  const lang = lookup(document.catalog.get(PDFName.of('Lang')));
  const intents = lookup(document.catalog.get(PDFName.of('OutputIntents')));
  return {
    fonts,
    embedded,
    xmp,
    lang: lang instanceof PDFString || lang instanceof PDFHexString ? lang.decodeText() : undefined,
    outputIntents: intents instanceof PDFArray ? intents.size() : 0,
  };
}

export async function pdfReport(bytes: Uint8Array) {
  const pdf = await open(bytes);
  const page = await pdf.getPage(1);
  const nodes = roles((await page.getStructTree()) as StructNode);
  const markInfo = await pdf.getMarkInfo();
  await pdf.destroy();
  return {
    text: await pdfText(bytes),
    marked: markInfo?.Marked === true,
    roles: nodes.map((node) => node.role).filter(Boolean),
    alternatives: nodes.filter((node) => node.alt).map((node) => node.alt),
    header: Buffer.from(bytes.subarray(0, 8)).toString('latin1'),
    ...(await structure(bytes)),
  };
}
