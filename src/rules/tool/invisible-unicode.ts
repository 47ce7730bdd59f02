/**
 * @fileoverview Invisible Unicode in metadata: tag characters and variation selectors that smuggle
 * text, bidi overrides that reorder it, zero-width characters between letters, and runs of
 * blank-looking fillers. Legitimate uses (emoji ZWJ sequences, flag tags, RTL marks) are allowed.
 */
import { instructionSignals } from '../../analysis/assess.js';
import type { AnalyzedDefinition } from '../../analysis/definition.js';
import { abbreviateInvisibleRuns } from '../../analysis/unicode.js';
import type { Severity } from '../../model/index.js';
import { defineRule } from '../define.js';
import type { RuleReport } from '../types.js';
import type { ToolRuleContext } from './types.js';
import { Atlas, Attack } from '../attack.js';

const TECHNIQUE_NAMES: Record<string, string> = {
  'unicode-tags': 'Unicode tag characters',
  'variation-selectors': 'variation selectors',
  'bidi-override': 'bidirectional override',
  'zero-width-interleaved': 'zero-width characters between letters',
};

export default defineRule<AnalyzedDefinition, ToolRuleContext, 'smuggled' | 'invisibleRun'>({
  kind: 'tool',
  meta: {
    id: 'tool/invisible-unicode',
    title: 'Invisible Unicode characters in tool metadata',
    description:
      'Unicode tag characters (U+E0000–E007F) and variation selectors can carry a whole instruction that no client displays but the model reads; bidi overrides make text read differently from how it looks; zero-width characters split words to dodge filters. None of these belong in a tool description.',
    severity: 'high',
    category: 'obfuscation',
    attack: [Atlas.PromptInjection, Attack.ObfuscatedFilesOrInformation, Attack.HideArtifacts],
    remediation: 'Treat the server as hostile. Read the decoded text in the finding; remove the server and report it.',
    messages: {
      smuggled: '{{where}} of "{{name}}" hides text with {{technique}}{{instruction}}.',
      invisibleRun: '{{where}} of "{{name}}" contains {{count}} invisible character(s) ({{codepoints}}) that no reader sees.',
    },
  },
  check(def) {
    const reports: RuleReport<'smuggled' | 'invisibleRun'>[] = [];
    for (const field of def.fields) {
      const inv = field.analysis.invisible;
      if (inv === undefined) continue;
      const smuggledViews = field.analysis.hidden.filter((h) => h.origin.kind === 'hidden' && h.origin.technique in TECHNIQUE_NAMES);
      if (smuggledViews.length > 0) {
        for (const v of smuggledViews) {
          if (v.origin.kind !== 'hidden') continue;
          const kinds = instructionSignals(v);
          const severity: Severity = kinds.length > 0 ? 'critical' : 'high';
          reports.push({
            messageId: 'smuggled' as const,
            data: { where: field.pointer, name: def.name || def.server, technique: TECHNIQUE_NAMES[v.origin.technique] ?? v.origin.technique, instruction: kinds.length > 0 ? ' that reads as an instruction to the model' : '' },
            severity,
            field: field.pointer,
            evidence: abbreviateInvisibleRuns(field.text.slice(Math.max(0, v.origin.start - 60), v.origin.end + 60)),
            decoded: v.text,
          });
        }
        continue;
      }
      const suspicious = inv.runs.filter((r) => r.benign === undefined);
      if (suspicious.length === 0) continue;
      const total = suspicious.reduce((n, r) => n + r.count, 0);
      const hasTags = suspicious.some((r) => r.kind === 'tag');
      const reorder = suspicious.some((r) => r.kind === 'bidi' && r.codePoints.some((c) => c === 0x202e || c === 0x202d || c === 0x2066 || c === 0x2067 || c === 0x2068));
      const longest = Math.max(...suspicious.map((r) => r.count));
      const severity: Severity = hasTags || reorder || longest >= 8 ? 'high' : total >= 3 ? 'medium' : 'low';
      const codepoints = [...new Set(suspicious.flatMap((r) => r.codePoints))].slice(0, 6).map((c) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`).join(', ');
      const first = suspicious[0];
      reports.push({
        messageId: 'invisibleRun' as const,
        data: { where: field.pointer, name: def.name || def.server, count: total, codepoints },
        severity,
        field: field.pointer,
        evidence: abbreviateInvisibleRuns(field.text.slice(Math.max(0, (first?.start ?? 0) - 60), (first?.end ?? 0) + 80)),
        decoded: field.analysis.visible.text,
      });
    }
    return reports;
  },
});
