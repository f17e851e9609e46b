// The text operators of a PDF, with its compressed streams inflated, so tests can look for what it says.
import { inflateSync } from 'node:zlib';

// A stream's bytes are taken by its /Length: compressed data may itself end in "\r", which a
// search for "\r?\nendstream" would swallow (and so break the inflate one render in 256).
const streamStart = /\/Length (\d+)(?! \d+ R)[^>]*>>\s*stream\r?\n/g;

export function pdfContent(bytes: Buffer): string {
  const raw = bytes.toString('latin1');
  const streams = [...raw.matchAll(streamStart)].map((match) => {
    const start = match.index + match[0].length;
    const data = bytes.subarray(start, start + Number(match[1]));
    try {
      return inflateSync(data).toString('latin1');
    } catch {
      return data.toString('latin1');
    }
  });
  return [raw, ...streams].join('\n');
}

/** pdf-lib writes standard-font text as hex strings: the hex form of what should be on the page. */
export const pdfText = (text: string) => Buffer.from(text, 'latin1').toString('hex').toUpperCase();
