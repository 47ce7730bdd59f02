import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { WardenError, WardenErrorCode } from '../model/errors.js';
import type { ScanError, ServerEntry, ServerSnapshot, Severity } from '../model/index.js';
import type { Format } from '../report/index.js';
import type { PinInputs, PinMode } from '../app/pin.js';
import { defaultStateDir } from '../store/paths.js';
import { LOCKFILE_NAME } from '../pinning/lockfile-name.js';
import { addDiscoveryOptions, discoveryChoices, type DiscoveryFlags } from './discovery-options.js';
import { addLiveFlags, exitOnInterrupt, liveOnlyFlagsUsed, liveOptionsFrom, printServerLogs, terminalPrompt, type LiveFlags } from './live-flags.js';
import { EXIT_CODES_HELP } from './exit-codes.js';
import { collect, parseFormat, parseSeverity } from './options.js';

interface PinFlags extends DiscoveryFlags, LiveFlags {
  inventory: string[];
  live: boolean;
  config: string[];
  lockfile: string;
  check: boolean;
  update: boolean;
  server?: string;
  tool?: string;
  sign?: string;
  verifyKey: string[];
  store: boolean;
  stateDir?: string;
  format: Format;
  output?: string;
  failOn: Severity;
  verbose: boolean;
}

function usage(message: string, hint?: string): WardenError {
  return new WardenError(WardenErrorCode.Usage, message, hint === undefined ? undefined : { hint });
}

/**
 * `--live`: what the discovered (or --config) servers advertise now, through the same consent,
 * sandbox and limits as `scan --live`. A server that could not be inspected completely is an
 * error, so nothing is written from a partial view. Values that placeholders resolved to are
 * redacted before pinning, as in a saved inventory.
 */
async function liveInputs(flags: PinFlags): Promise<{ snapshots: ServerSnapshot[]; entries: ServerEntry[]; errors: ScanError[]; files: string[] }> {
  const prompt = terminalPrompt();
  const [{ scan }, { redactDeep }] = await Promise.all([import('../app/scan.js'), import('../report/redact.js')]);
  // Discovery problems count too: a config that could not be read hides servers from the pin.
  const { entries, live, report } = await scan({
    ...discoveryChoices(flags),
    configFiles: flags.config,
    command: 'pin --live',
    live: liveOptionsFrom(flags, { singleServer: false, ...(prompt ? { prompt } : {}) }),
  });
  if (live === undefined) throw new WardenError(WardenErrorCode.Internal, 'live inspection did not run');
  if (flags.verbose) await printServerLogs(live.logs, live.sensitive);
  const complete = live.snapshots.filter((s) => live.completeServers.has(s.name));
  if (flags.saveInventory !== undefined) {
    const { saveInventory } = await import('../app/save-inventory.js');
    await saveInventory(flags.saveInventory, redactDeep(complete, live.sensitive));
  }
  return { snapshots: redactDeep(complete, live.sensitive), entries, errors: [...report.errors], files: [] };
}

function readKeyFile(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new WardenError(WardenErrorCode.Io, `${path}: cannot read ${what}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (err as Error).message}`);
  }
}

/** Flag combinations that make no sense are refused before anything is read or written. */
function validate(f: PinFlags): void {
  if (f.check && f.update) throw usage('--check and --update exclude each other');
  if (f.tool !== undefined && f.server === undefined) throw usage('--tool needs --server (tool names are per server)');
  if ((f.server !== undefined || f.tool !== undefined) && !f.update) throw usage('--server and --tool select what --update accepts; add --update');
  if (f.sign !== undefined && f.check) throw usage('--sign writes the lockfile; --check never writes');
  if (f.store && (f.sign !== undefined || f.verifyKey.length > 0)) throw usage('--sign and --verify-key apply to a lockfile, not to --store');
  const stray = f.live ? [] : liveOnlyFlagsUsed(f);
  if (stray.length > 0) throw usage(`${stray.join(', ')} only apply with --live`);
  if (f.live && f.inventory.length > 0) throw usage('--live and --inventory exclude each other: pin what servers advertise now, or what an inventory recorded');
  if (!f.live && (f.config.length > 0 || f.project.length > 0 || f.client.length > 0)) throw usage('--config, --project and --client choose servers to connect to; add --live');
  if (!f.store && f.verifyKey.length > 0 && !f.check && (f.inventory.length > 0 || f.live)) throw usage('--verify-key checks a signature during --check (or alone, without inputs)');
}

export function registerPin(program: Command): void {
  const cmd = program
    .command('pin')
    .description(
      'Pin what MCP servers advertise (tools, prompts, resources, instructions, launch identity) into a lockfile, and report drift ("rug pulls") against it.',
    )
    .option('-i, --inventory <file>', 'read server snapshots from this inventory file (JSON: {"servers":[…]}); repeatable', collect, [])
    .option('--live', 'connect to the configured servers (discovered, or --config files) and pin what they advertise now (consent, sandbox: see the flags below)', false)
    .option('-c, --config <file>', 'with --live: the servers of this config file (any supported client shape); repeatable', collect, [])
    .option('--lockfile <file>', 'lockfile path', LOCKFILE_NAME)
    .option('--check', 'compare with the lockfile and report drift; writes nothing (exit 1 on drift)', false)
    .option('--update', 'accept the current definitions after review (all, or --server/--tool) and record the approval', false)
    .option('--server <name>', 'with --update: accept only this server\'s changes')
    .option('--tool <name>', 'with --update --server: accept only this tool\'s change')
    .option('--sign <private-key>', 'sign the lockfile with this ed25519 key (see `mcp-warden keygen`)')
    .option('--verify-key <public-key>', 'require a valid signature by this public key; repeatable (any one suffices)', collect, [])
    .option('--store', 'use the per-user trust-on-first-use store instead of a lockfile', false)
    .option('--state-dir <dir>', 'directory of the per-user store (default: platform data dir)/mcp-warden')
    .addOption(new Option('-f, --format <format>', 'output format: table, json, sarif, markdown').default('table').argParser(parseFormat))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a drift finding is at or above this severity').default('info').argParser(parseSeverity))
    .option('-v, --verbose', 'show remediation for every finding (with --live also the stderr of local servers)', false);
  addLiveFlags(addDiscoveryOptions(cmd))
    .addHelpText(
      'after',
      `
Examples:
  mcp-warden pin -i inventory.json                        create mcp-warden.lock
  mcp-warden pin --live --client claude-code              pin what Claude Code's servers advertise now (asks before starting each)
  mcp-warden pin --live --yes --check -c .mcp.json        CI: connect (sandboxed) and exit 1 on drift
  mcp-warden pin -i inventory.json --check                exit 1 if anything drifted
  mcp-warden pin -i inventory.json --update --server github --tool search
  mcp-warden pin -i inventory.json --update --sign ~/.local/share/mcp-warden/keys/lockfile-signing.key
  mcp-warden pin -i inventory.json --check --verify-key .mcp-warden.pub
  mcp-warden pin --store --update --server github         accept drift found by earlier scans

${EXIT_CODES_HELP}`,
    )
    .action(async (flags: PinFlags) => {
      validate(flags);
      // Loaded when the command runs (and then only what the chosen mode needs): defining the commands loads no use-case.
      const [{ currentApprover }, { loadInventories }, { emitReport, exitCodeFor }] = await Promise.all([
        import('../app/approver.js'),
        import('../app/pin-inventory.js'),
        import('./output.js'),
      ]);
      const emit = { format: flags.format, ...(flags.output !== undefined ? { output: flags.output } : {}), verbose: flags.verbose };
      if (flags.live) exitOnInterrupt();
      const loaded: PinInputs = flags.live ? await liveInputs(flags) : await loadInventories(flags.inventory);
      const hasInputs = flags.inventory.length > 0 || flags.live;
      const approver = () => currentApprover(dirname(resolve(flags.lockfile)));

      if (flags.store) {
        const stateDir = flags.stateDir ?? defaultStateDir({ home: flags.home ?? homedir(), platform: process.platform, env: process.env });
        const startedAt = new Date();
        const [{ buildReport }, { pinCurrent }, { tofuApprove, tofuCheck }] = await Promise.all([
          import('../app/build-report.js'),
          import('../app/pin-current.js'),
          import('../app/tofu.js'),
        ]);
        const { current, errors: pinErrors } = pinCurrent(loaded.snapshots, loaded.entries ?? []);
        const errors = [...(loaded.errors ?? []), ...pinErrors];
        const checked = hasInputs ? tofuCheck(current, { stateDir, record: !flags.check }) : { findings: [], errors: [], notes: [] };
        const notes = [...checked.notes];
        let findings = checked.findings;
        if (flags.update) {
          const approved = tofuApprove(stateDir, { ...(flags.server !== undefined ? { server: flags.server } : {}), ...(flags.tool !== undefined ? { tool: flags.tool } : {}) }, approver());
          notes.push(...approved.notes);
          // Findings for what was just accepted are no longer drift.
          findings = findings.filter((f) => !approved.accepted.some((a) => a.change.server === f.location.server && (flags.tool === undefined || f.location.tool === flags.tool)));
        } else if (!hasInputs) {
          throw usage('nothing to compare: give --inventory <file>, or --update to accept pending drift');
        }
        const report = buildReport({
          command: `pin --store${flags.update ? ' --update' : flags.check ? ' --check' : ''}`,
          startedAt,
          entries: [],
          findings,
          errors: [...errors, ...checked.errors],
          notes,
          failOn: flags.failOn,
        });
        emitReport(report, emit);
        process.exitCode = exitCodeFor(report, flags.failOn);
        return;
      }

      let mode: PinMode;
      if (flags.check) mode = hasInputs ? 'check' : 'verify';
      else if (flags.update) mode = 'update';
      else if (!hasInputs && flags.sign !== undefined) mode = 'sign';
      else if (!hasInputs && flags.verifyKey.length > 0) mode = 'verify';
      else mode = 'pin';
      if (mode === 'verify' && flags.check) throw usage('--check needs inputs to compare: give --inventory <file> (or drop --check to verify the signature only)');
      if ((mode === 'pin' || mode === 'update') && !hasInputs) throw usage('nothing to pin: give --inventory <file>, or --live to connect to the configured servers');

      const [{ runPin }, { loadPrivateKey, loadPublicKey }] = await Promise.all([import('../app/pin.js'), import('../pinning/signature.js')]);
      const signKey = flags.sign !== undefined ? loadPrivateKey(readKeyFile(flags.sign, 'signing key'), flags.sign) : undefined;
      const verifyKeys = flags.verifyKey.map((p) => loadPublicKey(readKeyFile(p, 'public key'), p));
      const { report } = await runPin({
        lockfile: flags.lockfile,
        mode,
        inputs: loaded,
        selection: { ...(flags.server !== undefined ? { server: flags.server } : {}), ...(flags.tool !== undefined ? { tool: flags.tool } : {}) },
        ...(signKey !== undefined ? { signKey } : {}),
        verifyKeys,
        approver,
        failOn: flags.failOn,
      });
      if (flags.sign !== undefined && process.platform !== 'win32' && (statSync(flags.sign).mode & 0o077) !== 0) {
        report.notes.push(`${flags.sign} is readable by other users: chmod 600 it (a leaked signing key lets anyone approve drift)`);
      }
      emitReport(report, emit);
      process.exitCode = exitCodeFor(report, flags.failOn);
    });
}
