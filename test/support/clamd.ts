// A stand-in for ClamAV's clamd that speaks its INSTREAM protocol: "zINSTREAM\0", then chunks each prefixed
// with a 4-byte big-endian length, ended by a zero length. It reports the EICAR test file as infected.
import { createServer, type Server } from 'node:net';

export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

export async function startClamd(): Promise<{ port: number; scanned: () => number; close(): Promise<void> }> {
  let scanned = 0;
  const server: Server = createServer((socket) => {
    let buffer = Buffer.alloc(0);
    const received: Buffer[] = [];
    socket.on('data', (data) => {
      buffer = Buffer.concat([buffer, data]);
      if (received.length === 0 && buffer.length >= 10) {
        if (buffer.subarray(0, 10).toString() !== 'zINSTREAM\0') return socket.end('UNKNOWN COMMAND\0');
        buffer = buffer.subarray(10);
        received.push(Buffer.alloc(0));
      }
      while (received.length > 0 && buffer.length >= 4) {
        const size = buffer.readUInt32BE(0);
        if (size === 0) {
          scanned++;
          const content = Buffer.concat(received).toString('latin1');
          socket.end(content.includes(EICAR) ? 'stream: Eicar-Test-Signature FOUND\0' : 'stream: OK\0');
          return;
        }
        if (buffer.length < 4 + size) return;
        received.push(buffer.subarray(4, 4 + size));
        buffer = buffer.subarray(4 + size);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return { port: address.port, scanned: () => scanned, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
