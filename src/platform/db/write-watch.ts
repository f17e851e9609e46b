// A Kysely plugin that tells the audit scope which tables a query changed (INSERT, UPDATE, DELETE, and raw SQL that
// starts with one of them, counted when at least one row was affected), so that a request which changed records
// without an audit entry is noticed.
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { noteWrite } from '../audit/audit-scope.js';

type Named = { kind?: string; table?: Named; identifier?: Named; name?: string; node?: Named; froms?: Named[]; into?: Named };

function tableName(node: Named | undefined): string | undefined {
  if (!node) return undefined;
  if (node.kind === 'TableNode') return node.table?.identifier?.name;
  if (node.kind === 'AliasNode') return tableName(node.node);
  if (node.kind === 'FromNode') return tableName(node.froms?.[0]);
  return undefined;
}

function written(node: RootOperationNode): string | undefined {
  const named = node as unknown as Named & { sqlFragments?: readonly string[] };
  if (node.kind === 'InsertQueryNode') return tableName(named.into);
  if (node.kind === 'UpdateQueryNode') return tableName(named.table);
  if (node.kind === 'DeleteQueryNode') return tableName((node as unknown as { from: Named }).from);
  if (node.kind === 'RawNode') return /^\s*(?:insert\s+into|update|delete\s+from)\s+"?(\w+)/i.exec(named.sqlFragments?.[0] ?? '')?.[1];
  return undefined;
}

export class WriteWatch implements KyselyPlugin {
  readonly #tables = new WeakMap<object, string>();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const table = written(args.node);
    if (table) this.#tables.set(args.queryId, table);
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const table = this.#tables.get(args.queryId);
    if (table && (args.result.numAffectedRows ?? 0n) > 0n) noteWrite(table);
    return args.result;
  }
}
