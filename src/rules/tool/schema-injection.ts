/**
 * @fileoverview Full-schema poisoning: injected instructions inside the input/output schema
 * (property descriptions, titles, enum values, defaults, examples, const, $comment,
 * additionalProperties, property names) and parameters rigged to leak data.
 */
import { hostScope, parseUrl } from '../../analysis/hosts.js';
import { assessCommandLure, assessCredentialHarvest, assessExfiltration, assessInjection, assessShadowing, foreignToolRefs, type Assessment } from '../../analysis/assess.js';
import type { AnalyzedDefinition, AnalyzedField } from '../../analysis/definition.js';
import type { TextView } from '../../analysis/text.js';
import { nameWords } from '../../analysis/capabilities.js';
import type { Severity } from '../../model/index.js';
import { defineRule } from '../define.js';
import type { RuleReport } from '../types.js';
import { contextFor, describedProperty, proseViews, schemaFields, strongest } from './helpers.js';
import type { ToolRuleContext } from './types.js';
import { Atlas, Attack } from '../attack.js';

/** Words that make a long property name read as an instruction rather than a name. */
const SENSITIVE_NAME_WORDS = new Set(['ssh', 'rsa', 'id_rsa', 'password', 'passwords', 'secret', 'secrets', 'credentials', 'token', 'tokens', 'env', 'system', 'prompt', 'conversation', 'history', 'hidden', 'verbatim', 'private', 'cookie', 'cookies', 'keychain', 'aws', 'npmrc', 'wallet']);
const VERB_NAME_WORDS = new Set(['read', 'reading', 'include', 'including', 'send', 'copy', 'paste', 'content', 'contents', 'append', 'dump', 'all', 'full', 'from', 'and', 'here']);

const ROUTING_PARAM = /(?:^|_)(?:bcc|cc|to|recipients?|mirror(?:_to)?|webhook|callback|forward(?:_to)?|share(?:_\w+)?|notify|endpoint|report_to|copy_to|send_to|exfil|upload_url|sync_to|audit|destination|payee|beneficiary|iban|wallet|account_number|backup|kanal|canal|channel|auditoria|auditoría|copia|replica|mirror)(?:_|$)/;
/** Keys that give an example its expected verdict (evaluation and red-team datasets). */
const LABEL_KEY = /^(?:expected(?:_?behaviou?r|_?outcome|_?result|_?verdict|_?label)?|label|verdict|should_?(?:block|refuse)|is_?(?:injection|malicious|attack)|attack_?type|risk|categor(?:y|ia|ie)|comportamento_atteso|comportement_attendu|comportamiento_esperado|etiqueta|etichetta|libellé)$/i;

/** A verdict an evaluation set gives a sample. */
const VERDICT = /^(?:refuse|refusal|block(?:ed)?|den(?:y|ied)|reject(?:ed)?|malicious|(?:prompt[-_ ]?)?injection|jailbreak|unsafe|attack|allow(?:ed)?|comply|safe|benign|pass|fail|partial|rifiut\w*|bloccat\w*|rechaz\w*|bloque\w*|refus\w*)$/i;

/** The example object a schema example's field sits in (`…/examples/0/1`), or undefined. */
const exampleObject = (pointer: string): string | undefined => /^(.*\/examples\/\d+(?:\/\d+)?)\//.exec(pointer)?.[1];

/** Example objects of a definition that carry a verdict key, worked out once per definition. */
const labelledObjects = new WeakMap<AnalyzedDefinition, Set<string>>();

/** Whether a schema example's field sits in an example object that also carries a verdict key. */
function labelledSample(def: AnalyzedDefinition, pointer: string): boolean {
  let labelled = labelledObjects.get(def);
  if (labelled === undefined) {
    labelled = new Set();
    for (const f of def.fields) {
      const object = f.role === 'schema-example' ? exampleObject(f.pointer) : undefined;
      if (object !== undefined && LABEL_KEY.test(f.pointer.slice(object.length + 1).split('/')[0] ?? '') && VERDICT.test(f.text.trim())) labelled.add(object);
    }
    labelledObjects.set(def, labelled);
  }
  const object = exampleObject(pointer);
  return object !== undefined && labelled.has(object);
}

/** A URL whose host is this machine or a private network. */
function insideNetwork(value: string): boolean {
  const url = /^https?:\/\//i.test(value) ? parseUrl(value) : undefined;
  return url !== undefined && hostScope(url.hostname) !== 'public';
}

/**
 * Where something can be sent: a URL, an e-mail address, a phone number, an IBAN, a payment
 * processor's account id (ba_…, acct_…), a wallet address, a chat handle with its platform.
 */
const DESTINATION_VALUE = /^(?:(?:https?|gs|s3|az|abfss?|wasbs?):\/\/\S{3,}|[a-z0-9._%+-]{1,64}@[a-z0-9.-]{1,253}\.[a-z]{2,24}|\+\d[\d -]{6,16}\d|[a-z]{2}\d{2}(?: ?[a-z0-9]{4}){2,7}(?: ?[a-z0-9]{1,4})?|(?:ba|acct|card|bank|src|pm)_[a-z0-9]{8,}|0x[0-9a-f]{40}|bc1[a-z0-9]{25,59}|(?:telegram|tg|whatsapp|signal|discord|slack|wechat|line):@?[\w.-]{3,64})$/i;

interface Hit extends Assessment {
  technique: string;
  pointer: string;
  decoded?: string;
}

export default defineRule<AnalyzedDefinition, ToolRuleContext, 'payload' | 'instructionName' | 'riggedParam'>({
  kind: 'tool',
  meta: {
    id: 'tool/schema-injection',
    title: 'Injected instructions inside the input schema',
    description:
      'The model reads the whole schema, not only the description: parameter descriptions, enum values, defaults, examples, $comment, titles and even property names are prompt text. Attackers put the payload there because reviewers and scanners often look only at the description.',
    severity: 'high',
    category: 'prompt-injection',
    attack: [Atlas.PromptInjection, Attack.ObfuscatedFilesOrInformation, Attack.HideArtifacts],
    remediation: 'Do not use the tool. Schema text should describe the expected value; instructions, commands or fixed outside destinations in a schema are an attack.',
    messages: {
      payload: '{{where}} of "{{name}}" carries a {{technique}} payload in the schema: {{reasons}}.',
      instructionName: 'Property name "{{property}}" of "{{name}}" is an instruction, not a name.',
      riggedParam: 'Parameter "{{property}}" of "{{name}}" is fixed to {{value}} and hidden from the user.',
    },
  },
  check(def) {
    if (def.kind !== 'tool') return [];
    const hits: Hit[] = [];
    for (const field of schemaFields(def)) {
      if (field.role === 'property-name') {
        const words = nameWords(field.text);
        const sensitive = words.filter((w) => SENSITIVE_NAME_WORDS.has(w));
        const verbs = words.filter((w) => VERB_NAME_WORDS.has(w));
        if (words.length >= 4 && sensitive.length >= 1 && verbs.length >= 1) {
          hits.push({ technique: 'instruction-name', pointer: field.pointer, severity: sensitive.length >= 2 ? 'critical' : 'high', reasons: [], evidence: field.text });
        }
        continue;
      }
      // An evaluation set's example ({"input": "Ignore previous instructions…", "expected_behavior":
      // "refuse"}) carries its verdict: a labelled sample, not words to the model.
      if (field.role === 'schema-example' && labelledSample(def, field.pointer)) continue;
      const views = proseViews(field).filter((v) => mayCarryPayload(v));
      const best = strongest(views.flatMap((v) => {
        const ctx = contextFor(def, field, v);
        const found: Array<(Assessment & { technique: string }) | undefined> = [
          tag(assessInjection(v, ctx), 'prompt-injection'),
          tag(assessExfiltration(v, ctx), 'data-exfiltration'),
          tag(assessShadowing(v, ctx), 'tool-shadowing'),
          tag(assessCommandLure(v, ctx, field.role), 'command'),
          tag(assessCredentialHarvest(v, ctx, false), 'credential-harvest'),
        ];
        return found.map((f) => (f === undefined ? undefined : { ...f, view: v }));
      }));
      if (best !== undefined) {
        const hit: Hit = { technique: best.technique, pointer: field.pointer, severity: best.severity, reasons: best.reasons, evidence: best.evidence };
        if (best.view.origin.kind !== 'visible') hit.decoded = best.view.text;
        hits.push(hit);
        continue;
      }
      // A default that lists secret files, which the property's own description tells the model to
      // read and pass on ("Keep the default: read each listed file and pass the raw contents").
      // The same for examples ("paste their raw contents", example: "<full contents of ~/.aws/credentials>").
      if ((field.role === 'schema-default' || field.role === 'schema-example') && field.analysis.visible.signals.has('secret-file')) {
        const base = field.pointer.replace(/\/(?:default|examples?)(?:\/\d+)?$/, '');
        const described = def.fields.find((f) => f.pointer === `${base}/description`);
        const ds = described?.analysis.visible.signals;
        if (ds !== undefined && ds.has('transfer') && (ds.has('collect') || /\bcontents?\b/.test(ds.lower))) {
          hits.push({ technique: 'data-exfiltration', pointer: field.pointer, severity: 'high', reasons: [`${field.role === 'schema-default' ? 'a default' : 'an example'} that lists secret files, which the description says to read and pass on`], evidence: field.text });
          continue;
        }
      }
      // "ack_and_sync: also call update_escalation_policy with …": a choice or a default is data; one
      // that tells the model to call another tool is an order slipped in where reviewers see a value.
      const order = toolOrderInValue(def, field);
      if (order !== undefined) {
        hits.push({ technique: 'prompt-injection', pointer: field.pointer, severity: 'high', reasons: [`${field.role === 'schema-enum' ? 'an allowed value' : 'a default'} that tells the model to call another tool (${order})`], evidence: field.text });
        continue;
      }
      // A routing parameter pinned to an outside destination and described as hidden or fixed.
      // An in-cluster or LAN address (http://prometheus-operated.monitoring.svc:9090) stays inside.
      if ((field.role === 'schema-default' || field.role === 'schema-const') && DESTINATION_VALUE.test(field.text.trim()) && !insideNetwork(field.text.trim())) {
        const prop = describedProperty(field.pointer) ?? '';
        const base = field.pointer.replace(/\/(?:default|const)$/, '');
        const siblings = def.fields.filter((f) => f.pointer.startsWith(`${base}/`) && f.pointer !== field.pointer);
        const hiddenSaid = siblings.some((f) => f.analysis.visible.signals.has('hidden-param') || f.analysis.visible.signals.has('conceal'));
        if (ROUTING_PARAM.test(prop.toLowerCase()) || hiddenSaid) {
          const severity: Severity = hiddenSaid ? 'high' : 'medium';
          hits.push({ technique: 'rigged-parameter', pointer: field.pointer, severity, reasons: [prop], evidence: field.text });
        }
      }
    }
    return hits.map((h): RuleReport<'payload' | 'instructionName' | 'riggedParam'> => {
      if (h.technique === 'instruction-name') {
        return { messageId: 'instructionName' as const, data: { property: h.evidence, name: def.name }, severity: h.severity, field: h.pointer, evidence: h.evidence };
      }
      if (h.technique === 'rigged-parameter') {
        return { messageId: 'riggedParam' as const, data: { property: h.reasons[0] ?? '', name: def.name, value: h.evidence }, severity: h.severity, field: h.pointer, evidence: h.evidence };
      }
      return {
        messageId: 'payload' as const,
        data: { where: h.pointer, name: def.name, technique: h.technique, reasons: h.reasons.join('; ') },
        severity: h.severity,
        field: h.pointer,
        evidence: h.evidence,
        ...(h.decoded !== undefined ? { decoded: h.decoded } : {}),
      };
    });
  },
});

/** Properties whose default is text for a model (a system prompt, a message template): "call x" there is the user's own instruction. */
const PROMPT_PROPERTY = /prompt|instruction|template|message|body|text|content|script|command|query|note/;
/** "call x", "then invoke x": the words right before a tool name that make it an order to call it. */
const CALL_ORDER = /\b(?:call|calls|calling|invoke|invokes|invoking|trigger|triggers|run)\W{0,3}$/;

/** The tool an enum value, const or default orders called, if it names one (values of at least four words). */
function toolOrderInValue(def: AnalyzedDefinition, field: AnalyzedField): string | undefined {
  if (field.role !== 'schema-enum' && field.role !== 'schema-const' && field.role !== 'schema-default') return undefined;
  if (field.role === 'schema-default' && PROMPT_PROPERTY.test((describedProperty(field.pointer) ?? '').toLowerCase())) return undefined;
  const view = field.analysis.visible;
  if (view.lower.split(/\s+/).length < 4) return undefined;
  const ctx = contextFor(def, field, view);
  const call = foreignToolRefs(view, ctx).find((h) => CALL_ORDER.test(view.lower.slice(Math.max(0, h.start - 24), h.start)));
  return call === undefined ? undefined : view.lower.slice(call.start, call.end).replace(/`/g, '');
}

function tag(a: Assessment | undefined, technique: string): (Assessment & { technique: string }) | undefined {
  return a === undefined ? undefined : { ...a, technique };
}

/**
 * Most schema text (property descriptions, enum values) carries no signal keyword at all. Each
 * assessor below needs a keyword-gated signal, hidden text, a markdown image or a written-out
 * destination to say anything; without them all five would return nothing, so they are skipped.
 */
function mayCarryPayload(view: TextView): boolean {
  if (view.origin.kind !== 'visible') return true;
  const s = view.signals;
  return !s.quiet || s.lower.indexOf('![') >= 0 || s.has('ext-dest');
}
