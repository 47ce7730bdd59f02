/**
 * @module mcp/protocol
 * Protocol revision policy (kept free of SDK imports so the CLI can parse flags without loading it).
 * `auto` probes with `server/discover` (2026-07-28) and falls back to the 2025 `initialize`
 * handshake (2025-11-25, 2025-06-18 and older); `legacy` only does the latter; `2026-07-28`
 * requires the modern era.
 */
export const PROTOCOL_MODES = ['auto', 'legacy', '2026-07-28'] as const;
export type ProtocolMode = (typeof PROTOCOL_MODES)[number];
