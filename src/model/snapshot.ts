import { z } from 'zod';

/**
 * What a server advertises. Definitions are kept loosely typed (`passthrough`, unknown schemas):
 * a hostile or buggy server can send anything, and the analysis must still see it.
 */
export const ToolDefinitionSchema = z
  .object({
    name: z.string(),
    title: z.string().optional(),
    description: z.string().optional(),
    inputSchema: z.unknown(),
    outputSchema: z.unknown().optional(),
    annotations: z.record(z.string(), z.unknown()).optional(),
  })
  .passthrough();
export type ToolDefinition = z.infer<typeof ToolDefinitionSchema>;

export const PromptDefinitionSchema = z
  .object({
    name: z.string(),
    title: z.string().optional(),
    description: z.string().optional(),
    arguments: z
      .array(z.object({ name: z.string(), description: z.string().optional(), required: z.boolean().optional() }).passthrough())
      .optional(),
  })
  .passthrough();
export type PromptDefinition = z.infer<typeof PromptDefinitionSchema>;

export const ResourceDefinitionSchema = z
  .object({
    uri: z.string(),
    name: z.string().optional(),
    title: z.string().optional(),
    description: z.string().optional(),
    mimeType: z.string().optional(),
  })
  .passthrough();
export type ResourceDefinition = z.infer<typeof ResourceDefinitionSchema>;

export const ResourceTemplateDefinitionSchema = z
  .object({
    uriTemplate: z.string(),
    name: z.string().optional(),
    title: z.string().optional(),
    description: z.string().optional(),
    mimeType: z.string().optional(),
  })
  .passthrough();
export type ResourceTemplateDefinition = z.infer<typeof ResourceTemplateDefinitionSchema>;

export const ServerInfoSchema = z
  .object({ name: z.string(), version: z.string().optional(), title: z.string().optional() })
  .passthrough();

/** Reference back to the declaration a snapshot was taken from (absent for inventory-only servers). */
export const EntryRefSchema = z.object({
  client: z.string(),
  configFile: z.string(),
  line: z.number().int().positive().optional(),
});

/**
 * Everything one server advertised at one moment. Produced by live inspection or read from an
 * inventory file; consumed by tool/flow rules, pinning and the gateway.
 */
export const ServerSnapshotSchema = z.object({
  /** Server name exactly as given (config key or inventory `name`). */
  name: z.string(),
  source: z.enum(['inventory', 'live']),
  entry: EntryRefSchema.optional(),
  /** Launch/reach identity used for pinning (command+args, image, or URL), when known. */
  launch: z.string().optional(),
  serverInfo: ServerInfoSchema.optional(),
  protocolVersion: z.string().optional(),
  capabilities: z.record(z.string(), z.unknown()).optional(),
  instructions: z.string().optional(),
  tools: z.array(ToolDefinitionSchema).default([]),
  prompts: z.array(PromptDefinitionSchema).default([]),
  resources: z.array(ResourceDefinitionSchema).default([]),
  resourceTemplates: z.array(ResourceTemplateDefinitionSchema).default([]),
  capturedAt: z.string().optional(),
  /** Transport the definitions were fetched over (live snapshots; inventories may say). */
  transport: z.enum(['stdio', 'http', 'sse']).optional(),
});
export type ServerSnapshot = z.infer<typeof ServerSnapshotSchema>;
export type ServerSnapshotInput = z.input<typeof ServerSnapshotSchema>;
