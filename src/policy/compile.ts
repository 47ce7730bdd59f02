/**
 * @module policy/compile
 * Turns a validated policy into fast matchers, and decides calls: the first rule matching server,
 * tool and client wins; its argument constraints must hold, else the call is denied.
 */
import { compileGlobs, type NameMatcher } from './glob.js';
import { compileConstraint, type CompiledConstraint } from './constraints.js';
import type { DlpPolicy, Policy, PolicyAction, RateLimit } from './schema.js';

/** A call as the policy sees it. */
export interface PolicySubject {
  server: string;
  tool: string;
  /** Client identity: handshake name, or the HTTP token's name. */
  client: string;
  args: Record<string, unknown> | undefined;
}

export interface PolicyDecision {
  action: PolicyAction;
  /** Which part of the policy decided: a rule id, `servers.<name>.default`, `default`, or `servers.<name>.expose`. */
  rule: string;
  /** Why, in words fit for the client and the audit log (never contains argument values). */
  reason?: string;
}

export interface CompiledRateLimit {
  id: string;
  matches(server: string, tool: string): boolean;
  per: RateLimit['per'];
  limit: number;
  windowMs: number;
}

export interface CompiledPii {
  id: string;
  regex: RegExp;
  action?: 'redact' | 'block';
}

interface CompiledRule {
  id: string;
  server: NameMatcher;
  tool: NameMatcher;
  client?: NameMatcher;
  action: PolicyAction;
  reason?: string;
  constraints: CompiledConstraint[];
  maxArgsSize?: number;
}

interface CompiledServer {
  exposeAllow?: NameMatcher;
  exposeDeny?: NameMatcher;
  default?: PolicyAction;
  prompts: 'allow' | 'deny';
  resources: 'allow' | 'deny';
}

/** A policy ready for the hot path. Immutable: hot reload swaps the whole object. */
export class CompiledPolicy {
  readonly source: Policy;
  readonly file: string | undefined;
  readonly approval: Policy['approval'];
  readonly rateLimits: readonly CompiledRateLimit[];
  readonly dlp: DlpPolicy & { compiledPii: readonly CompiledPii[] };
  readonly resultScan: Policy['resultScan'];
  readonly serverRequests: Policy['serverRequests'];
  private readonly rules: CompiledRule[];
  private readonly servers = new Map<string, CompiledServer>();

  constructor(policy: Policy, file?: string) {
    this.source = policy;
    this.file = file;
    this.approval = policy.approval;
    this.resultScan = policy.resultScan;
    this.serverRequests = policy.serverRequests;
    this.rules = policy.rules.map((r, i) => ({
      id: r.id ?? `rules[${i}]`,
      server: compileGlobs(r.server),
      tool: compileGlobs(r.tool),
      ...(r.client !== undefined ? { client: compileGlobs(r.client) } : {}),
      action: r.action,
      ...(r.reason !== undefined ? { reason: r.reason } : {}),
      constraints: Object.entries(r.args ?? {}).map(([key, c]) => compileConstraint(key, c)),
      ...(r.maxArgsSize !== undefined ? { maxArgsSize: r.maxArgsSize } : {}),
    }));
    for (const [name, s] of Object.entries(policy.servers)) {
      this.servers.set(name, {
        ...(s.expose?.allow ? { exposeAllow: compileGlobs(s.expose.allow) } : {}),
        ...(s.expose?.deny ? { exposeDeny: compileGlobs(s.expose.deny) } : {}),
        ...(s.default !== undefined ? { default: s.default } : {}),
        prompts: s.prompts ?? 'allow',
        resources: s.resources ?? 'allow',
      });
    }
    this.rateLimits = policy.rateLimits.map((l, i) => {
      const server = compileGlobs(l.server);
      const tool = compileGlobs(l.tool);
      return { id: l.id ?? `rateLimits[${i}]`, matches: (s: string, t: string) => server(s) && tool(t), per: l.per, limit: l.limit, windowMs: l.window };
    });
    this.dlp = {
      ...policy.dlp,
      compiledPii: policy.dlp.pii.map((p) => ({ id: p.id, regex: new RegExp(p.regex, p.ignoreCase ? 'giu' : 'gu'), ...(p.action ? { action: p.action } : {}) })),
    };
  }

  /** Whether the client may see (and therefore call) this tool at all. */
  isExposed(server: string, tool: string): boolean {
    const s = this.servers.get(server);
    if (!s) return true;
    if (s.exposeDeny?.(tool)) return false;
    if (s.exposeAllow && !s.exposeAllow(tool)) return false;
    return true;
  }

  /** Whether prompts or resources of `server` are reachable. */
  allowsKind(server: string, kind: 'prompts' | 'resources'): boolean {
    return (this.servers.get(server)?.[kind] ?? 'allow') === 'allow';
  }

  /** Decides a tool call. */
  decide(subject: PolicySubject): PolicyDecision {
    if (!this.isExposed(subject.server, subject.tool)) {
      return { action: 'deny', rule: `servers.${subject.server}.expose`, reason: 'this tool is hidden by the policy' };
    }
    for (const rule of this.rules) {
      if (!rule.server(subject.server) || !rule.tool(subject.tool)) continue;
      if (rule.client && !rule.client(subject.client)) continue;
      if (rule.action === 'deny') return { action: 'deny', rule: rule.id, reason: rule.reason ?? 'denied by policy' };
      const violation = this.violation(rule, subject.args);
      if (violation) return { action: 'deny', rule: rule.id, reason: violation };
      return { action: rule.action, rule: rule.id, ...(rule.reason !== undefined ? { reason: rule.reason } : {}) };
    }
    const serverDefault = this.servers.get(subject.server)?.default;
    if (serverDefault !== undefined) return { action: serverDefault, rule: `servers.${subject.server}.default`, ...(serverDefault === 'deny' ? { reason: 'denied by the server default' } : {}) };
    return { action: this.source.default, rule: 'default', ...(this.source.default === 'deny' ? { reason: 'denied by the policy default' } : {}) };
  }

  private violation(rule: CompiledRule, args: Record<string, unknown> | undefined): string | undefined {
    if (rule.maxArgsSize !== undefined && (JSON.stringify(args ?? {}) ?? '').length > rule.maxArgsSize) {
      return `arguments are larger than ${rule.maxArgsSize} bytes`;
    }
    for (const c of rule.constraints) {
      const value = c.read(args);
      if (value === undefined) {
        if (c.required) return `argument "${c.key}" is required by the policy`;
        continue;
      }
      const why = c.check(value);
      if (why) return `argument "${c.key}" ${why}`;
    }
    return undefined;
  }
}

/** Convenience: compile a parsed policy. */
export function compilePolicy(policy: Policy, file?: string): CompiledPolicy {
  return new CompiledPolicy(policy, file);
}
