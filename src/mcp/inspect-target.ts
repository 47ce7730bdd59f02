/**
 * @module mcp/inspect-target
 * One connection, start to finish: connect, list everything, close (the process group is gone
 * when this returns). Never throws; every way it can fail is an InspectFailure.
 */
import { SdkError, SdkErrorCode } from '@modelcontextprotocol/client';
import { collect, type Advertised } from './collect.js';
import { connectRemote, connectStdio, type ConnectSettings, type Session, type Target } from './connect.js';
import { InspectFailure, messageOf } from './errors.js';

export interface InspectSettings extends ConnectSettings {
  requestTimeoutMs: number;
}

interface Outcome {
  notes: string[];
  /** The server's stderr (bounded tail), for --verbose. */
  stderr?: string;
}

export type TargetInspection =
  | (Outcome & { ok: true; advertised: Advertised; transportUsed: Session['transportUsed']; problems: InspectFailure[] })
  | (Outcome & { ok: false; failure: InspectFailure });

function seconds(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)}s` : `${ms}ms`;
}

/** Explains a failed list request from what the session saw. */
function explainer(session: Session, settings: InspectSettings) {
  return (err: unknown, method: string): InspectFailure => {
    const p = session.process;
    const h = session.http;
    if (p?.oversized || h?.oversized) return new InspectFailure('limit', `${method}: a response over the ${settings.limits.maxResponseBytes}-byte limit; cut off`);
    if (err instanceof SdkError && err.code === SdkErrorCode.RequestTimeout) return new InspectFailure('timeout', `${method} did not answer within ${seconds(settings.requestTimeoutMs)} (request timeout)`);
    if (p?.exitedOnItsOwn) {
      const how = p.signal ? `was killed by ${p.signal}` : `exited with code ${p.exitCode ?? '?'}`;
      const last = p.stderr.lastLine();
      return new InspectFailure('connect', `${how} during ${method}${last ? `; last stderr line: ${JSON.stringify(last)}` : ''}`);
    }
    return new InspectFailure('protocol', `${method} failed: ${messageOf(err)}`);
  };
}

/** Connects to `target`, collects what it advertises and closes the connection. */
export async function inspectTarget(target: Target, settings: InspectSettings): Promise<TargetInspection> {
  let session: Session;
  try {
    session = target.kind === 'stdio' ? await connectStdio(target, settings) : await connectRemote(target, settings);
  } catch (err) {
    const failure = err instanceof InspectFailure ? err : new InspectFailure('internal', `connect failed unexpectedly: ${messageOf(err)}`);
    return { ok: false, failure, notes: [], ...(failure.stderr !== undefined ? { stderr: failure.stderr } : {}) };
  }
  let collected: Awaited<ReturnType<typeof collect>>;
  try {
    collected = await collect(session, settings.limits, settings.requestTimeoutMs, explainer(session, settings));
  } finally {
    await session.close();
  }
  // Read stderr after the process is gone: what it wrote last is often the explanation.
  const stderr = session.process?.stderr.text();
  return { ok: true, ...collected, transportUsed: session.transportUsed, notes: session.notes, ...(stderr !== undefined ? { stderr } : {}) };
}
