// PGlite is one embedded PostgreSQL backend with one session: this shim gives it the pool interface
// Kysely's PostgresDialect expects, handing the single connection to one caller at a time.
import type { PGlite } from '@electric-sql/pglite';

type QueryResult = { command: string; rowCount: number; rows: unknown[] };

export class PGlitePool {
  #queue: Array<() => void> = [];
  #busy = false;

  constructor(private readonly pg: PGlite) {}

  async connect() {
    if (this.#busy) await new Promise<void>((resolve) => this.#queue.push(resolve));
    this.#busy = true;
    return {
      query: (sql: string, params: unknown[]) => this.#query(sql, params),
      release: () => this.#release(),
    };
  }

  async end() {
    await this.pg.close();
  }

  #release() {
    const next = this.#queue.shift();
    if (next) next();
    else this.#busy = false;
  }

  async #query(sql: string, params: unknown[]): Promise<QueryResult> {
    if (params.length === 0) {
      // exec() speaks the simple query protocol, so a migration script with several statements works too.
      const results = await this.pg.exec(sql);
      const last = results[results.length - 1];
      return { command: commandOf(sql), rowCount: last?.affectedRows ?? 0, rows: last?.rows ?? [] };
    }
    const result = await this.pg.query(sql, params);
    return { command: commandOf(sql), rowCount: result.affectedRows ?? 0, rows: result.rows };
  }
}

function commandOf(sql: string): string {
  const match = /^\s*(?:with\b[\s\S]*?\)\s*)?(insert|update|delete|merge|select)\b/i.exec(sql);
  return match ? match[1].toUpperCase() : 'OTHER';
}
