// The log as a person at a terminal reads it: one short line per event (time, level, what happened, the few
// fields that matter), no line per request. Not attached to a terminal (a service, a container), the log stays
// JSON, one object per line, for the log collector.
import { Writable } from 'node:stream';

const LEVELS: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info ', 40: 'WARN ', 50: 'ERROR', 60: 'FATAL' };
const SHOWN = ['url', 'tenant', 'reports', 'applications', 'database', 'signal', 'job', 'reason', 'err'];

const PER_REQUEST = new Set(['incoming request', 'request completed']);

/** The line for one log entry; '' for the per-request lines, which the terminal does not show below warnings. */
export function prettyLine(json: string): string {
  try {
    const entry = JSON.parse(json) as Record<string, unknown> & { level: number; time: number; msg?: string };
    if (PER_REQUEST.has(String(entry.msg)) && entry.level < 40) return '';
    const time = new Date(entry.time).toLocaleTimeString('de-DE', { hour12: false });
    const details = SHOWN.filter((key) => entry[key] !== undefined).map(
      (key) =>
        `${key}=${typeof entry[key] === 'object' ? ((entry[key] as { message?: string }).message ?? JSON.stringify(entry[key])) : String(entry[key])}`,
    );
    return `${time} ${LEVELS[entry.level] ?? entry.level} ${String(entry.msg ?? entry.event ?? '')}${details.length ? `  ${details.join(' ')}` : ''}\n`;
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
}

export function prettyStream(out: NodeJS.WritableStream = process.stdout): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) out.write(prettyLine(line));
      done();
    },
  });
}
