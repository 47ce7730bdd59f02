import { createHash } from 'node:crypto';

/** The parts of a finding that identify it independently of line numbers and wording. */
export interface FingerprintParts {
  ruleId: string;
  messageId: string;
  file?: string;
  client?: string;
  server: string;
  tool?: string;
  field?: string;
  evidence?: string;
}

/**
 * Stable identity of a finding for baselines: survives line moves and message rewording, changes
 * when the rule, the place (file, server, tool, field) or the offending text changes.
 */
export function fingerprint(p: FingerprintParts): string {
  const h = createHash('sha256');
  for (const part of [p.ruleId, p.messageId, p.file ?? '', p.client ?? '', p.server, p.tool ?? '', p.field ?? '', p.evidence ?? '']) {
    h.update(part);
    h.update('\u0000');
  }
  return h.digest('hex').slice(0, 32);
}
