import type { Severity } from '../model/index.js';

export type RuleKind = 'config' | 'tool' | 'flow' | 'live' | 'pin' | 'supplychain';

/** Everything about a rule that is data: shown in docs, SARIF `tool.driver.rules` and reports. */
export interface RuleMeta<MessageIds extends string = string> {
  /** `<kind>/<kebab-name>`, equal to the file path under src/rules without extension. */
  id: string;
  title: string;
  /** Why this is dangerous, one short paragraph. */
  description: string;
  /** Default severity; a report may raise or lower it when confidence differs. */
  severity: Severity;
  category: string;
  /** ATT&CK technique ids and ATLAS ids, see docs/attack-mapping.md. */
  attack: readonly string[];
  remediation: string;
  /** Message templates keyed by id; `{{name}}` placeholders are filled from RuleReport.data. */
  messages: Record<MessageIds, string>;
}

/** What a rule's check returns: a message id plus data; the engine renders text and location. */
export interface RuleReport<MessageIds extends string = string> {
  messageId: MessageIds;
  data?: Record<string, string | number>;
  /** Overrides the rule's default severity for this report (confidence). */
  severity?: Severity;
  /**
   * The techniques this report is about, when narrower than the rule's (e.g. `cmd /c` is T1059.003,
   * not PowerShell). Must be a subset of `meta.attack`; defaults to all of them.
   */
  attack?: readonly string[];
  /** JSON pointer inside the subject, e.g. `/env/GITHUB_TOKEN` or `/inputSchema/properties/a/description`. */
  field?: string;
  line?: number;
  /** Overrides the subject's server (flow rules attribute findings to one of several servers). */
  server?: string;
  tool?: string;
  /** Offending text; redacted and truncated by the engine. */
  evidence?: string;
  /** Decoded hidden text; redacted and truncated by the engine. */
  decoded?: string;
  /** Unified diff of a change (pin rules); redacted and bounded by the engine. */
  diff?: string;
}

export interface Rule<Subject, Context, MessageIds extends string = string> {
  kind: RuleKind;
  meta: RuleMeta<MessageIds>;
  /** Pure: no I/O, no global state. Config rules may be async (secret detectors are). */
  check(subject: Subject, ctx: Context): RuleReport<MessageIds>[] | Promise<RuleReport<MessageIds>[]>;
}
