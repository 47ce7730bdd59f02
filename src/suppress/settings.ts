import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minimatch } from 'minimatch';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { WardenError, WardenErrorCode } from '../model/index.js';
import { SETTINGS_FILE_NAMES, SettingsSchema, type Ignore } from './settings-schema.js';

/** Settings files are small; anything bigger is a mistake (or an attack on the parser). */
const MAX_SETTINGS_BYTES = 1024 * 1024;

export interface LoadedIgnore extends Ignore {
  /** 1-based line of the ignore's first key in the settings file. */
  line?: number;
}

export interface LoadedSettings {
  file: string;
  ignores: LoadedIgnore[];
}

/** The settings file to use: the explicit one, else `.mcp-warden.yaml` (or `.yml`) in `cwd`, else none. */
export function findSettingsFile(cwd: string, explicit?: string): string | undefined {
  if (explicit !== undefined) return explicit;
  for (const name of SETTINGS_FILE_NAMES) {
    const candidate = join(cwd, name);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Line of the deepest node that exists along `path` (a missing key points at its parent). */
function lineOf(doc: ReturnType<typeof parseDocument>, counter: LineCounter, path: ReadonlyArray<PropertyKey>): number | undefined {
  let node: unknown = doc.contents;
  let best: [number, number, number] | undefined = (node as YamlNode | null)?.range ?? undefined;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) break;
      best = (pair.key as YamlNode).range ?? best;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      node = node.items[step];
      best = (node as YamlNode | undefined)?.range ?? best;
    } else break;
  }
  return best ? counter.linePos(best[0]).line : undefined;
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

const GLOB_CHARS = /[*?[\]{}!]/;

/**
 * Reads and validates a settings file. Every problem (YAML syntax, an ignore without a reason, an
 * unknown rule id, a bad date) is reported with the file and line, all at once, as one usage error.
 */
export function loadSettings(file: string, knownRuleIds: readonly string[]): LoadedSettings {
  let text: string;
  try {
    const buf = readFileSync(file);
    if (buf.length > MAX_SETTINGS_BYTES) throw new Error(`larger than ${MAX_SETTINGS_BYTES} bytes`);
    text = buf.toString('utf8');
  } catch (err) {
    throw new WardenError(WardenErrorCode.InvalidInput, `cannot read settings file ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const lines = doc.errors.map((e) => `${file}:${counter.linePos(e.pos[0]).line}: invalid YAML: ${e.message.split('\n')[0]}`);
    throw new WardenError(WardenErrorCode.InvalidInput, `invalid settings file\n${lines.join('\n')}`);
  }
  const raw: unknown = doc.toJS({ maxAliasCount: 10 }) ?? {};
  const parsed = SettingsSchema.safeParse(raw);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const line = lineOf(doc, counter, issue.path);
      const where = issue.path.length > 0 ? `${formatPath(issue.path)}: ` : '';
      problems.push(`${file}${line ? `:${line}` : ''}: ${where}${issue.message}`);
    }
  } else {
    parsed.data.ignores.forEach((ig, i) => {
      const known = GLOB_CHARS.test(ig.rule) ? knownRuleIds.some((id) => minimatch(id, ig.rule)) : knownRuleIds.includes(ig.rule);
      if (!known) {
        const line = lineOf(doc, counter, ['ignores', i, 'rule']);
        problems.push(`${file}${line ? `:${line}` : ''}: ignores[${i}].rule: no rule matches "${ig.rule}" (run \`mcp-warden rules\` for the list)`);
      }
    });
  }
  if (problems.length > 0 || !parsed.success) {
    throw new WardenError(WardenErrorCode.InvalidInput, `invalid settings file\n${problems.join('\n')}`, {
      hint: 'every ignore needs `rule` and `reason`; see docs/ci.md',
    });
  }
  return {
    file,
    ignores: parsed.data.ignores.map((ig, i) => {
      const line = lineOf(doc, counter, ['ignores', i]);
      return line === undefined ? { ...ig } : { ...ig, line };
    }),
  };
}
