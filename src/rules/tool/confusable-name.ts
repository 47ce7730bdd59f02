/**
 * @fileoverview Tool names written with look-alike characters from other scripts, or with
 * invisible characters, so that they read as a trusted name ("ѕend_email") while being different.
 */
import type { AnalyzedDefinition } from '../../analysis/definition.js';
import { isInvisible, scriptsOf, skeleton } from '../../analysis/unicode.js';
import { defineRule } from '../define.js';
import type { ToolRuleContext } from './types.js';
import { Atlas, Attack } from '../attack.js';

export default defineRule<AnalyzedDefinition, ToolRuleContext, 'confusable' | 'invisible'>({
  kind: 'tool',
  meta: {
    id: 'tool/confusable-name',
    title: 'Tool name uses look-alike or invisible characters',
    description:
      'A tool named with Cyrillic or Greek letters that look Latin (or with zero-width characters) displays exactly like a trusted tool but is a different name: users approve it and models pick it believing it is the original. MCP tool names are meant to be plain ASCII identifiers.',
    severity: 'high',
    category: 'impersonation',
    attack: [Atlas.PromptInjection, Attack.Masquerading],
    remediation: 'Remove the server. Genuine tools use ASCII names (letters, digits, "_", "-", ".").',
    messages: {
      confusable: 'Tool name "{{shown}}" mixes scripts ({{scripts}}) and reads as "{{skeleton}}".',
      invisible: 'Tool name "{{shown}}" contains invisible characters.',
    },
  },
  check(def) {
    if (def.kind !== 'tool' && def.kind !== 'prompt') return [];
    const name = def.name;
     
    if (!/[^\x00-\x7f]/.test(name)) return [];
    // Raw: reporters show the invisible characters as escapes when they render (report/visible.ts).
    const shown = name;
    if ([...name].some((c) => isInvisible(c.codePointAt(0) ?? 0))) {
      return [{ messageId: 'invisible' as const, data: { shown }, field: '/name', evidence: shown }];
    }
    const scripts = scriptsOf(name);
    const skel = skeleton(name);
     
    const readsAscii = /^[\x00-\x7f]+$/.test(skel);
    if ((scripts.has('Latin') && scripts.size > 1) || (readsAscii && !scripts.has('Han') && !scripts.has('Hangul') && !scripts.has('Hiragana') && !scripts.has('Katakana'))) {
      return [{ messageId: 'confusable' as const, data: { shown, scripts: [...scripts].join('+'), skeleton: skel }, field: '/name', evidence: shown }];
    }
    return [];
  },
});
