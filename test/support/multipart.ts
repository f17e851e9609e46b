// Posts a multipart/form-data form like a browser: text fields and files, with the CSRF token in the URL
// when the page's form carries it there (file forms), else as a field.
import type { Visitor } from './visitor.js';

export type UploadFile = { field: string; name: string; bytes: Buffer | string; type?: string };

export function postMultipart(visitor: Visitor, path: string, fields: Record<string, string>, files: UploadFile[] = []) {
  const boundary = `----rathaus-${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  for (const file of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`));
    parts.push(Buffer.isBuffer(file.bytes) ? file.bytes : Buffer.from(file.bytes));
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const token = /action="[^"]*[?&]_csrf=([^"&]+)"/.exec(visitor.lastHtml)?.[1];
  const url = token && !path.includes('_csrf=') ? `${path}${path.includes('?') ? '&' : '?'}_csrf=${token}` : path;
  return visitor.request('POST', url, { body: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}
