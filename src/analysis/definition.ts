/**
 * @fileoverview Turns a ServerSnapshot into analysed definitions: one per tool, prompt, resource
 * and resource template, plus one for the server's instructions. Each carries every text field
 * (with JSON pointer) already normalised, so rules never re-parse text.
 */
import type { ServerSnapshot } from '../model/index.js';
import { firstSentence, nameWords } from './capabilities.js';
import { propertyNames, walkDefinition, type TextField } from './fields.js';
import type { AssessContext } from './assess.js';
import { analyzeText, type TextAnalysis } from './text.js';

export type DefinitionKind = 'tool' | 'prompt' | 'resource' | 'resource-template' | 'server';

export interface AnalyzedField extends TextField {
  analysis: TextAnalysis;
  /** Memo of the rules' helpers: the assessment contexts of this field (visible text, hidden text). */
  contexts?: { visible?: AssessContext; hidden?: AssessContext };
}

export interface AnalyzedDefinition {
  kind: DefinitionKind;
  /** Server name exactly as given. */
  server: string;
  /** Tool/prompt/resource name ('' for the server's instructions). */
  name: string;
  /** Present for tools: the name findings use as `location.tool`. */
  tool?: string;
  fields: AnalyzedField[];
  /** Every property name declared in the tool's schemas. */
  params: Set<string>;
  /** Words of the name plus the first sentence of the description: what the tool says it is for. */
  purpose: string;
  description: string;
  /** The definition as received (for structural checks). */
  raw: unknown;
  /**
   * Names of every tool of the same server, this one included (one array shared by all of the
   * server's definitions: a per-tool copy without its own name would be quadratic in tool count).
   */
  serverTools: readonly string[];
  /**
   * The texts are content a tool returned (a result, a resource's contents), not a server's own
   * metadata: documentation, code and logs mention functions, options, overrides and links all the
   * time, so the assessors ask for stronger evidence (AssessContext.content).
   */
  content?: boolean;
  annotations?: Record<string, unknown>;
  /** Memo of the rules' helpers: the prose and schema fields, filtered once. */
  proseFields?: AnalyzedField[];
  schemaFields?: AnalyzedField[];
}

/** Cache of analyses by text, shared across definitions of one scan (descriptions repeat a lot). */
export type AnalysisCache = Map<string, TextAnalysis>;
const MAX_CACHE_TEXT = 4096;
const MAX_CACHE_ENTRIES = 50_000;

function analyse(text: string, cache: AnalysisCache | undefined): TextAnalysis {
  if (cache === undefined || text.length > MAX_CACHE_TEXT) return analyzeText(text);
  let a = cache.get(text);
  if (a === undefined) {
    a = analyzeText(text);
    if (cache.size < MAX_CACHE_ENTRIES) cache.set(text, a);
  }
  return a;
}

function analyseFields(fields: TextField[], cache: AnalysisCache | undefined): AnalyzedField[] {
  const out: AnalyzedField[] = new Array<AnalyzedField>(fields.length);
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    out[i] = { pointer: f.pointer, role: f.role, text: f.text, inSchema: f.inSchema, analysis: analyse(f.text, cache) };
  }
  return out;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** Analyses every definition a server advertises. */
export function analyzeSnapshot(snapshot: ServerSnapshot, cache?: AnalysisCache): AnalyzedDefinition[] {
  const out: AnalyzedDefinition[] = [];
  const toolNames = snapshot.tools.map((t) => (typeof t.name === 'string' ? t.name : ''));
  if (typeof snapshot.instructions === 'string' && snapshot.instructions.length > 0) {
    out.push({
      kind: 'server',
      server: snapshot.name,
      name: '',
      fields: analyseFields([{ pointer: '/instructions', role: 'instructions', text: snapshot.instructions, inSchema: false }], cache),
      params: new Set(),
      purpose: firstSentence(snapshot.instructions),
      description: snapshot.instructions,
      raw: snapshot.instructions,
      serverTools: toolNames,
    });
  }
  for (const tool of snapshot.tools) {
    const name = typeof tool.name === 'string' ? tool.name : '';
    const description = str(tool.description);
    const def: AnalyzedDefinition = {
      kind: 'tool',
      server: snapshot.name,
      name,
      tool: name,
      fields: analyseFields(walkDefinition(tool), cache),
      params: propertyNames(tool.outputSchema, 0, propertyNames(tool.inputSchema)),
      purpose: `${nameWords(name).join(' ')} ${str(tool.title).toLowerCase()} ${firstSentence(description)}`.trim(),
      description,
      raw: tool,
      serverTools: toolNames,
    };
    if (tool.annotations !== undefined && tool.annotations !== null && typeof tool.annotations === 'object') def.annotations = tool.annotations;
    out.push(def);
  }
  const others: Array<[DefinitionKind, string, ReadonlyArray<Record<string, unknown>>]> = [
    ['prompt', 'prompts', snapshot.prompts as ReadonlyArray<Record<string, unknown>>],
    ['resource', 'resources', snapshot.resources as ReadonlyArray<Record<string, unknown>>],
    ['resource-template', 'resourceTemplates', snapshot.resourceTemplates as ReadonlyArray<Record<string, unknown>>],
  ];
  for (const [kind, key, list] of others) {
    list.forEach((item, i) => {
      const name = str(item['name']) || str(item['uri']) || str(item['uriTemplate']);
      const description = str(item['description']);
      out.push({
        kind,
        server: snapshot.name,
        name,
        fields: analyseFields(walkDefinition(item, `/${key}/${i}`), cache),
        params: new Set(Array.isArray(item['arguments']) ? (item['arguments'] as Array<Record<string, unknown>>).map((a) => str(a['name'])).filter((n) => n) : []),
        purpose: `${nameWords(name).join(' ')} ${firstSentence(description)}`.trim(),
        description,
        raw: item,
        serverTools: toolNames,
      });
    });
  }
  return out;
}
