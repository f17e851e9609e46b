// Reads a small form posted as multipart/form-data with one file (an import): the text fields, and the file's
// bytes unless it exceeds the limit.
import type { FastifyRequest } from 'fastify';

export type UploadedForm = { fields: Record<string, string>; file: Buffer | undefined; fileName?: string; tooLarge: boolean };

export async function readFormWithFile(request: FastifyRequest, maxBytes: number): Promise<UploadedForm> {
  const fields: Record<string, string> = {};
  let file: Buffer | undefined;
  let fileName: string | undefined;
  if (!request.isMultipart()) return { fields, file, tooLarge: false };
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 50 } })) {
      if (part.type === 'field') fields[part.fieldname] = String(part.value);
      else {
        const bytes = await part.toBuffer();
        if (bytes.length > 0) {
          file = bytes;
          fileName = part.filename;
        }
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') return { fields, file: undefined, tooLarge: true };
    throw error;
  }
  return { fields, file, fileName, tooLarge: false };
}
