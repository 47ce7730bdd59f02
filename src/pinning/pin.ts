/**
 * @module pinning/pin
 * Turns what a server advertises (a ServerSnapshot) into its pinned form: one hash per tool, prompt,
 * resource, template and the instructions, each over the RFC 8785 canonical JSON of a fixed set of
 * fields, plus a digest over all of them.
 */
import type {
  LaunchPin,
  PinHash,
  PinnedNamed,
  PinnedResource,
  PinnedResourceTemplate,
  PinnedServer,
  PromptDefinition,
  ResourceDefinition,
  ResourceTemplateDefinition,
  ServerSnapshot,
  ToolDefinition,
} from '../model/index.js';
import { CanonicalFormError, hashJson } from './canonical.js';

/**
 * The fields that are pinned, per kind. Other fields a server sends (`_meta`, `icons`, …) are not:
 * clients do not show them to the model. Changing these lists changes every hash: it needs a new
 * lockfileVersion.
 */
export const PINNED_FIELDS = {
  tool: ['name', 'title', 'description', 'inputSchema', 'outputSchema', 'annotations'],
  prompt: ['name', 'title', 'description', 'arguments'],
  resource: ['uri', 'name', 'title', 'description', 'mimeType'],
  resourceTemplate: ['uriTemplate', 'name', 'title', 'description', 'mimeType'],
} as const;

function pick(def: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) if (def[f] !== undefined) out[f] = def[f];
  return out;
}

function pinWith<K extends string>(key: K, keyValue: string, def: Record<string, unknown>, fields: readonly string[], what: string) {
  try {
    const { hash, normalized } = hashJson(pick(def, fields));
    return { [key]: keyValue, hash, definition: normalized as Record<string, unknown> } as { [P in K]: string } & {
      hash: PinHash;
      definition: Record<string, unknown>;
    };
  } catch (err) {
    if (err instanceof CanonicalFormError) throw new CanonicalFormError(`${what}: ${err.message}`);
    throw err;
  }
}

export function pinTool(tool: ToolDefinition): PinnedNamed {
  return pinWith('name', tool.name, tool, PINNED_FIELDS.tool, `tool "${tool.name}"`);
}

export function pinPrompt(prompt: PromptDefinition): PinnedNamed {
  return pinWith('name', prompt.name, prompt, PINNED_FIELDS.prompt, `prompt "${prompt.name}"`);
}

export function pinResource(resource: ResourceDefinition): PinnedResource {
  return pinWith('uri', resource.uri, resource, PINNED_FIELDS.resource, `resource "${resource.uri}"`);
}

export function pinResourceTemplate(template: ResourceTemplateDefinition): PinnedResourceTemplate {
  return pinWith('uriTemplate', template.uriTemplate, template, PINNED_FIELDS.resourceTemplate, `resource template "${template.uriTemplate}"`);
}

/** Hash of the server instructions: SHA-256 over the canonical JSON string. */
export function instructionsHash(text: string): PinHash {
  return hashJson(text).hash;
}

/** Hash of a tool's content without its name: equal for a tool that was only renamed. */
export function contentHashWithoutName(item: { definition: Record<string, unknown> }): PinHash {
  const { name: _name, ...rest } = item.definition;
  return hashJson(rest).hash;
}

const byKey =
  <T>(key: (t: T) => string) =>
  (a: T, b: T): number => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };

/**
 * Sorts by key and drops exact duplicates. Two different definitions under one key cannot be pinned
 * unambiguously (which one does the client use?): that is an error naming the key.
 */
function uniqueSorted<T extends { hash: PinHash }>(items: T[], key: (t: T) => string, kind: string): T[] {
  const sorted = items.sort(byKey(key));
  const out: T[] = [];
  for (const item of sorted) {
    const prev = out[out.length - 1];
    if (prev !== undefined && key(prev) === key(item)) {
      if (prev.hash === item.hash) continue;
      throw new CanonicalFormError(`advertises two different ${kind}s named "${key(item)}"; cannot pin one unambiguously`);
    }
    out.push(item);
  }
  return out;
}

/** Digest over the launch hash and every item hash; equal digests mean nothing pinned differs. */
export function serverDigest(s: Omit<PinnedServer, 'hash'>): PinHash {
  return hashJson({
    name: s.name,
    launch: s.launch.hash,
    instructions: s.instructions?.hash ?? null,
    tools: s.tools.map((t) => [t.name, t.hash]),
    prompts: s.prompts.map((p) => [p.name, p.hash]),
    resources: s.resources.map((r) => [r.uri, r.hash]),
    resourceTemplates: s.resourceTemplates.map((r) => [r.uriTemplate, r.hash]),
  }).hash;
}

/** Recomputes the digest after items were replaced (approvals); lists are re-sorted. */
export function finishServer(s: Omit<PinnedServer, 'hash'>): PinnedServer {
  const body = {
    launch: s.launch,
    ...(s.instructions !== undefined ? { instructions: s.instructions } : {}),
    tools: [...s.tools].sort(byKey((t) => t.name)),
    prompts: [...s.prompts].sort(byKey((p) => p.name)),
    resources: [...s.resources].sort(byKey((r) => r.uri)),
    resourceTemplates: [...s.resourceTemplates].sort(byKey((r) => r.uriTemplate)),
  };
  return { name: s.name, hash: serverDigest({ name: s.name, ...body }), ...body };
}

/**
 * Pins one server snapshot. Throws CanonicalFormError (naming the server and item) when a
 * definition cannot be pinned: nested too deep, or two different definitions under one name.
 */
export function pinServer(snapshot: ServerSnapshot, launch: LaunchPin): PinnedServer {
  try {
    let instructions: PinnedServer['instructions'];
    if (snapshot.instructions !== undefined) {
      const { hash, normalized } = hashJson(snapshot.instructions);
      instructions = { hash, text: normalized as string };
    }
    return finishServer({
      name: snapshot.name,
      launch,
      ...(instructions !== undefined ? { instructions } : {}),
      tools: uniqueSorted(snapshot.tools.map(pinTool), (t) => t.name, 'tool'),
      prompts: uniqueSorted(snapshot.prompts.map(pinPrompt), (p) => p.name, 'prompt'),
      resources: uniqueSorted(snapshot.resources.map(pinResource), (r) => r.uri, 'resource'),
      resourceTemplates: uniqueSorted(snapshot.resourceTemplates.map(pinResourceTemplate), (r) => r.uriTemplate, 'resource template'),
    });
  } catch (err) {
    if (err instanceof CanonicalFormError) throw new CanonicalFormError(`server "${snapshot.name}": ${err.message}`);
    throw err;
  }
}
