/**
 * @module policy/schema
 * The policy file (`mcp-warden.policy.yaml`): what the gateway allows, denies or asks a human
 * about, per server and tool, with argument constraints, rate limits, DLP and result scanning.
 * Every object is strict: a misspelt key is an error with its line, never silently ignored.
 */
import { z } from 'zod';
import { parseDuration, parseSize } from './units.js';
import { unsafeRegexReason } from './regex-safety.js';

export const POLICY_ACTIONS = ['allow', 'deny', 'ask'] as const;
export type PolicyAction = (typeof POLICY_ACTIONS)[number];

const Globs = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

const Duration = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const ms = parseDuration(v);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: `invalid duration "${String(v)}" (use e.g. 500ms, 30s, 5m, 1h)` });
    return z.NEVER;
  }
  return ms;
});

const Size = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const bytes = parseSize(v);
  if (bytes === undefined) {
    ctx.addIssue({ code: 'custom', message: `invalid size "${String(v)}" (use e.g. 512, 4KB, 10MB)` });
    return z.NEVER;
  }
  return bytes;
});

function safeRegex(bounded: boolean) {
  return z.string().min(1).superRefine((pattern, ctx) => {
    const reason = unsafeRegexReason(pattern, { bounded });
    if (reason) {
      ctx.addIssue({ code: 'custom', message: `unsafe regex: ${reason}` });
      return;
    }
    try {
      new RegExp(pattern, 'u');
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: `invalid regex: ${(err as Error).message}` });
    }
  });
}

/** Constraints on one argument value (every element, when the value is an array). */
export const ArgConstraintSchema = z
  .object({
    /** The value is a path inside one of these directories (after resolving `.`/`..`). */
    pathPrefix: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
    /** The value is an absolute URL whose host is one of these (`*.example.com` for subdomains). */
    urlHost: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
    /** The whole value matches this regex. */
    regex: safeRegex(false).optional(),
    /** The value is at most this large (UTF-8 bytes of a string, JSON length otherwise). */
    maxSize: Size.optional(),
    /** The argument must be present. */
    required: z.boolean().optional(),
  })
  .strict();
export type ArgConstraint = z.infer<typeof ArgConstraintSchema>;

export const RuleSchema = z
  .object({
    /** Shown in audit records and errors; defaults to `rules[<n>]`. */
    id: z.string().min(1).optional(),
    server: Globs.default('*'),
    tool: Globs.default('*'),
    /** Client identities (name from the handshake, or the HTTP token's name) this rule applies to. */
    client: Globs.optional(),
    action: z.enum(POLICY_ACTIONS),
    /** Told to the client when the call is denied. */
    reason: z.string().optional(),
    /** Constraints per argument: a top-level name, or a JSON pointer (`/options/path`). */
    args: z.record(z.string().min(1), ArgConstraintSchema).optional(),
    /** Largest serialized `arguments` object accepted. */
    maxArgsSize: Size.optional(),
  })
  .strict();
export type PolicyRuleInput = z.input<typeof RuleSchema>;
export type PolicyRule = z.infer<typeof RuleSchema>;

const ExposeSchema = z
  .object({
    /** Only tools matching one of these are shown to the client. */
    allow: z.array(z.string().min(1)).optional(),
    /** Tools matching one of these are hidden from the client (wins over `allow`). */
    deny: z.array(z.string().min(1)).optional(),
  })
  .strict();

const ServerPolicySchema = z
  .object({
    /** Which tools the client may see at all; hidden tools cannot be called. */
    expose: ExposeSchema.optional(),
    /** Default action for this server's tools when no rule matches. */
    default: z.enum(POLICY_ACTIONS).optional(),
    /** Whether prompts and resources of this server are reachable (default allow). */
    prompts: z.enum(['allow', 'deny']).optional(),
    resources: z.enum(['allow', 'deny']).optional(),
  })
  .strict();

export const RATE_LIMIT_SCOPES = ['client', 'tool', 'client+tool', 'global'] as const;

const RateLimitSchema = z
  .object({
    id: z.string().min(1).optional(),
    server: Globs.default('*'),
    tool: Globs.default('*'),
    /** One bucket per client, per tool, per client and tool, or one for everything matched. */
    per: z.enum(RATE_LIMIT_SCOPES).default('client+tool'),
    limit: z.number().int().positive(),
    window: Duration,
  })
  .strict();
export type RateLimit = z.infer<typeof RateLimitSchema>;

export const DLP_ACTIONS = ['redact', 'block', 'off'] as const;
export type DlpAction = (typeof DLP_ACTIONS)[number];

const PiiPatternSchema = z
  .object({
    id: z.string().min(1),
    /** Linear-time by construction: bounded quantifiers only, nothing nested. */
    regex: safeRegex(true),
    /** Case-insensitive matching. */
    ignoreCase: z.boolean().default(false),
    /** Overrides the direction's action for this pattern. */
    action: z.enum(['redact', 'block']).optional(),
  })
  .strict();
export type PiiPattern = z.infer<typeof PiiPatternSchema>;

const DlpSchema = z
  .object({
    /** Whose arguments are checked: only remote (HTTP/SSE) upstreams, or every upstream. */
    scope: z.enum(['remote', 'all']).default('remote'),
    /** What happens to a secret or PII value in arguments. */
    arguments: z.enum(DLP_ACTIONS).default('redact'),
    /** What happens to a secret or PII value in results. */
    results: z.enum(DLP_ACTIONS).default('redact'),
    /** Use the built-in credential detectors (the same ones the config rules use). */
    secrets: z.boolean().default(true),
    pii: z.array(PiiPatternSchema).default([]),
  })
  .strict();
export type DlpPolicy = z.infer<typeof DlpSchema>;

export const RESULT_SCAN_ACTIONS = ['annotate', 'quarantine', 'block', 'off'] as const;
export type ResultScanAction = (typeof RESULT_SCAN_ACTIONS)[number];

const ResultScanSchema = z
  .object({
    action: z.enum(RESULT_SCAN_ACTIONS).default('quarantine'),
    /** Lowest finding severity that triggers the action. */
    minSeverity: z.enum(['critical', 'high', 'medium', 'low', 'info']).default('high'),
  })
  .strict();

const ApprovalSchema = z
  .object({
    /** How long a human has to answer; no answer means deny. */
    timeout: Duration.default(120_000),
    /** `auto`: MCP elicitation when the client supports it, else the gateway's terminal. */
    channel: z.enum(['auto', 'elicitation', 'terminal']).default('auto'),
  })
  .strict();

/**
 * Requests upstream servers send to the client (2025-era push requests), each allowed or denied.
 * Sampling is denied by default: it lets a server run prompts of its choosing on the user's model
 * (a prompt-injection and cost channel). Elicitation reaches the user, labelled with the server's
 * name; roots tell the server which folders the client works in.
 */
const ServerRequestsSchema = z
  .object({
    sampling: z.enum(['allow', 'deny']).default('deny'),
    elicitation: z.enum(['allow', 'deny']).default('allow'),
    roots: z.enum(['allow', 'deny']).default('allow'),
  })
  .strict();
export type ServerRequestsPolicy = z.infer<typeof ServerRequestsSchema>;

export const PolicySchema = z
  .object({
    version: z.literal(1),
    /** Action for a call no rule matches (servers may override). */
    default: z.enum(POLICY_ACTIONS).default('allow'),
    approval: ApprovalSchema.default({ timeout: 120_000, channel: 'auto' }),
    /** Ordered; the first rule matching server, tool and client decides. */
    rules: z.array(RuleSchema).default([]),
    servers: z.record(z.string().min(1), ServerPolicySchema).default({}),
    rateLimits: z.array(RateLimitSchema).default([]),
    dlp: DlpSchema.default({ scope: 'remote', arguments: 'redact', results: 'redact', secrets: true, pii: [] }),
    resultScan: ResultScanSchema.default({ action: 'quarantine', minSeverity: 'high' }),
    serverRequests: ServerRequestsSchema.default({ sampling: 'deny', elicitation: 'allow', roots: 'allow' }),
  })
  .strict();
export type Policy = z.infer<typeof PolicySchema>;
export type PolicyInput = z.input<typeof PolicySchema>;

/** The policy used when none is given: allow, redact secrets in results and remote arguments, quarantine high-severity injected results. */
export function defaultPolicy(): Policy {
  return PolicySchema.parse({ version: 1 });
}
