/**
 * @fileoverview Toxic flows across the servers of one client: the "lethal trifecta" (a tool that
 * reads untrusted content, a tool that reads private data, a tool that can send data out) and
 * untrusted content next to code execution.
 */
import { CAPABILITY_TITLES, capabilitiesOf, type Capability } from '../../analysis/capabilities.js';
import type { AnalyzedDefinition } from '../../analysis/definition.js';
import { atLeast, type Severity } from '../../model/index.js';
import { defineRule } from '../define.js';
import type { RuleReport } from '../types.js';
import type { FlowContext, FlowSubject } from './types.js';
import { Atlas, Attack } from '../attack.js';

function names(list: readonly AnalyzedDefinition[]): string {
  const shown = list.slice(0, 3).map((d) => `${d.server}/${d.name}`);
  return list.length > 3 ? `${shown.join(', ')} and ${list.length - 3} more` : shown.join(', ');
}

export default defineRule<FlowSubject, FlowContext, 'trifecta' | 'untrustedExec'>({
  kind: 'flow',
  meta: {
    id: 'flow/toxic-flow',
    title: 'Connected tools combine into a data-theft path',
    description:
      'Prompt injection needs three things to steal data: a tool that brings attacker-controlled text into the context (web pages, issues, e-mail), a tool that reads private data, and a tool that can send data out. When one client has all three, any injected text can chain them (the "lethal trifecta"). Untrusted content next to code execution is the same risk for the machine. This is a design-level risk, reported low unless a connected tool is itself poisoned.',
    severity: 'low',
    category: 'toxic-flow',
    attack: [Atlas.PromptInjection, Atlas.LlmDataLeakage, Attack.ExfiltrationOverWebService, Attack.CommandAndScriptingInterpreter],
    remediation:
      'Split these servers across clients or sessions, require approval for the sending or executing tools, or put a gateway in front that blocks sends after untrusted content was read.',
    messages: {
      trifecta: 'Client "{{client}}" combines untrusted input ({{untrusted}}), private data ({{privateData}}) and a way out ({{send}}).',
      untrustedExec: 'Client "{{client}}" lets untrusted input ({{untrusted}}) reach code execution ({{exec}}).',
    },
  },
  check(subject) {
    const tools = subject.definitions.filter((d) => d.kind === 'tool');
    const by: Record<Capability, AnalyzedDefinition[]> = { 'untrusted-input': [], 'private-data': [], 'external-send': [], 'code-exec': [], 'state-change': [] };
    for (const t of tools) {
      for (const c of capabilitiesOf({ name: t.name, description: t.description, annotations: t.annotations })) by[c].push(t);
    }
    const poisoned = subject.toolFindings.some((f) => atLeast(f.severity, 'medium') && f.ruleId.startsWith('tool/') && f.ruleId !== 'tool/malformed-definition');
    const severity: Severity = poisoned ? 'high' : 'low';
    const reports: RuleReport<'trifecta' | 'untrustedExec'>[] = [];
    const base = { server: '' };
    if (by['untrusted-input'].length > 0 && by['private-data'].length > 0 && by['external-send'].length > 0) {
      reports.push({
        ...base,
        messageId: 'trifecta',
        data: { client: subject.client, untrusted: names(by['untrusted-input']), privateData: names(by['private-data']), send: names(by['external-send']) },
        severity,
        evidence: `${CAPABILITY_TITLES['untrusted-input']}: ${names(by['untrusted-input'])}; ${CAPABILITY_TITLES['private-data']}: ${names(by['private-data'])}; ${CAPABILITY_TITLES['external-send']}: ${names(by['external-send'])}`,
      });
    }
    if (by['untrusted-input'].length > 0 && by['code-exec'].length > 0) {
      reports.push({
        ...base,
        messageId: 'untrustedExec',
        data: { client: subject.client, untrusted: names(by['untrusted-input']), exec: names(by['code-exec']) },
        severity,
        evidence: `${CAPABILITY_TITLES['untrusted-input']}: ${names(by['untrusted-input'])}; ${CAPABILITY_TITLES['code-exec']}: ${names(by['code-exec'])}`,
      });
    }
    return reports;
  },
});
