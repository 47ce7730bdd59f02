/**
 * @fileoverview Shared plumbing for tool rules: which fields are prose, which views of a field a
 * rule reads, the assessment context of a field, and picking the strongest result per field.
 */
import type { AssessContext, Assessment } from '../../analysis/assess.js';
import type { AnalyzedDefinition, AnalyzedField } from '../../analysis/definition.js';
import type { TextView } from '../../analysis/text.js';
import { severityRank, type Severity } from '../../model/index.js';

const PROSE_ROLES = new Set(['description', 'title', 'instructions', 'annotation', 'prompt-argument', 'other']);
const MARKUP_TECHNIQUES = new Set(['html-comment', 'details', 'hidden-element', 'link-title', 'reference-definition', 'below-the-fold']);

// Every rule asks for the same filtered fields, views and contexts: they are built once and kept
// on the analysed objects (memo fields), which live as long as the scan.

/** Text fields a person reads as prose outside the schemas (descriptions, titles, instructions). */
export function proseFields(def: AnalyzedDefinition): AnalyzedField[] {
  def.proseFields ??= def.fields.filter((f) => !f.inSchema && PROSE_ROLES.has(f.role));
  return def.proseFields;
}

/** Fields inside the input/output schema (everything but `type`, `format` and similar keywords). */
export function schemaFields(def: AnalyzedDefinition): AnalyzedField[] {
  def.schemaFields ??= def.fields.filter((f) => f.inSchema && f.role !== 'schema-pattern');
  return def.schemaFields;
}

/** The visible text plus hidden markup (comments, collapsed blocks): what the model reads as prose. */
export function proseViews(field: AnalyzedField): readonly TextView[] {
  const a = field.analysis;
  // Hidden blocks first: on a tie the finding then shows the hidden text, which is the news.
  a.proseViews ??= a.hidden.length === 0 ? [a.visible] : [...a.hidden.filter((h) => h.origin.kind === 'hidden' && MARKUP_TECHNIQUES.has(h.origin.technique)), a.visible];
  return a.proseViews;
}

/** For a description inside `properties`, the name of the property it describes. */
export function describedProperty(pointer: string): string | undefined {
  if (pointer.indexOf('/properties/') < 0 && pointer.indexOf('/additionalProperties/') < 0) return undefined;
  const m = /\/properties\/([^/]+)\/(?:description|title|markdownDescription|default|examples|const|\$comment|enum|enumDescriptions)(?:\/\d+)?$/.exec(pointer);
  if (m?.[1] !== undefined) return m[1].replace(/~1/g, '/').replace(/~0/g, '~');
  if (/\/additionalProperties\/description$/.test(pointer)) return '(additional properties)';
  return undefined;
}

/** Whether the property a schema field describes can hold text (false for booleans, numbers and integers). */
function holdsText(raw: unknown, pointer: string): boolean {
  const m = /^(.*\/properties\/[^/]+)\/[^/]+(?:\/\d+)?$/.exec(pointer);
  if (m?.[1] === undefined) return true;
  let node: unknown = raw;
  for (const seg of m[1].split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return true;
    node = (node as Record<string, unknown>)[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  if (node === null || typeof node !== 'object') return true;
  const type = (node as Record<string, unknown>)['type'];
  const types = Array.isArray(type) ? type : [type];
  return !types.every((t) => t === 'boolean' || t === 'integer' || t === 'number' || t === 'null');
}

export function contextFor(def: AnalyzedDefinition, field: AnalyzedField, view: TextView): AssessContext {
  const hidden = view.origin.kind !== 'visible';
  const memo = (field.contexts ??= {});
  const cached = hidden ? memo.hidden : memo.visible;
  if (cached !== undefined) return cached;
  const ctx: AssessContext = { name: def.name, params: def.params, purpose: def.purpose, inSchema: field.inSchema, hidden };
  const prop = field.inSchema ? describedProperty(field.pointer) : undefined;
  // A flag or a number cannot carry text out: its description names no sink of its own.
  if (prop !== undefined && holdsText(def.raw, field.pointer)) ctx.property = prop;
  if (def.content) ctx.content = true;
  if (hidden) memo.hidden = ctx;
  else memo.visible = ctx;
  return ctx;
}

/** The most severe of several assessments (first wins on ties). */
export function strongest<T extends { severity: Severity }>(items: ReadonlyArray<T | undefined>): T | undefined {
  let best: T | undefined;
  for (const it of items) if (it !== undefined && (best === undefined || severityRank(it.severity) > severityRank(best.severity))) best = it;
  return best;
}

/** Assessment of the strongest view of one field, with the view it came from. */
export function assessViews(def: AnalyzedDefinition, field: AnalyzedField, views: readonly TextView[], assess: (view: TextView, ctx: AssessContext) => Assessment | undefined): (Assessment & { view: TextView }) | undefined {
  let best: (Assessment & { view: TextView }) | undefined;
  for (const v of views) {
    const a = assess(v, contextFor(def, field, v));
    if (a !== undefined && (best === undefined || severityRank(a.severity) > severityRank(best.severity))) best = { ...a, view: v };
  }
  return best;
}

/** Words for where hidden text came from, for messages. */
export function describeOrigin(view: TextView): string {
  const o = view.origin;
  if (o.kind === 'visible') return 'visible text';
  if (o.kind === 'hidden') return o.technique.replace(/-/g, ' ');
  return `${o.encoding}-encoded text${o.within ? ` inside ${o.within.replace(/-/g, ' ')}` : ''}`;
}
