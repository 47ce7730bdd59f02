/**
 * @fileoverview Walks a definition and yields every piece of text the model may read, with its
 * JSON pointer: name, title, description, annotations, and everything inside the input and output
 * schemas (property names, descriptions, titles, enum values, defaults, examples, const, $comment,
 * nested and additional properties, definitions). Server instructions and prompt/resource
 * descriptions are walked the same way.
 */

/** What a piece of text is, so rules can weigh it (a property name is not prose). */
export type FieldRole =
  | 'name'
  | 'title'
  | 'description'
  | 'instructions'
  | 'annotation'
  | 'property-name'
  | 'schema-description'
  | 'schema-title'
  | 'schema-comment'
  | 'schema-enum'
  | 'schema-default'
  | 'schema-example'
  | 'schema-const'
  | 'schema-pattern'
  | 'schema-other'
  | 'prompt-argument'
  | 'other';

export interface TextField {
  /** RFC 6901 pointer relative to the definition (a tool) or the server snapshot (instructions, prompts, resources). */
  pointer: string;
  role: FieldRole;
  text: string;
  /** True for text inside inputSchema/outputSchema. */
  inSchema: boolean;
}

const MAX_DEPTH = 48;
const MAX_FIELDS = 20_000;

/** Escapes one JSON-pointer segment (RFC 6901). */
export function pointerSegment(key: string | number): string {
  const k = String(key);
  if (k.indexOf('~') < 0 && k.indexOf('/') < 0) return k;
  return k.replace(/~/g, '~0').replace(/\//g, '~1');
}

const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);

function schemaRole(key: string): FieldRole {
  switch (key) {
    case 'description':
    case 'markdownDescription':
      return 'schema-description';
    case 'title':
      return 'schema-title';
    case '$comment':
      return 'schema-comment';
    case 'enum':
    case 'enumDescriptions':
    case 'markdownEnumDescriptions':
      return 'schema-enum';
    case 'default':
      return 'schema-default';
    case 'examples':
    case 'example':
      return 'schema-example';
    case 'const':
      return 'schema-const';
    case 'pattern':
    case 'format':
    case 'type':
    case '$ref':
    case '$schema':
    case '$id':
    case 'contentEncoding':
    case 'contentMediaType':
      return 'schema-pattern';
    default:
      return 'schema-other';
  }
}

interface WalkState {
  out: TextField[];
}

/** Every string leaf under a value, with the role implied by the nearest schema keyword. */
function walkSchema(node: unknown, pointer: string, role: FieldRole, depth: number, st: WalkState): void {
  if (st.out.length >= MAX_FIELDS || depth > MAX_DEPTH) return;
  if (typeof node === 'string') {
    st.out.push({ pointer, role, text: node, inSchema: true });
    return;
  }
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) walkSchema(node[i], `${pointer}/${i}`, role, depth + 1, st);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const key in node as Record<string, unknown>) {
    if (!Object.hasOwn(node, key)) continue;
    const value = (node as Record<string, unknown>)[key];
    // Numbers, booleans and null carry no text: no pointer to build.
    if (value === null || (typeof value !== 'string' && typeof value !== 'object')) continue;
    const p = `${pointer}/${pointerSegment(key)}`;
    if (SCHEMA_MAPS.has(key) && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [prop, sub] of Object.entries(value as Record<string, unknown>)) {
        const pp = `${p}/${pointerSegment(prop)}`;
        st.out.push({ pointer: pp, role: 'property-name', text: prop, inSchema: true });
        walkSchema(sub, pp, 'schema-other', depth + 1, st);
      }
      continue;
    }
    // Inside default/const/examples, keep that role for nested values.
    const inherited = role === 'schema-default' || role === 'schema-example' || role === 'schema-const' || role === 'schema-enum' ? role : schemaRole(key);
    walkSchema(value, p, inherited, depth + 1, st);
  }
}

/** Every string leaf of a non-schema value (annotations, _meta, unknown extension fields). */
function walkPlain(node: unknown, pointer: string, role: FieldRole, depth: number, st: WalkState): void {
  if (st.out.length >= MAX_FIELDS || depth > MAX_DEPTH) return;
  if (typeof node === 'string') {
    st.out.push({ pointer, role, text: node, inSchema: false });
    return;
  }
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) walkPlain(node[i], `${pointer}/${i}`, role, depth + 1, st);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) walkPlain(value, `${pointer}/${pointerSegment(key)}`, role, depth + 1, st);
}

const TOP_ROLES: Record<string, FieldRole> = { name: 'name', title: 'title', description: 'description', instructions: 'instructions' };

/**
 * Text fields of a tool, prompt or resource definition (pointers relative to it). Unknown fields
 * are walked too: a hostile server can put text anywhere a client might show it to the model.
 */
export function walkDefinition(def: unknown, base = ''): TextField[] {
  const st: WalkState = { out: [] };
  if (def === null || typeof def !== 'object' || Array.isArray(def)) {
    if (typeof def === 'string') st.out.push({ pointer: base, role: 'other', text: def, inSchema: false });
    return st.out;
  }
  for (const [key, value] of Object.entries(def as Record<string, unknown>)) {
    const p = `${base}/${pointerSegment(key)}`;
    if (key === 'inputSchema' || key === 'outputSchema') walkSchema(value, p, 'schema-other', 1, st);
    else if (key === 'annotations') walkPlain(value, p, 'annotation', 1, st);
    else if (key === 'arguments' && Array.isArray(value)) {
      value.forEach((arg, i) => walkPlain(arg, `${p}/${i}`, 'prompt-argument', 2, st));
    } else if (typeof value === 'string') st.out.push({ pointer: p, role: TOP_ROLES[key] ?? 'other', text: value, inSchema: false });
    else walkPlain(value, p, 'other', 1, st);
  }
  return st.out;
}

/** Names of every property declared anywhere in a schema (for "pass it in `x`" references). */
export function propertyNames(schema: unknown, depth = 0, out = new Set<string>()): Set<string> {
  if (depth > MAX_DEPTH || schema === null || typeof schema !== 'object') return out;
  if (Array.isArray(schema)) {
    for (const s of schema) propertyNames(s, depth + 1, out);
    return out;
  }
  for (const [key, value] of Object.entries(schema as Record<string, unknown>)) {
    if (key === 'properties' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [prop, sub] of Object.entries(value as Record<string, unknown>)) {
        out.add(prop);
        propertyNames(sub, depth + 1, out);
      }
    } else if (typeof value === 'object') propertyNames(value, depth + 1, out);
  }
  return out;
}
