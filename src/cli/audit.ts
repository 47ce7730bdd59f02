import type { Command } from 'commander';
import { Option } from 'commander';
import pc from 'picocolors';
import { WardenError, WardenErrorCode } from '../model/errors.js';
import { AUDIT_DECISIONS } from '../store/audit-record.js';
import type { StoredAuditRow } from '../store/audit-db.js';
import { useColor } from './color.js';
import { EXIT_CODES_HELP } from './exit-codes.js';

interface AuditFlags {
  db?: string;
  server?: string;
  tool?: string;
  decision?: string;
  client?: string;
  since?: string;
  until?: string;
  limit: string;
  format: 'table' | 'json' | 'jsonl';
  quarantine?: string;
}

function table(rows: readonly StoredAuditRow[], color: boolean): string {
  if (rows.length === 0) return 'no matching audit records\n';
  const paint = (decision: string): string => {
    if (!color) return decision;
    if (decision === 'allow' || decision === 'approved') return pc.green(decision);
    if (decision === 'pending') return pc.yellow(decision);
    return pc.red(decision);
  };
  const lines = rows.map((r) => {
    const cols = [
      new Date(r.time).toISOString(),
      r.principal ?? r.client,
      `${r.server ?? '-'}/${r.target ?? r.requested}`,
      paint(r.decision),
      r.rule ?? '',
      `${r.latency_ms.toFixed(1)}ms`,
      r.error ? `error: ${r.error}` : (r.reason ?? ''),
    ];
    return cols.join('  ');
  });
  return `${lines.join('\n')}\n`;
}

export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description('Query the gateway audit log (newest first): by server, tool, decision, client and time.')
    .option('--db <file>', 'audit database (default: per-user state dir)')
    .option('--server <name>', 'only calls to this upstream server')
    .option('--tool <name>', 'only this upstream tool (or prompt, or resource URI)')
    .addOption(new Option('--decision <decision>', 'only this decision').choices([...AUDIT_DECISIONS]))
    .option('--client <name>', 'only this client (handshake name or token name)')
    .option('--since <when>', 'ISO time, or a duration ago (15m, 24h)')
    .option('--until <when>', 'ISO time, or a duration ago')
    .option('--limit <n>', 'most records shown', '100')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'jsonl']).default('table'))
    .option('--quarantine <id>', 'print the original result quarantined under this id')
    .addHelpText('after', `\n${EXIT_CODES_HELP}`)
    .action(async (flags: AuditFlags) => {
      // Loaded when the command runs: defining the commands loads no use-case.
      const [{ parseTimeBound, queryAudit, readQuarantine }, { defaultAuditPaths }] = await Promise.all([import('../app/audit.js'), import('../gateway/config.js')]);
      const db = flags.db ?? defaultAuditPaths().db;
      if (flags.quarantine !== undefined) {
        const q = readQuarantine(db, flags.quarantine);
        process.stdout.write(flags.format === 'table' ? `${new Date(q.time).toISOString()}  ${q.server ?? '-'}/${q.target ?? '-'}\n${q.content}\n` : `${JSON.stringify(q)}\n`);
        return;
      }
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit <= 0) throw new WardenError(WardenErrorCode.Usage, `invalid --limit ${flags.limit}`);
      const rows = queryAudit(db, {
        ...(flags.server !== undefined ? { server: flags.server } : {}),
        ...(flags.tool !== undefined ? { tool: flags.tool } : {}),
        ...(flags.decision !== undefined ? { decision: flags.decision } : {}),
        ...(flags.client !== undefined ? { client: flags.client } : {}),
        ...(flags.since !== undefined ? { since: parseTimeBound(flags.since) } : {}),
        ...(flags.until !== undefined ? { until: parseTimeBound(flags.until) } : {}),
        limit,
      });
      if (flags.format === 'json') process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      else if (flags.format === 'jsonl') process.stdout.write(rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : ''));
      else process.stdout.write(table(rows, useColor(process.stdout)));
    });
}
