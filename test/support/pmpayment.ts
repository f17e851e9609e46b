// A stand-in for pmPayment that speaks the interface our adapter uses: the hash-checked payment request returns a
// payment page; paying there sends a signed notification and redirects back; the status query answers what the
// stand-in recorded. Tests can also hold back the notification or replay it.
import { createServer, type Server } from 'node:http';
import { pmHash } from '../../src/modules/payments/pmpayment.js';

type Transaction = {
  ags: string;
  txid: string;
  amount: string;
  notifyURL: string;
  redirectURL: string;
  status: '1' | '0' | '2';
  method: string;
};

export async function startPmPayment(options: { ags: string; secret: string }) {
  const transactions = new Map<string, Transaction>();
  const notifications: URLSearchParams[] = [];
  let sendNotifications = true;
  const readBody = (request: import('node:http').IncomingMessage) =>
    new Promise<URLSearchParams>((resolve) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString())));
    });
  const notification = (tx: Transaction) => {
    const fields = { ags: tx.ags, txid: tx.txid, payment_method: tx.method, status: tx.status };
    return new URLSearchParams({ ...fields, hash: pmHash(options.secret, Object.values(fields)) });
  };
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://standin');
    if (request.method === 'POST' && url.pathname === '/payment/secure') {
      const body = await readBody(request);
      const order = ['ags', 'amount', 'procedure', 'desc', 'txid', 'notifyURL', 'redirectURL'];
      if (
        body.get('hash') !==
          pmHash(
            options.secret,
            order.map((name) => body.get(name) ?? ''),
          ) ||
        body.get('ags') !== options.ags
      ) {
        response.writeHead(403).end('hash');
        return;
      }
      const txid = body.get('txid')!;
      transactions.set(txid, {
        ags: body.get('ags')!,
        txid,
        amount: body.get('amount')!,
        notifyURL: body.get('notifyURL')!,
        redirectURL: body.get('redirectURL')!,
        status: '2',
        method: 'creditcard',
      });
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ url: `http://127.0.0.1:${port}/pay/${txid}`, txid }));
      return;
    }
    const pay = /^\/pay\/([A-Z0-9]+)$/.exec(url.pathname);
    if (pay && transactions.has(pay[1]!)) {
      const tx = transactions.get(pay[1]!)!;
      if (request.method === 'GET') {
        response
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(
            `<!doctype html><html lang="de"><head><title>pmPayment (Test)</title></head><body><main><h1>pmPayment (Test)</h1><p>Betrag: ${tx.amount} Cent</p><form method="post"><button name="result" value="1">Bezahlen</button> <button name="result" value="0">Abbrechen</button></form></main></body></html>`,
          );
        return;
      }
      const body = await readBody(request);
      tx.status = body.get('result') === '1' ? '1' : '0';
      const message = notification(tx);
      notifications.push(message);
      if (sendNotifications) await fetch(tx.notifyURL, { method: 'POST', body: message }).catch(() => undefined);
      response.writeHead(303, { location: tx.redirectURL }).end();
      return;
    }
    const status = /^\/payment\/status\/(\d+)\/([A-Z0-9]+)$/.exec(url.pathname);
    if (status && url.searchParams.get('hash') === pmHash(options.secret, [status[1]!, status[2]!])) {
      const tx = transactions.get(status[2]!);
      response
        .writeHead(tx ? 200 : 404, { 'content-type': 'application/json' })
        .end(JSON.stringify(tx ? { status: Number(tx.status), payment_method: tx.method } : { error: 'unknown' }));
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    transactions,
    notifications,
    holdNotifications(hold: boolean) {
      sendNotifications = !hold;
    },
    /** Completes a payment at the provider without telling us (a lost notification). */
    settleQuietly(txid: string) {
      transactions.get(txid)!.status = '1';
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
