import { z } from 'zod';

/**
 * Inventory files: captured `tools/list` (and prompts/resources) output of one or more servers,
 * analysed offline by `mcp-warden scan --inventory`. Documented as JSON Schema in
 * schema/inventory.schema.json (generated from these schemas by `npm run schema`).
 *
 * Strict where a mistake would silently analyse nothing (no server name, `tools` not an array of
 * objects), lenient inside a tool: a hostile or buggy server can send anything, and a tool with
 * missing fields is still analysed and reported (tool/malformed-definition).
 */

const JsonObject = z.record(z.string(), z.unknown());

export const InventoryToolSchema = z
  .object({
    name: z.string().optional().describe('Tool name as the server advertises it. A tool without one is analysed and reported as malformed.'),
    title: z.string().optional().describe('Human-readable title.'),
    description: z.unknown().optional().describe('Description shown to the model (a string per MCP; anything else is reported as malformed).'),
    inputSchema: z.unknown().optional().describe('JSON Schema of the arguments (an object schema per MCP; anything else is reported as malformed).'),
    outputSchema: z.unknown().optional().describe('JSON Schema of structured results.'),
    annotations: JsonObject.optional().describe('Tool annotations (readOnlyHint, destructiveHint, openWorldHint, title, …).'),
  })
  .passthrough()
  .describe('One tool definition, as returned by tools/list. Unknown fields are kept and analysed too.');

export const InventoryServerSchema = z
  .object({
    name: z.string().min(1).describe('Server name, reported exactly as given in every finding (location.server).'),
    instructions: z.string().optional().describe('Server instructions from the initialize result.'),
    transport: z.enum(['stdio', 'http', 'sse']).optional().describe('How the server is reached, if known (default stdio).'),
    serverInfo: JsonObject.optional().describe('serverInfo from the initialize result (name, version, title).'),
    tools: z.array(InventoryToolSchema).default([]).describe('Result of tools/list (all pages).'),
    prompts: z.array(JsonObject).optional().describe('Result of prompts/list.'),
    resources: z.array(JsonObject).optional().describe('Result of resources/list.'),
    resourceTemplates: z.array(JsonObject).optional().describe('Result of resources/templates/list.'),
    capturedAt: z.string().optional().describe('When the definitions were captured (ISO 8601).'),
  })
  .passthrough()
  .describe('One server and what it advertises.');
export type InventoryServer = z.infer<typeof InventoryServerSchema>;

export const InventoryFileSchema = z
  .object({
    $schema: z.string().optional(),
    servers: z.array(InventoryServerSchema).describe('The servers of one client (flow rules treat them as connected together).'),
  })
  .passthrough()
  .describe('An inventory: several servers.');

/** A bare tools/list result (or a JSON-RPC response carrying one): one server named after the file. */
export const ToolsListResultSchema = z
  .object({
    tools: z.array(InventoryToolSchema),
    nextCursor: z.string().optional(),
  })
  .passthrough()
  .describe('A raw tools/list result; the server is named after the file (without extension).');

export const InventoryDocumentSchema = z
  .union([InventoryFileSchema, z.array(InventoryServerSchema).describe('An array of servers.'), ToolsListResultSchema, z.object({ jsonrpc: z.string(), result: ToolsListResultSchema }).passthrough().describe('A JSON-RPC response to tools/list.')])
  .describe('mcp-warden inventory: {"servers":[…]}, an array of servers, or a raw tools/list result.');
