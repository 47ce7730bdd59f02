import { z } from 'zod';
import { TransportSchema } from './server-entry.js';

/**
 * Version of the lockfile format (`mcp-warden.lock`). Bump on any change an older reader would
 * misread; readers refuse files with a higher version and say which version they need.
 */
export const LOCKFILE_VERSION = 1;

/** `sha256:` + 64 lowercase hex digits: SHA-256 over RFC 8785 (JCS) canonical JSON. */
export const PinHashSchema = z.string().regex(/^sha256:[0-9a-f]{64}$/, 'expected "sha256:" followed by 64 hex digits');
export type PinHash = z.infer<typeof PinHashSchema>;

/**
 * How a server is launched or reached, as pinned. `hash` covers exactly the other fields except
 * `package` and `image`, which are derived from `command` + `args` for display. Secrets in args and
 * URLs are redacted before hashing, so no credential (not even its hash) lands in the lockfile.
 */
export const LaunchPinSchema = z
  .object({
    hash: PinHashSchema,
    transport: TransportSchema.optional(),
    command: z.string().optional(),
    args: z.array(z.string()).optional(),
    url: z.string().optional(),
    /** Launch description given by an inventory file or snapshot when no declaration was seen. */
    declared: z.string().optional(),
    /** Package spec run by a package runner (npx, uvx, …), e.g. `@scope/server@1.2.3`. Display only. */
    package: z.string().optional(),
    /** Container image run by docker/podman, e.g. `ghcr.io/org/server:v1`. Display only. */
    image: z.string().optional(),
  })
  .strict();
export type LaunchPin = z.infer<typeof LaunchPinSchema>;

/**
 * The hashed object itself is stored, so a diff can be shown without the old server. Checked as a
 * plain object only: its content is checked against its hash, which is stricter than any schema
 * (and validating 10k free-form definitions key by key would dominate the cost of reading).
 */
const DefinitionSchema = z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'expected an object');

export const PinnedNamedSchema = z.object({ name: z.string(), hash: PinHashSchema, definition: DefinitionSchema }).strict();
export type PinnedNamed = z.infer<typeof PinnedNamedSchema>;

export const PinnedResourceSchema = z.object({ uri: z.string(), hash: PinHashSchema, definition: DefinitionSchema }).strict();
export type PinnedResource = z.infer<typeof PinnedResourceSchema>;

export const PinnedResourceTemplateSchema = z
  .object({ uriTemplate: z.string(), hash: PinHashSchema, definition: DefinitionSchema })
  .strict();
export type PinnedResourceTemplate = z.infer<typeof PinnedResourceTemplateSchema>;

export const PinnedInstructionsSchema = z.object({ hash: PinHashSchema, text: z.string() }).strict();

/** Everything pinned for one server. Lists are sorted by their key (name, uri, uriTemplate). */
export const PinnedServerSchema = z
  .object({
    name: z.string(),
    /** Digest over the launch hash and every item hash: equal digests mean nothing drifted. */
    hash: PinHashSchema,
    launch: LaunchPinSchema,
    instructions: PinnedInstructionsSchema.optional(),
    tools: z.array(PinnedNamedSchema),
    prompts: z.array(PinnedNamedSchema),
    resources: z.array(PinnedResourceSchema),
    resourceTemplates: z.array(PinnedResourceTemplateSchema),
  })
  .strict();
export type PinnedServer = z.infer<typeof PinnedServerSchema>;

/** One accepted change: who approved it, when, and the hashes before and after (null = absent). */
export const PinHistoryEntrySchema = z
  .object({
    at: z.string(),
    by: z.string(),
    /** `pin` = first pin of a server, `update` = a reviewed change accepted with `pin --update`. */
    action: z.enum(['pin', 'update']),
    server: z.string(),
    /** What changed: `server`, `launch`, `instructions`, `tool:<name>`, `prompt:<name>`, `resource:<uri>`, `template:<uriTemplate>`. */
    target: z.string(),
    /** Drift kind accepted, e.g. `tool-changed`, `tool-renamed` (absent for a first pin). */
    change: z.string().optional(),
    old: PinHashSchema.nullable(),
    new: PinHashSchema.nullable(),
  })
  .strict();
export type PinHistoryEntry = z.infer<typeof PinHistoryEntrySchema>;

/** Detached ed25519 signature over the lockfile without this block (see docs/pinning.md). */
export const LockfileSignatureSchema = z
  .object({
    algorithm: z.literal('ed25519'),
    /** `ed25519:` + first 32 hex digits of SHA-256 over the raw 32-byte public key. */
    keyId: z.string(),
    /** The signer's public key, base64 SPKI DER; integrity only: trust comes from --verify-key. */
    publicKey: z.string(),
    /** Base64 signature. */
    value: z.string(),
  })
  .strict();
export type LockfileSignature = z.infer<typeof LockfileSignatureSchema>;

export const LockfileSchema = z
  .object({
    lockfileVersion: z.literal(LOCKFILE_VERSION),
    /** `mcp-warden <version>` that wrote the file; shown when a reader is too old. */
    generator: z.string(),
    servers: z.array(PinnedServerSchema),
    history: z.array(PinHistoryEntrySchema),
    signature: LockfileSignatureSchema.optional(),
  })
  .strict();
export type Lockfile = z.infer<typeof LockfileSchema>;
