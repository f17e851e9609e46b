// A stand-in SMTP relay speaking RFC 5321's plain dialogue (EHLO, MAIL, RCPT, DATA, QUIT). `stall` makes it accept
// the next connection and never greet, as a relay that hangs would, so a sending process can be caught mid-send.
import { createServer, type Socket } from 'node:net';

export type ReceivedMail = { from: string; to: string[]; data: string };

export async function startSmtp() {
  const received: ReceivedMail[] = [];
  const sockets = new Set<Socket>();
  let stallNext = false;
  let stalled = 0;
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (stallNext) {
      stallNext = false;
      stalled++;
      return;
    }
    converse(socket, (mail) => received.push(mail));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    received,
    stall: () => {
      stallNext = true;
    },
    stalled: () => stalled,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function converse(socket: Socket, deliver: (mail: ReceivedMail) => void) {
  let buffer = '';
  let inData = false;
  let mail: ReceivedMail = { from: '', to: [], data: '' };
  socket.write('220 relay.test ESMTP\r\n');
  socket.on('data', (chunk) => {
    buffer += chunk.toString('utf8');
    for (;;) {
      if (inData) {
        const end = buffer.indexOf('\r\n.\r\n');
        if (end < 0) return;
        mail.data = buffer.slice(0, end);
        buffer = buffer.slice(end + 5);
        inData = false;
        deliver(mail);
        mail = { from: '', to: [], data: '' };
        socket.write('250 queued\r\n');
        continue;
      }
      const newline = buffer.indexOf('\r\n');
      if (newline < 0) return;
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 2);
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === 'EHLO' || verb === 'HELO') socket.write('250 relay.test\r\n');
      else if (verb === 'MAIL') {
        mail.from = line;
        socket.write('250 ok\r\n');
      } else if (verb === 'RCPT') {
        mail.to.push(line);
        socket.write('250 ok\r\n');
      } else if (verb === 'DATA') {
        inData = true;
        socket.write('354 go ahead\r\n');
      } else if (verb === 'QUIT') socket.end('221 bye\r\n');
      else socket.write('250 ok\r\n');
    }
  });
}
