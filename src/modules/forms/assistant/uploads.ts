// Reads a step posted as multipart/form-data: the text fields as values, each file checked for size and type
// (sniffed from its bytes, never from its name) and stored before the step is read.
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../../platform/db/database.js';
import { formParts } from '../../../platform/http/upload.js';
import { FileInfected, FileTooLarge, FileTypeNotAllowed, storeUpload, type BlobStore } from '../../../platform/storage/storage.js';
import { ScannerUnavailable, type VirusScanner } from '../../../platform/storage/virus-scan.js';
import type { FileField, Step } from '../definition.js';
import type { Answers } from '../expressions.js';
import type { FieldError } from '../validate.js';

export type Values = Record<string, string | string[] | undefined>;
export type Uploaded = { values: Values; files: Record<string, Answers[]>; errors: Record<string, FieldError> };
type Target = { db: Db; store: BlobStore; tenantId: string; scanner?: VirusScanner };

export function fileFields(step: Step): FileField[] {
  return step.fields.filter((field): field is FileField => field.type === 'file');
}

const tooLarge = (field: FileField): FieldError => ({ code: 'fileSize', limit: `${Math.round(field.maxBytes / 1024 / 1024)} MB` });

async function storeFile(target: Target, field: FileField, bytes: Buffer, filename: string, result: Uploaded) {
  try {
    const stored = await storeUpload(
      { db: target.db, store: target.store, maxBytes: field.maxBytes, scanner: target.scanner },
      { tenantId: target.tenantId, bytes, originalName: filename, allowed: field.accept },
    );
    (result.files[field.name] ??= []).push({
      file: stored.id,
      name: stored.original_name,
      size: String(stored.size_bytes),
      type: stored.media_type,
    });
  } catch (error) {
    if (error instanceof FileTooLarge) result.errors[field.name] = tooLarge(field);
    else if (error instanceof FileTypeNotAllowed)
      result.errors[field.name] = { code: 'fileType', limit: field.accept.map((type) => type.split('/')[1]!.toUpperCase()).join(', ') };
    else if (error instanceof FileInfected) result.errors[field.name] = { code: 'fileInfected' };
    else if (error instanceof ScannerUnavailable) result.errors[field.name] = { code: 'scanUnavailable' };
    else throw error;
  }
}

export async function readMultipartStep(request: FastifyRequest, step: Step, target: Target): Promise<Uploaded> {
  const result: Uploaded = { values: {}, files: {}, errors: {} };
  const byName = new Map(fileFields(step).map((field) => [field.name, field]));
  const largest = Math.max(1, ...[...byName.values()].map((field) => field.maxBytes));
  let current: FileField | undefined;
  try {
    for await (const part of formParts(request, { fileSize: largest + 1, files: 10, fields: 200 })) {
      if (part.type === 'field') {
        const previous = result.values[part.fieldname];
        result.values[part.fieldname] = previous === undefined ? String(part.value) : ([] as string[]).concat(previous, String(part.value));
        continue;
      }
      current = byName.get(part.fieldname);
      const bytes = await part.toBuffer();
      if (!current || bytes.length === 0) continue;
      if (part.file.truncated || bytes.length > current.maxBytes) result.errors[current.name] = tooLarge(current);
      else await storeFile(target, current, bytes, part.filename, result);
    }
  } catch (error) {
    // The stream stops at a file over the limit; the fields read before it are kept.
    if ((error as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE' || !current) throw error;
    result.errors[current.name] = tooLarge(current);
  }
  return result;
}
