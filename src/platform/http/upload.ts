// Reads a small form posted as multipart/form-data: the text fields, and the files' bytes unless one exceeds the
// limit (then `tooLarge`, and the fields are still read so the form can keep them).
import type { FastifyRequest } from 'fastify';
import type { Multipart } from '@fastify/multipart';
import { checkCsrf } from './csrf.js';

export type UploadedFile = { bytes: Buffer; name: string; field: string };
export type UploadedForm = {
  fields: Record<string, string>;
  file: Buffer | undefined;
  fileName?: string;
  files: UploadedFile[];
  tooLarge: boolean;
  tooMany: boolean;
};

export async function readFormWithFiles(request: FastifyRequest, maxBytes: number, maxFiles = 1): Promise<UploadedForm> {
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  let tooLarge = false;
  let tooMany = false;
  if (!request.isMultipart()) return { fields, file: undefined, files, tooLarge, tooMany };
  try {
    for await (const part of formParts(request, { fileSize: maxBytes, files: maxFiles, fields: 50 })) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      const bytes = await part.toBuffer().catch((error: { code?: string }) => {
        if (error.code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
        tooLarge = true;
        return Buffer.alloc(0);
      });
      if (bytes.length > 0) files.push({ bytes, name: part.filename, field: part.fieldname });
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT') tooMany = true;
    else if (code === 'FST_REQ_FILE_TOO_LARGE') tooLarge = true;
    else throw error;
  }
  if (tooLarge) files.length = 0;
  return { fields, file: files[0]?.bytes, fileName: files[0]?.name, files, tooLarge, tooMany };
}

/** One file (an import, a statement, a reply's attachment). */
export const readFormWithFile = (request: FastifyRequest, maxBytes: number) => readFormWithFiles(request, maxBytes, 1);

/**
 * The parts of a multipart form after its CSRF token: the form's first field (the Form component puts it there).
 * A form without it, or with a wrong one, is refused before any file is read.
 */
export async function* formParts(
  request: FastifyRequest,
  limits: { fileSize: number; files: number; fields: number },
): AsyncGenerator<Multipart> {
  let checked = false;
  for await (const part of request.parts({ limits })) {
    if (!checked) {
      await checkCsrf(request, part.type === 'field' && part.fieldname === '_csrf' ? String(part.value) : '');
      checked = true;
      continue;
    }
    yield part;
  }
  if (!checked) await checkCsrf(request, '');
}
