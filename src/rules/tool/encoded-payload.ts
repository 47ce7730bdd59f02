/**
 * @fileoverview Encoded or disguised text (base64, hex, percent/unicode escapes, base32, binary,
 * Morse, ROT13/47, reversed, leetspeak, homoglyphs, enclosed letters) that decodes to instructions.
 */
import { assessCommandLure, assessCredentialHarvest, assessExfiltration, assessInjection, assessShadowing, instructionSignals } from '../../analysis/assess.js';
import type { AnalyzedDefinition } from '../../analysis/definition.js';
import type { TextView } from '../../analysis/text.js';
import type { Severity } from '../../model/index.js';
import { defineRule } from '../define.js';
import type { RuleReport } from '../types.js';
import { contextFor, strongest } from './helpers.js';
import type { ToolRuleContext } from './types.js';
import { Atlas, Attack } from '../attack.js';

/** Nothing decoded, no opaque blob, no disguised letters: skip before computing any signal. */
function decodedEmpty(a: { decoded: unknown[]; opaqueBlobs: unknown[]; disguisedWords: number; enclosedLetters: number }): boolean {
  return a.decoded.length === 0 && a.opaqueBlobs.length === 0 && a.disguisedWords < 2 && a.enclosedLetters < 6;
}

function encodingOf(view: TextView): string {
  return view.origin.kind === 'decoded' ? view.origin.encoding : 'encoded';
}

export default defineRule<AnalyzedDefinition, ToolRuleContext, 'decoded' | 'decodeHint' | 'homoglyphs' | 'enclosed'>({
  kind: 'tool',
  meta: {
    id: 'tool/encoded-payload',
    title: 'Encoded instructions in tool metadata',
    description:
      'Attackers encode injected instructions (base64, hex, URL escapes, ROT13, reversed text, look-alike letters from other scripts) so that keyword filters and human reviewers miss them, and add "decode and follow" for the model. mcp-warden decodes them and reads the result like any other text.',
    severity: 'high',
    category: 'obfuscation',
    attack: [Atlas.PromptInjection, Attack.ObfuscatedFilesOrInformation, Attack.DeobfuscateDecodeFilesOrInformation],
    remediation: 'Treat the server as hostile: there is no reason for a tool description to carry encoded instructions. The decoded text is in the finding.',
    messages: {
      decoded: '{{where}} of "{{name}}" contains {{encoding}} text that decodes to instructions{{reasons}}.',
      decodeHint: '{{where}} of "{{name}}" tells the model to decode an embedded {{encoding}} blob and follow it.',
      homoglyphs: '{{where}} of "{{name}}" writes {{count}} word(s) with look-alike letters from another script.',
      enclosed: '{{where}} of "{{name}}" spells text with enclosed or squared letter symbols.',
    },
  },
  check(def) {
    const reports: RuleReport<'decoded' | 'decodeHint' | 'homoglyphs' | 'enclosed'>[] = [];
    for (const field of def.fields) {
      const a = field.analysis;
      const decoded = a.decoded;
      if (decodedEmpty(a)) continue;
      const hint = a.visible.signals.has('decode-hint');
      if (decoded.length > 0) {
        const judged = strongest(decoded.map((v) => {
          const ctx = contextFor(def, field, v);
          const best = strongest([assessInjection(v, ctx), assessExfiltration(v, ctx), assessShadowing(v, ctx), assessCommandLure(v, ctx), assessCredentialHarvest(v, ctx, false)]);
          const kinds = instructionSignals(v);
          if (best === undefined && kinds.length === 0 && !hint) return undefined;
          // In content (results) the spliced view's instruction words are mostly the plain text
          // around an ordinary encoded string (a hex dump, an escaped URL): only the decoding's own count.
          const spliced = v.origin.kind === 'decoded' && v.origin.inline === true;
          const instruction = hint || (kinds.length > 0 && !(def.content && spliced));
          const severity: Severity = best !== undefined && (best.severity === 'critical' || best.severity === 'high') ? 'critical' : instruction ? 'high' : 'medium';
          return { severity, view: v, reasons: best?.reasons ?? [] };
        }));
        if (judged !== undefined) {
          reports.push({
            messageId: 'decoded' as const,
            data: { where: field.pointer, name: def.name || def.server, encoding: encodingOf(judged.view), reasons: judged.reasons.length > 0 ? ` (${judged.reasons.join('; ')})` : '' },
            severity: judged.severity,
            field: field.pointer,
            evidence: judged.view.origin.kind === 'decoded' ? judged.view.origin.source : field.text.slice(0, 200),
            decoded: judged.view.text,
          });
          continue;
        }
      }
      if (hint && a.opaqueBlobs.length > 0) {
        const blob = a.opaqueBlobs[0];
        reports.push({
          messageId: 'decodeHint' as const,
          data: { where: field.pointer, name: def.name || def.server, encoding: blob?.encoding ?? 'encoded' },
          severity: 'high' as const,
          field: field.pointer,
          evidence: blob?.source ?? '',
        });
        continue;
      }
      if (a.disguisedWords >= 2) {
        const kinds = instructionSignals(a.visible);
        reports.push({
          messageId: 'homoglyphs' as const,
          data: { where: field.pointer, name: def.name || def.server, count: a.disguisedWords },
          severity: kinds.length > 0 || (a.disguisedWords >= 4 && !def.content) ? ('high' as const) : ('medium' as const),
          field: field.pointer,
          evidence: field.text.slice(0, 200),
          decoded: a.visible.text,
        });
        continue;
      }
      if (a.enclosedLetters >= 6) {
        reports.push({
          messageId: 'enclosed' as const,
          data: { where: field.pointer, name: def.name || def.server },
          severity: instructionSignals(a.visible).length > 0 ? ('high' as const) : ('medium' as const),
          field: field.pointer,
          evidence: field.text.slice(0, 200),
          decoded: a.visible.text,
        });
      }
    }
    return reports;
  },
});
