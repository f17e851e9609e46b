// Photos of a report: only real JPEG or PNG images are taken; each is turned upright, scaled to at most 1600 px
// and re-encoded as JPEG, which leaves every piece of metadata behind (EXIF, GPS position, camera serial).
import sharp from 'sharp';
import { fileTypeFromBuffer } from 'file-type';

export const MAX_PHOTOS = 3;
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;
const ACCEPTED = ['image/jpeg', 'image/png'];

export class NotAPhoto extends Error {}

export async function cleanPhoto(bytes: Buffer): Promise<Buffer> {
  const sniffed = await fileTypeFromBuffer(bytes);
  if (!sniffed || !ACCEPTED.includes(sniffed.mime)) throw new NotAPhoto('not a JPEG or PNG image');
  try {
    return await sharp(bytes, { limitInputPixels: 50_000_000 }).rotate().resize({ width: 1600, height: 1600, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 80 }).toBuffer();
  } catch {
    throw new NotAPhoto('image cannot be decoded');
  }
}
