// The text operators of a PDF, with its compressed streams inflated, so tests can look for what it says.
import { inflateSync } from 'node:zlib';

export function pdfContent(bytes: Buffer): string {
  const raw = bytes.toString('latin1');
  const streams = [...raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].map((match) => {
    const data = Buffer.from(match[1]!, 'latin1');
    try {
      return inflateSync(data).toString('latin1');
    } catch {
      return match[1]!;
    }
  });
  return [raw, ...streams].join('\n');
}

/** pdf-lib writes standard-font text as hex strings: the hex form of what should be on the page. */
export const pdfText = (text: string) => Buffer.from(text, 'latin1').toString('hex').toUpperCase();
