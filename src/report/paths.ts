import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** `file` relative to `root` with `/` separators when it lies inside `root`, else undefined. */
export function relativeInside(file: string, root: string | undefined): string | undefined {
  if (root === undefined || !isAbsolute(file)) return undefined;
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

/** How a path is shown to a reader: relative to the root when inside it, else as given. */
export function displayPath(file: string, root: string | undefined): string {
  return relativeInside(file, root) ?? file;
}

/** A `file:` URI for an absolute path (percent-encoded, Windows drive letters handled). */
export function fileUri(file: string): string {
  return pathToFileURL(file).href;
}
