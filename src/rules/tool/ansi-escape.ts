/**
 * @fileoverview Terminal escape sequences in tool metadata: concealed or same-colour text, cursor
 * movement and line erasure that overwrite what was shown, hidden hyperlink targets.
 */
import { instructionSignals } from '../../analysis/assess.js';
import type { AnalyzedDefinition } from '../../analysis/definition.js';
import type { Severity } from '../../model/index.js';
import { defineRule } from '../define.js';
import type { RuleReport } from '../types.js';
import type { ToolRuleContext } from './types.js';
import { Atlas, Attack } from '../attack.js';

export default defineRule<AnalyzedDefinition, ToolRuleContext, 'hidden' | 'escapes'>({
  kind: 'tool',
  meta: {
    id: 'tool/ansi-escape',
    title: 'Terminal escape sequences in tool metadata',
    description:
      'ANSI escape sequences make a terminal hide text (SGR 8, foreground equal to background), move the cursor and erase what was printed, or show a link whose target differs. A user reviewing tools in a terminal sees something else than the model reads.',
    severity: 'high',
    category: 'obfuscation',
    attack: [Atlas.PromptInjection, Attack.ObfuscatedFilesOrInformation, Attack.HideArtifacts],
    remediation: 'Treat the server as hostile; the decoded text in the finding is what the model reads. Never print tool descriptions to a terminal without escaping control characters.',
    messages: {
      hidden: '{{where}} of "{{name}}" uses terminal escapes ({{effects}}) to hide text from people{{instruction}}.',
      escapes: '{{where}} of "{{name}}" contains terminal escape sequences ({{sequences}}).',
    },
  },
  check(def) {
    const reports: RuleReport<'hidden' | 'escapes'>[] = [];
    for (const field of def.fields) {
      const ansi = field.analysis.ansi;
      if (ansi === undefined || ansi.sequences.length === 0) continue;
      const hiddenViews = field.analysis.hidden.filter((h) => h.origin.kind === 'hidden' && h.origin.technique.startsWith('ansi-'));
      const shown = [...new Set(ansi.sequences.map((s) => s.shown))].slice(0, 5).join(' ');
      if (hiddenViews.length > 0) {
        const kinds = hiddenViews.flatMap((v) => instructionSignals(v));
        const effects = [...new Set(hiddenViews.map((v) => (v.origin.kind === 'hidden' ? v.origin.technique.replace('ansi-', '') : '')))].join(', ');
        const severity: Severity = kinds.length > 0 ? 'critical' : 'high';
        reports.push({
          messageId: 'hidden' as const,
          data: { where: field.pointer, name: def.name || def.server, effects, instruction: kinds.length > 0 ? ', and the hidden text instructs the model' : '' },
          severity,
          field: field.pointer,
          evidence: field.text.slice(0, 300),
          decoded: hiddenViews.map((v) => v.text).join(' | '),
        });
        continue;
      }
      const onlyCr = ansi.sequences.every((s) => s.shown === 'CR');
      reports.push({
        messageId: 'escapes' as const,
        data: { where: field.pointer, name: def.name || def.server, sequences: shown },
        severity: onlyCr ? ('low' as const) : ('medium' as const),
        field: field.pointer,
        evidence: field.text.slice(0, 300),
      });
    }
    return reports;
  },
});
