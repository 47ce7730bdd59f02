import { compilePolicy, parsePolicy, type CompiledPolicy } from '../../src/policy/index.js';
import { createContext, type ApprovalChannel, type GatewayContext, type Operation } from '../../src/gateway/types.js';
import type { AuditRecord } from '../../src/store/audit-record.js';

export function policyOf(yaml: string): CompiledPolicy {
  return compilePolicy(parsePolicy(yaml, 'test-policy.yaml'));
}

export function makeCtx(init: { op?: Operation; requested?: string; params?: Record<string, unknown>; server?: string; target?: string; remote?: boolean; approval?: ApprovalChannel; client?: string } = {}): GatewayContext {
  const ctx = createContext({
    op: init.op ?? 'tools/call',
    client: { session: 's1', name: init.client ?? 'test-client', transport: 'stdio' },
    requested: init.requested ?? 'srv__tool',
    params: init.params ?? { name: init.requested ?? 'srv__tool', arguments: {} },
    signal: new AbortController().signal,
    ...(init.approval ? { approval: init.approval } : {}),
  });
  if (init.server !== undefined) ctx.server = init.server;
  if (init.target !== undefined) ctx.target = init.target;
  if (init.remote !== undefined) ctx.remote = init.remote;
  return ctx;
}

export interface MemorySink {
  records: AuditRecord[];
  record(r: AuditRecord): void;
  /** Resolves with the first record (already recorded or future) matching `match`. */
  next(match: (r: AuditRecord) => boolean): Promise<AuditRecord>;
}

export function memorySink(): MemorySink {
  const records: AuditRecord[] = [];
  const waiters: Array<{ match: (r: AuditRecord) => boolean; resolve: (r: AuditRecord) => void }> = [];
  return {
    records,
    record(r) {
      records.push(r);
      for (const w of [...waiters]) {
        if (w.match(r)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(r);
        }
      }
    },
    next(match) {
      const found = records.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
  };
}

export const done = async (): Promise<void> => {};
