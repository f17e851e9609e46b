// Virus scanning with ClamAV's clamd over TCP (INSTREAM), used when CLAMD_HOST is configured. The bytes go in
// chunks of at most 64 KiB, each prefixed with its length; clamd answers "stream: OK" or "stream: <name> FOUND".
// When clamd cannot be reached, uploads are refused (fail closed) rather than stored unchecked.
import { connect } from 'node:net';

export type ScanResult = { infected: false } | { infected: true; signature: string };
export type VirusScanner = (bytes: Buffer) => Promise<ScanResult>;

export class ScannerUnavailable extends Error {}

const CHUNK = 64 * 1024;

export function clamdScanner(options: { host: string; port: number; timeoutMs?: number }): VirusScanner {
  return (bytes) =>
    new Promise((resolve, reject) => {
      const socket = connect({ host: options.host, port: options.port });
      const chunks: Buffer[] = [];
      socket.setTimeout(options.timeoutMs ?? 30_000, () => socket.destroy(new ScannerUnavailable('clamd timed out')));
      socket.on('error', (error) => reject(error instanceof ScannerUnavailable ? error : new ScannerUnavailable(error.message)));
      socket.on('data', (data) => chunks.push(data));
      socket.on('end', () => {
        const reply = Buffer.concat(chunks).toString('utf8').replace(/\0/g, '').trim();
        if (/: OK$/.test(reply)) resolve({ infected: false });
        else if (/ FOUND$/.test(reply)) resolve({ infected: true, signature: reply.replace(/^[^:]*:\s*/, '').replace(/ FOUND$/, '') });
        else reject(new ScannerUnavailable(`clamd answered: ${reply.slice(0, 100)}`));
      });
      socket.on('connect', () => {
        socket.write('zINSTREAM\0');
        for (let offset = 0; offset < bytes.length; offset += CHUNK) {
          const chunk = bytes.subarray(offset, offset + CHUNK);
          const size = Buffer.alloc(4);
          size.writeUInt32BE(chunk.length);
          socket.write(size);
          socket.write(chunk);
        }
        socket.end(Buffer.alloc(4));
      });
    });
}
