/**
 * @fileoverview A description that admits to far more power than the tool's name suggests: a
 * colour picker that records keystrokes, a dice roller that e-mails on your behalf.
 */
import { assessExcessivePrivilege } from '../../analysis/assess.js';
import type { AnalyzedDefinition } from '../../analysis/definition.js';
import { defineRule } from '../define.js';
import type { RuleReport } from '../types.js';
import { defaultOnSideEffect, riskyBooleanDefault, statedPowerWhileReadOnly } from './default-effects.js';
import { assessViews, proseFields, proseViews, schemaFields } from './helpers.js';
import type { ToolRuleContext } from './types.js';
import { Atlas, Attack } from '../attack.js';
import { severityRank } from '../../model/index.js';

/** The tool's annotations tell the client it changes nothing (readOnlyHint) or destroys nothing (destructiveHint: false). */
function claimsHarmless(raw: unknown): boolean {
  const annotations = raw !== null && typeof raw === 'object' ? (raw as { annotations?: unknown }).annotations : undefined;
  if (annotations === null || typeof annotations !== 'object') return false;
  const a = annotations as Record<string, unknown>;
  return a['readOnlyHint'] === true || a['destructiveHint'] === false;
}

/** The parameter's text speaks of what a call does, not of the value. */
const CALL_EFFECT = new RegExp([
  '\\b(?:calling|invoking|using|running) this tool\\b',
  '\\b(?:each|every) (?:call|time (?:it|the tool|this tool) (?:is|runs))\\b',
  // "the server first grants …", "'standard' aborts uploads and deletes …", "when enabled, …"
  '\\bthe (?:server|tool|integration|service) (?:first |also |then |automatically )?[a-z]+s\\b',
  '[\'"`][\\w-]{1,30}[\'"`] (?:[a-z]+ly )?[a-z]+s\\b',
  '\\b(?:when|if) (?:enabled|set|true|on|selected|chosen)\\b',
  // "If the triage app lacks access, grant it the admin role": an order the tool carries out.
  '\\bif\\b[^.]{0,80}?,\\s(?:grant|add|give|assign|delete|remove|disable|make)\\b',
  // The effect outlives the call: "the grant is left in place", "assignments persist".
  '\\b(?:left|kept|remains?) in place\\b|\\bpersists?\\b',
].join('|'));

export default defineRule<AnalyzedDefinition, ToolRuleContext, 'excessive'>({
  kind: 'tool',
  meta: {
    id: 'tool/excessive-privilege',
    title: 'Tool claims far more power than its purpose needs',
    description:
      'Side effects buried in a description ("also uploads your workspace", "installs a background agent", "disables the firewall", "force-pushes and deletes other branches") run every time the model uses an innocent-looking tool. Approving the tool approves them too.',
    severity: 'high',
    category: 'excessive-privilege',
    attack: [Atlas.PromptInjection, Atlas.AgentToolInvocation, Attack.AbuseElevationControlMechanism, Attack.CreateOrModifySystemProcess, Attack.DataFromLocalSystem],
    remediation:
      'Do not approve the tool. Ask the maintainers why a tool of this kind needs these powers; prefer a server whose tools do only what their names say.',
    messages: {
      excessive: 'Tool "{{name}}" does far more than its name says: {{reasons}}.',
    },
  },
  check(def) {
    if (def.kind !== 'tool') return [];
    const reports: RuleReport<'excessive'>[] = [];
    const fields = [...proseFields(def).filter((f) => f.role === 'description' || f.role === 'title'), ...schemaFields(def).filter((f) => f.role === 'schema-description')];
    for (const field of fields) {
      // A tool annotated read-only that admits to deleting or granting contradicts itself whatever its
      // name ("cleanup_idle_resources" that terminates resources "as part of the scan").
      const harmless = claimsHarmless(def.raw);
      const a = assessViews(def, field, proseViews(field), (v, c) => assessExcessivePrivilege(v, harmless ? { ...c, name: '' } : c));
      if (a === undefined) continue;
      // A parameter's description says what the value means; a power there counts when it is what
      // calling the tool does, or outlives the call ("for all future sessions").
      if (field.inSchema && !(a.view.signals.has('preempt') || a.view.signals.has('side-effect') || CALL_EFFECT.test(a.view.signals.lower))) continue;
      // Clients may run a tool annotated read-only or non-destructive without asking: a power it
      // admits to is then also a false claim to the client.
      const reasons = claimsHarmless(def.raw) ? [...a.reasons, 'while annotated as read-only or non-destructive'] : a.reasons;
      const severity = claimsHarmless(def.raw) && severityRank(a.severity) < severityRank('high') ? 'high' : a.severity;
      reports.push({ messageId: 'excessive' as const, data: { name: def.name, reasons: reasons.join(', ') }, severity, field: field.pointer, evidence: a.evidence });
    }
    // An allowance of 2^256-1 by default: the wallet-drainer's "unlimited approval", whatever the tool says it does.
    const unlimited = schemaFields(def).find((f) => (f.role === 'schema-default' || f.role === 'schema-const') && UNLIMITED_ALLOWANCE.test(f.text.trim()));
    if (unlimited !== undefined) reports.push({ messageId: 'excessive' as const, data: { name: def.name, reasons: 'approves an unlimited token allowance by default' }, severity: 'high', field: unlimited.pointer, evidence: unlimited.text });
    const exposed = publicDespitePrivateClaim(def);
    if (exposed !== undefined) reports.push({ messageId: 'excessive' as const, data: { name: def.name, reasons: `shares publicly by default ("${exposed.value}") while what it shares is private or secret` }, severity: 'high', field: exposed.pointer, evidence: exposed.value });
    const onByDefault = defaultOnSideEffect(def);
    if (onByDefault !== undefined) {
      const claim = onByDefault.readOnly ? 'annotated as read-only' : 'annotated as non-destructive';
      reports.push({ messageId: 'excessive' as const, data: { name: def.name, reasons: `the default of its parameter "${onByDefault.property}" makes every call do more ("${onByDefault.effect}") although the tool is ${claim}` }, severity: onByDefault.readOnly ? 'high' : 'medium', field: onByDefault.pointer, evidence: onByDefault.effect });
    }
    const risky = riskyBooleanDefault(def);
    if (risky !== undefined) {
      const reasons = risky.kind === 'safeguard' ? `turns a safeguard off by default ("${risky.property}": true)` : `destroys by default ("${risky.property}": true) although the tool is annotated as non-destructive`;
      reports.push({ messageId: 'excessive' as const, data: { name: def.name, reasons }, severity: 'medium', field: risky.pointer, evidence: risky.property });
    }
    const power = reports.length === 0 ? statedPowerWhileReadOnly(def) : undefined;
    if (power !== undefined) reports.push({ messageId: 'excessive' as const, data: { name: def.name, reasons: `is annotated as read-only, yet says "${power}"` }, severity: 'high', field: '/description', evidence: power });
    const broad = broadScopeDefault(def);
    if (broad !== undefined) {
      const reasons = [`asks for broad permissions by default (${broad.scopes.slice(0, 4).join(', ')}${broad.scopes.length > 4 ? ', …' : ''})`, ...(claimsHarmless(def.raw) ? ['while annotated as read-only or non-destructive'] : [])];
      reports.push({ messageId: 'excessive' as const, data: { name: def.name, reasons: reasons.join(', ') }, severity: claimsHarmless(def.raw) ? 'high' : 'medium', field: broad.pointer, evidence: broad.scopes.join(' ') });
    }
    return reports;
  },
});

/** 2^256-1 in decimal or hex: the largest ERC-20 allowance, i.e. unlimited spending. */
const UNLIMITED_ALLOWANCE = /^(?:115792089237316195423570985008687907853269984665640564039457584007913129639935|0x[fF]{64})$/;

/** A parameter that names the permissions or OAuth scopes a tool asks for. */
const SCOPE_PARAM = /scope|permission|ambit|access|oauth|grant|berechtigung|permiss|izin|akses|rechten|uprawnie|הרשא|権限|권한|权限/i;
/** A scope that writes, charges, reads messages or tracks, or a wildcard: "registro:*:rw", "saved_card:charge", "sms:read", "posizione:always". */
const RISKY_SCOPE = /^(?:\*|[\w.-]+:\*(?::[\w-]+)?|[\w.-]+[:.](?:rw|read_?write|write|admin|modify|delete|charge|manage|full|all)|(?:sms|messages|contacts?|rubrica|calls?|location|posizione|microphone|camera)[:._](?:read|always|rw|all)|[\w.-]+[:.]always)$/;

/**
 * The default of a permissions parameter that asks for much at once (three risky scopes or more, or a
 * wildcard that writes): a grades viewer wanting read-write on the whole school register, mail and
 * the parent's location.
 */
function broadScopeDefault(def: AnalyzedDefinition): { pointer: string; scopes: string[] } | undefined {
  const byProperty = new Map<string, { pointer: string; scopes: Set<string> }>();
  for (const field of schemaFields(def)) {
    if (field.role !== 'schema-default') continue;
    const base = field.pointer.replace(/\/default(?:\/\d+)?$/, '');
    const property = /\/properties\/([^/]+)$/.exec(base)?.[1] ?? '';
    if (!SCOPE_PARAM.test(property)) continue;
    const entry = byProperty.get(base) ?? { pointer: field.pointer, scopes: new Set<string>() };
    for (const token of field.text.split(/[\s,;]+/)) if (RISKY_SCOPE.test(token.toLowerCase())) entry.scopes.add(token);
    byProperty.set(base, entry);
  }
  for (const { pointer, scopes } of byProperty.values()) {
    const list = [...scopes];
    if (list.length >= 3 || list.some((t) => /:\*:(?:rw|write)|^\*$/.test(t.toLowerCase()))) return { pointer, scopes: list };
  }
  return undefined;
}

/** A parameter that sets who can see what the tool creates or shares. */
const AUDIENCE_PARAM = /visib|audience|sharing|share_?with|privacy|who_?can|exposure|acl\b|link_?access|access_?level/i;
/** A value that lets anyone see it. */
const PUBLIC_VALUE = /^(?:public|anyone(?:[_ -]with[_ -](?:the[_ -])?link)?|everyone|world|internet|unlisted|open)$/i;
/** A boolean parameter that publishes when true. */
const PUBLISH_FLAG = /^(?:is_?)?public$|^make_?public$|^publish(?:_?publicly)?$/i;
/** The title or description promising that what the tool makes stays private. */
const PRIVATE_CLAIM = /\bprivate(?:ly)?\b|\b(?:visible|accessible) only to (?:you|the (?:requester|owner|user))\b|\bonly (?:you|the (?:requester|owner)) can (?:see|view|open)\b|\bnot (?:shared|public(?:ly)? (?:visible|accessible|listed))\b/i;
/** What the tool says it shares is a secret or one person's record ("a password-manager item", "an applicant's admissions packet"): private whatever the description promises. */
const SECRET_SUBJECT = /\b(?:passwords?|credentials?|secure notes?|vault items?|api keys?|recovery codes?|private keys?|secrets?)\b|\b(?:an? )?(?:applicant|patient|student|employee|candidate)['\u2019]s (?:[\w-]+ )?(?:packet|file|record|records|application|chart|transcript|dossier)\b/i;
/** A choice between audiences is no promise: "public or private repositories". */
const AUDIENCE_CHOICE = /\b(?:public|org|team|internal)\s?(?:or|\/|,)\s?private\b|\bprivate\s?(?:or|\/|,)\s?(?:public|org|team|internal)\b/gi;

/**
 * A default that makes what the tool shares public while its title or description calls it
 * private: a "private preview link" whose visibility defaults to "public".
 */
function publicDespitePrivateClaim(def: AnalyzedDefinition): { pointer: string; value: string } | undefined {
  const claims = SECRET_SUBJECT.test(def.purpose) || proseFields(def).some((f) => (f.role === 'title' || f.role === 'description') && PRIVATE_CLAIM.test(f.text.replace(AUDIENCE_CHOICE, ' ')));
  if (!claims) return undefined;
  for (const field of schemaFields(def)) {
    if (field.role !== 'schema-default') continue;
    const property = /\/properties\/([^/]+)\/default$/.exec(field.pointer)?.[1] ?? '';
    const value = field.text.trim();
    if (AUDIENCE_PARAM.test(property) && PUBLIC_VALUE.test(value)) return { pointer: field.pointer, value };
  }
  // Boolean defaults are not text fields: read the top-level properties.
  const schema = (def.raw as { inputSchema?: { properties?: unknown } } | null)?.inputSchema;
  const properties = schema !== null && typeof schema === 'object' ? schema.properties : undefined;
  if (properties === null || typeof properties !== 'object') return undefined;
  for (const [name, spec] of Object.entries(properties as Record<string, unknown>)) {
    if (PUBLISH_FLAG.test(name) && spec !== null && typeof spec === 'object' && (spec as { default?: unknown }).default === true) return { pointer: `/inputSchema/properties/${name.replace(/~/g, "~0").replace(/\//g, "~1")}/default`, value: "true" };
  }
  return undefined;
}
