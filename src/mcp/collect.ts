/**
 * @module mcp/collect
 * Lists everything a connected server advertises, page by page, within limits: the page count,
 * the item count and a repeated cursor all stop a listing and become `limit` problems. Items are
 * validated loosely (a hostile server can send anything, and the analysis must still see it); an
 * item that is not a definition at all is left out and reported.
 */
import { z } from 'zod';
import {
  PromptDefinitionSchema,
  ResourceDefinitionSchema,
  ResourceTemplateDefinitionSchema,
  ToolDefinitionSchema,
  type PromptDefinition,
  type ResourceDefinition,
  type ResourceTemplateDefinition,
  type ToolDefinition,
} from '../model/index.js';
import { InspectFailure, messageOf } from './errors.js';
import type { LiveLimits } from './limits.js';
import type { Session } from './connect.js';

export interface Advertised {
  serverInfo?: { name: string; version?: string; title?: string; [k: string]: unknown };
  protocolVersion?: string;
  capabilities?: Record<string, unknown>;
  instructions?: string;
  tools: ToolDefinition[];
  prompts: PromptDefinition[];
  resources: ResourceDefinition[];
  resourceTemplates: ResourceTemplateDefinition[];
}

interface ListSpec<T> {
  method: 'tools/list' | 'prompts/list' | 'resources/list' | 'resources/templates/list';
  key: 'tools' | 'prompts' | 'resources' | 'resourceTemplates';
  capability: 'tools' | 'prompts' | 'resources';
  item: z.ZodType<T>;
  noun: string;
}

const LISTS = {
  tools: { method: 'tools/list', key: 'tools', capability: 'tools', item: ToolDefinitionSchema, noun: 'tool' } satisfies ListSpec<ToolDefinition>,
  prompts: { method: 'prompts/list', key: 'prompts', capability: 'prompts', item: PromptDefinitionSchema, noun: 'prompt' } satisfies ListSpec<PromptDefinition>,
  resources: { method: 'resources/list', key: 'resources', capability: 'resources', item: ResourceDefinitionSchema, noun: 'resource' } satisfies ListSpec<ResourceDefinition>,
  resourceTemplates: {
    method: 'resources/templates/list',
    key: 'resourceTemplates',
    capability: 'resources',
    item: ResourceTemplateDefinitionSchema,
    noun: 'resource template',
  } satisfies ListSpec<ResourceTemplateDefinition>,
};

/** A page as the wire carries it: only the envelope is checked here, items one by one below. */
function pageSchema(key: string) {
  return z.looseObject({ [key]: z.array(z.unknown()).optional(), nextCursor: z.string().optional() });
}

export type ExplainRequestFailure = (err: unknown, method: string) => InspectFailure;

function issueText(err: z.ZodError): string {
  const first = err.issues[0];
  if (!first) return 'invalid';
  return `${first.path.length > 0 ? first.path.join('.') : 'item'}: ${first.message}`;
}

async function listAll<T>(
  session: Session,
  spec: ListSpec<T>,
  limits: LiveLimits,
  requestTimeoutMs: number,
  explain: ExplainRequestFailure,
  problems: InspectFailure[],
): Promise<T[]> {
  const items: T[] = [];
  const seenCursors = new Set<string>();
  let cursor: string | undefined;
  let index = 0;
  for (let page = 1; ; page++) {
    if (page > limits.maxPages) {
      problems.push(new InspectFailure('limit', `${spec.method}: still paginating after ${limits.maxPages} pages; cut off (${items.length} ${spec.noun}s kept)`));
      return items;
    }
    let result: z.infer<ReturnType<typeof pageSchema>>;
    try {
      result = await session.client.request({ method: spec.method, params: cursor === undefined ? {} : { cursor } }, pageSchema(spec.key), { timeout: requestTimeoutMs });
    } catch (err) {
      problems.push(explain(err, spec.method));
      return items;
    }
    const raw = (result[spec.key] as unknown[] | undefined) ?? [];
    for (const entry of raw) {
      index++;
      if (items.length >= limits.maxItems) {
        problems.push(new InspectFailure('limit', `${spec.method}: more than ${limits.maxItems} ${spec.noun}s; cut off`));
        return items;
      }
      const parsed = spec.item.safeParse(entry);
      if (parsed.success) items.push(parsed.data);
      else {
        const name = typeof entry === 'object' && entry !== null && typeof (entry as { name?: unknown }).name === 'string' ? ` "${(entry as { name: string }).name.slice(0, 80)}"` : '';
        problems.push(new InspectFailure('protocol', `${spec.method}: ${spec.noun} #${index}${name} is not a valid definition (${issueText(parsed.error)}); left out`));
      }
    }
    const next = typeof result.nextCursor === 'string' ? result.nextCursor : undefined;
    if (next === undefined || next === '') return items;
    if (seenCursors.has(next)) {
      problems.push(new InspectFailure('limit', `${spec.method}: the server returned the same cursor twice (pagination loop); cut off after ${page} pages`));
      return items;
    }
    seenCursors.add(next);
    cursor = next;
  }
}

/** Tool input schemas must be JSON Schema objects of type "object" (MCP spec); say when one is not. */
function checkToolSchemas(tools: readonly ToolDefinition[], problems: InspectFailure[]): void {
  for (const t of tools) {
    const s = t.inputSchema;
    const type = typeof s === 'object' && s !== null && !Array.isArray(s) ? (s as { type?: unknown }).type : undefined;
    if (type !== 'object') {
      const got = s === undefined ? 'missing' : typeof s !== 'object' || s === null || Array.isArray(s) ? `a ${Array.isArray(s) ? 'array' : s === null ? 'null' : typeof s}` : `type ${JSON.stringify(type ?? null)}`;
      problems.push(new InspectFailure('protocol', `tools/list: tool "${t.name.slice(0, 80)}" has an invalid inputSchema (${got}; the spec requires a JSON Schema object of type "object")`));
    }
  }
}

/** Collects what the server advertises. Never throws: request failures become `problems`. */
export async function collect(session: Session, limits: LiveLimits, requestTimeoutMs: number, explain: ExplainRequestFailure): Promise<{ advertised: Advertised; problems: InspectFailure[] }> {
  const { client } = session;
  const problems: InspectFailure[] = [];
  const capabilities = (client.getServerCapabilities() ?? undefined) as Record<string, unknown> | undefined;
  const serverInfo = client.getServerVersion();
  const protocolVersion = client.getNegotiatedProtocolVersion();
  const instructions = client.getInstructions();
  const has = (c: string) => capabilities !== undefined && capabilities[c] !== undefined && capabilities[c] !== null;
  const advertised: Advertised = {
    ...(serverInfo ? { serverInfo: serverInfo as Advertised['serverInfo'] & object } : {}),
    ...(protocolVersion ? { protocolVersion } : {}),
    ...(capabilities ? { capabilities } : {}),
    ...(typeof instructions === 'string' ? { instructions } : {}),
    tools: [],
    prompts: [],
    resources: [],
    resourceTemplates: [],
  };
  try {
    if (has('tools')) {
      advertised.tools = await listAll(session, LISTS.tools, limits, requestTimeoutMs, explain, problems);
      checkToolSchemas(advertised.tools, problems);
    }
    if (has('prompts')) advertised.prompts = await listAll(session, LISTS.prompts, limits, requestTimeoutMs, explain, problems);
    if (has('resources')) {
      advertised.resources = await listAll(session, LISTS.resources, limits, requestTimeoutMs, explain, problems);
      advertised.resourceTemplates = await listAll(session, LISTS.resourceTemplates, limits, requestTimeoutMs, explain, problems);
    }
  } catch (err) {
    problems.push(new InspectFailure('internal', `listing failed unexpectedly: ${messageOf(err)}`));
  }
  return { advertised, problems };
}
