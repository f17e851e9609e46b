// Photos of a report: only real JPEG or PNG images are taken; each is turned upright, scaled to at most 1600 px
// and re-encoded as JPEG, which leaves every piece of metadata behind (EXIF, GPS position, camera serial).
// Decoding costs memory in proportion to the pixels, so an image larger than a report needs is refused from its
// header, before it is decoded, and only a few photos are decoded at a time however many arrive in parallel.
import sharp from 'sharp';
import { fileTypeFromBuffer } from 'file-type';

export const MAX_PHOTOS = 3;
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;
/** 24 megapixels: more than any phone camera's default; a decoded 24 MP image takes about 72 MB. */
export const PHOTO_MAX_PIXELS = 24_000_000;
const DECODING_AT_ONCE = 2;
const ACCEPTED = ['image/jpeg', 'image/png'];

// libvips keeps no cache of decoded images between requests, and works on one image with one thread: the limit on
// photos decoded at once is then the limit on memory.
sharp.cache(false);
sharp.concurrency(1);

export class NotAPhoto extends Error {
  constructor(readonly reason: 'type' | 'pixels') {
    super(reason === 'type' ? 'not a JPEG or PNG image that can be decoded' : 'image has too many pixels');
  }
}

let decoding = 0;
const waiting: (() => void)[] = [];

/** Runs `work` when fewer than DECODING_AT_ONCE photos are being decoded; the rest wait their turn. */
async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (decoding >= DECODING_AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
  decoding++;
  try {
    return await work();
  } finally {
    decoding--;
    waiting.shift()?.();
  }
}

export async function cleanPhoto(bytes: Buffer): Promise<Buffer> {
  const sniffed = await fileTypeFromBuffer(bytes);
  if (!sniffed || !ACCEPTED.includes(sniffed.mime)) throw new NotAPhoto('type');
  const header = await sharp(bytes)
    .metadata()
    .catch(() => undefined);
  if (!header?.width || !header.height) throw new NotAPhoto('type');
  if (header.width * header.height > PHOTO_MAX_PIXELS) throw new NotAPhoto('pixels');
  return inTurn(async () => {
    try {
      return await sharp(bytes, { limitInputPixels: PHOTO_MAX_PIXELS, sequentialRead: true })
        .rotate()
        .resize({ width: 1600, height: 1600, fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: 80 })
        .toBuffer();
    } catch {
      throw new NotAPhoto('type');
    }
  });
}
