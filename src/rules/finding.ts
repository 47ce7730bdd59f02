import { fingerprint, type Finding, type FindingLocation } from '../model/index.js';
import { redactSecrets } from '../analysis/secrets.js';
import type { RuleMeta, RuleReport } from './types.js';

/** Longest evidence kept in a finding; the point is to show the text, not to copy payloads. */
export const MAX_EVIDENCE_CHARS = 400;

/** Longest diff kept in a finding (pin rules bound their diffs by lines already). */
export const MAX_DIFF_CHARS = 16_000;

function clipDiff(text: string): string {
  return text.length <= MAX_DIFF_CHARS ? text : `${text.slice(0, MAX_DIFF_CHARS)}\n… (diff cut at ${MAX_DIFF_CHARS} chars)`;
}

/** Fills `{{name}}` placeholders; unknown placeholders stay visible so a broken template is noticed. */
export function renderMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(data, key) ? String(data[key]) : whole,
  );
}

function clip(text: string): string {
  return text.length <= MAX_EVIDENCE_CHARS ? text : `${text.slice(0, MAX_EVIDENCE_CHARS)}… (${text.length} chars)`;
}

/** Turns a rule's report into a Finding: message rendered, evidence redacted and clipped, fingerprint set. */
export function toFinding(meta: RuleMeta, report: RuleReport, base: FindingLocation): Finding {
  const location: FindingLocation = { ...base };
  if (report.server !== undefined) location.server = report.server;
  if (report.tool !== undefined) location.tool = report.tool;
  if (report.field !== undefined) location.field = report.field;
  if (report.line !== undefined) location.line = report.line;
  const template = meta.messages[report.messageId];
  if (template === undefined) throw new Error(`${meta.id}: unknown messageId "${report.messageId}"`);
  const outside = report.attack?.filter((id) => !meta.attack.includes(id)) ?? [];
  if (outside.length > 0) throw new Error(`${meta.id}: report attack ids ${outside.join(', ')} are not in meta.attack`);
  const data = Object.fromEntries(
    Object.entries(report.data ?? {}).map(([k, v]) => [k, typeof v === 'string' ? redactSecrets(v) : v]),
  );
  const evidence = report.evidence === undefined ? undefined : clip(redactSecrets(report.evidence));
  const decoded = report.decoded === undefined ? undefined : clip(redactSecrets(report.decoded));
  const finding: Finding = {
    ruleId: meta.id,
    messageId: report.messageId,
    title: meta.title,
    severity: report.severity ?? meta.severity,
    category: meta.category,
    attack: [...(report.attack ?? meta.attack)],
    message: renderMessage(template, data),
    remediation: meta.remediation,
    location,
    fingerprint: fingerprint({
      ruleId: meta.id,
      messageId: report.messageId,
      file: location.file,
      client: location.client,
      server: location.server,
      tool: location.tool,
      field: location.field,
      evidence,
    }),
  };
  if (evidence !== undefined) finding.evidence = evidence;
  if (decoded !== undefined) finding.decoded = decoded;
  if (report.diff !== undefined) finding.diff = clipDiff(redactSecrets(report.diff));
  return finding;
}
