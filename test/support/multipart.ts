// Posts a multipart/form-data form like a browser: the CSRF token of the last page first (the form's first
// field), then the text fields and files.
import type { Visitor } from './visitor.js';

export type UploadFile = { field: string; name: string; bytes: Buffer | string; type?: string };

export function postMultipart(visitor: Visitor, path: string, fields: Record<string, string>, files: UploadFile[] = []) {
  const boundary = `----rathaus-${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  const token = /name="_csrf" value="([^"]+)"/.exec(visitor.lastHtml)?.[1] ?? '';
  const withToken = '_csrf' in fields ? fields : { _csrf: token, ...fields };
  for (const [name, value] of Object.entries(withToken))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  for (const file of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
    );
    parts.push(Buffer.isBuffer(file.bytes) ? file.bytes : Buffer.from(file.bytes));
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return visitor.request('POST', path, {
    body: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}
