import { parse as parseToml, TomlError } from 'smol-toml';
import { isMap, isScalar, isSeq, LineCounter, parseDocument as parseYamlDocument, type Node as YamlNode } from 'yaml';
import { parseJsonDocument, tooDeep, type ConfigDocument, type DocumentFormat, type ParseOutcome } from './document.js';
import { tomlLineLocator } from './toml-lines.js';

function parseYaml(path: string, text: string): ParseOutcome {
  const lineCounter = new LineCounter();
  const doc = parseYamlDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const first = doc.errors[0];
  if (first) {
    const line = lineCounter.linePos(first.pos[0]).line;
    return { ok: false, error: { kind: 'parse', source: path, line, message: `${path}:${line}: invalid YAML: ${first.message.split('\n')[0]}` } };
  }
  let value: unknown;
  try {
    // maxAliasCount bounds "billion laughs" alias expansion.
    value = doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch (err) {
    if (err instanceof RangeError) return { ok: false, error: tooDeep(path, 'yaml') };
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return { ok: false, error: { kind: 'parse', source: path, message: `${path}: invalid YAML: ${reason}` } };
  }
  return {
    ok: true,
    doc: {
      path,
      format: 'yaml',
      value,
      lineOf(at) {
        let node: unknown = doc.contents;
        let keyNode: YamlNode | undefined;
        for (const step of at) {
          if (isMap(node)) {
            const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(step));
            if (!pair) return undefined;
            keyNode = pair.key as YamlNode;
            node = pair.value;
          } else if (isSeq(node) && typeof step === 'number') {
            node = node.items[step];
            keyNode = undefined;
          } else return undefined;
        }
        const range = keyNode?.range ?? (node as YamlNode | undefined)?.range;
        return range ? lineCounter.linePos(range[0]).line : undefined;
      },
    },
  };
}

function parseTomlDoc(path: string, text: string): ParseOutcome {
  let value: unknown;
  try {
    value = parseToml(text);
  } catch (err) {
    const line = err instanceof TomlError ? err.line : undefined;
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return { ok: false, error: { kind: 'parse', source: path, ...(line ? { line } : {}), message: `${path}${line ? `:${line}` : ''}: invalid TOML: ${reason}` } };
  }
  return { ok: true, doc: { path, format: 'toml', value, lineOf: tomlLineLocator(text) } };
}

/** Parses a config file in the given format into a ConfigDocument, or a ScanError naming file and line. */
export function parseConfigDocument(path: string, text: string, format: DocumentFormat): ParseOutcome {
  switch (format) {
    case 'json':
    case 'jsonc':
      return parseJsonDocument(path, text, format);
    case 'yaml':
      return parseYaml(path, text);
    case 'toml':
      return parseTomlDoc(path, text);
  }
}

/** Guesses a format from the file name (for --config). */
export function formatFromPath(path: string): DocumentFormat {
  const lower = path.toLowerCase();
  if (lower.endsWith('.toml')) return 'toml';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  return 'jsonc';
}

export type { ConfigDocument };
