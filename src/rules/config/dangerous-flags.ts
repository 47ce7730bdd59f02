/**
 * @fileoverview Launch flags that switch off a program's own protections (`--no-sandbox`,
 * `--dangerously-*`, `--allow-all`) or hand a container the host (`--privileged`, host namespaces,
 * added capabilities, the Docker socket, `/` or the home directory mounted).
 */
import { defineRule } from '../define.js';
import { Atlas, Attack, type TechniqueId } from '../attack.js';
import type { ServerEntry, Severity } from '../../model/index.js';
import { splitWords } from '../../analysis/command-line.js';
import { parseLaunch, type RunnerLaunch, type RunnerOption, type Token } from '../../analysis/launch.js';
import type { RuleReport } from '../types.js';
import type { ConfigRuleContext } from './types.js';
import { locateToken } from './utils/fields.js';
import { classifyHostPath, type PathExposure } from './utils/host-paths.js';

type MessageId = 'privileged' | 'dockerSocket' | 'hostNamespace' | 'capability' | 'hostMount' | 'safetyOff';

const ESCAPE: TechniqueId[] = [Attack.EscapeToHost, Atlas.EscapeToHost];
const IMPAIR: TechniqueId[] = [Attack.DisableOrModifyTools];

/** Flags that disable a program's own safety, for any program. */
const SAFETY_FLAGS: ReadonlyArray<{ match: (flag: string) => boolean; severity: Severity; why: string }> = [
  { match: (f) => f.startsWith('--dangerously-') || f.startsWith('--dangerous-'), severity: 'high', why: 'skips the confirmations the program asks for' },
  { match: (f) => f === '--no-sandbox' || f === '--disable-sandbox' || f === '--no-sandboxing', severity: 'high', why: 'turns off the process sandbox' },
  { match: (f) => f === '--disable-setuid-sandbox' || f === '--disable-web-security', severity: 'medium', why: 'weakens the browser sandbox or same-origin policy' },
  { match: (f) => f === '--allow-all' || f === '--allow-all-tools' || f === '--trust-all-tools', severity: 'high', why: 'grants every permission without asking' },
  { match: (f) => f === '--yolo' || f === '--auto-approve' || f === '--skip-permissions', severity: 'high', why: 'approves every action without asking' },
];

/** Linux capabilities that amount to root on the host. */
const ROOT_CAPS = new Set(['all', 'sys_admin', 'sys_ptrace', 'sys_module', 'dac_read_search', 'dac_override', 'sys_rawio', 'bpf', 'perfmon', 'net_admin', 'sys_boot']);

const MOUNT_SEVERITY: Readonly<Record<PathExposure, { rw: Severity; ro: Severity }>> = {
  'docker-socket': { rw: 'critical', ro: 'critical' }, // read-only does not limit the API
  root: { rw: 'critical', ro: 'high' },
  'drive-root': { rw: 'critical', ro: 'high' },
  'all-homes': { rw: 'high', ro: 'high' },
  home: { rw: 'high', ro: 'medium' },
  credentials: { rw: 'high', ro: 'high' },
  system: { rw: 'high', ro: 'medium' },
};

/** Source and read-only flag of a `-v`/`--volume` or `--mount` value; undefined for named volumes. */
function mountSource(option: RunnerOption): { source: string; readOnly: boolean } | undefined {
  const value = option.value ?? '';
  if (option.name === '--mount') {
    const kv = new Map(value.split(',').map((p) => {
      const eq = p.indexOf('=');
      return eq < 0 ? [p.trim().toLowerCase(), 'true'] : [p.slice(0, eq).trim().toLowerCase(), p.slice(eq + 1).trim()];
    }));
    if ((kv.get('type') ?? 'volume') !== 'bind') return undefined;
    const source = kv.get('source') ?? kv.get('src');
    if (source === undefined) return undefined;
    const ro = kv.get('readonly') ?? kv.get('ro');
    return { source, readOnly: ro !== undefined && ro !== 'false' && ro !== '0' };
  }
  // -v SRC:DST[:OPTS]; a Windows source keeps its drive colon.
  const drive = /^[A-Za-z]:[\\/]/.test(value) ? 2 : 0;
  const colon = value.indexOf(':', drive);
  const source = colon < 0 ? value : value.slice(0, colon);
  const options = colon < 0 ? '' : (value.slice(colon + 1).split(':')[1] ?? '');
  if (!/^(?:[/~.$%\\]|[A-Za-z]:)/.test(source)) return undefined; // a named volume
  return { source, readOnly: options.split(',').some((o) => o === 'ro' || o === 'readonly') };
}

function containerReports(entry: ServerEntry, runner: RunnerLaunch, ctx: ConfigRuleContext): RuleReport<MessageId>[] {
  const out: RuleReport<MessageId>[] = [];
  const report = (messageId: MessageId, severity: Severity, at: Token, evidence: string, data: Record<string, string>) => {
    const loc = locateToken(entry, at);
    out.push({ messageId, severity, attack: ESCAPE, data: { server: entry.name, runner: runner.invokedAs, ...data }, field: loc.pointer, ...(loc.line !== undefined ? { line: loc.line } : {}), evidence });
  };
  for (const o of runner.options) {
    const at = o.valueAt ?? o.at;
    const shown = o.value === undefined ? o.name : `${o.name} ${o.value}`;
    const value = (o.value ?? '').toLowerCase();
    if (o.name === '--privileged' && o.value !== 'false') report('privileged', 'critical', o.at, o.name, {});
    else if (o.name === '--use-api-socket') report('dockerSocket', 'critical', o.at, o.name, { path: 'the Docker API socket' });
    else if (['--network', '--net', '--pid', '--ipc', '--userns', '--uts', '--cgroupns'].includes(o.name) && value === 'host') {
      const namespace = o.name === '--net' ? 'network' : o.name.slice(2);
      report('hostNamespace', namespace === 'pid' ? 'high' : namespace === 'network' || namespace === 'userns' ? 'medium' : 'low', at, shown, { namespace });
    } else if (o.name === '--cap-add' && value !== '') report('capability', ROOT_CAPS.has(value.replace(/^cap_/, '')) ? 'high' : 'medium', at, shown, { what: `capability ${o.value ?? ''}` });
    else if (o.name === '--security-opt' && /(?:seccomp|apparmor|systempaths)[=:]unconfined|label[=:]disable|no-new-privileges[=:]false/.test(value)) report('capability', 'high', at, shown, { what: `security option ${o.value ?? ''}` });
    else if (o.name === '--device' && value !== '') report('capability', 'medium', at, shown, { what: `host device ${o.value ?? ''}` });
    else if (o.name === '-v' || o.name === '--volume' || o.name === '--mount') {
      const m = mountSource(o);
      const exposed = m ? classifyHostPath(m.source, ctx) : undefined;
      if (!m || !exposed) continue;
      const severity = m.readOnly ? MOUNT_SEVERITY[exposed.exposure].ro : MOUNT_SEVERITY[exposed.exposure].rw;
      if (exposed.exposure === 'docker-socket') report('dockerSocket', severity, at, shown, { path: exposed.label });
      else report('hostMount', severity, at, shown, { path: exposed.label, mode: m.readOnly ? 'read-only' : 'read-write' });
    }
  }
  return out;
}

/** The words of the command line as written, plus the words inside script arguments. */
function writtenTokens(entry: ServerEntry): Token[] {
  const out: Token[] = [];
  if (entry.command !== undefined) out.push(...splitWords(entry.command).map((text) => ({ text, arg: -1 })));
  entry.args.forEach((a, arg) => {
    out.push({ text: a, arg });
    if (/\s/.test(a)) out.push(...splitWords(a).map((text) => ({ text, arg })));
  });
  return out;
}

function safetyReports(entry: ServerEntry, tokens: Token[]): RuleReport<MessageId>[] {
  const out: RuleReport<MessageId>[] = [];
  const seen = new Set<string>();
  tokens.forEach((t, i) => {
    const flag = t.text.split('=')[0]?.toLowerCase() ?? '';
    let hit: { severity: Severity; why: string; shown: string } | undefined;
    const rule = SAFETY_FLAGS.find((r) => r.match(flag));
    if (rule) hit = { severity: rule.severity, why: rule.why, shown: t.text };
    // PowerShell -ExecutionPolicy Bypass / Unrestricted.
    else if (/^[-/](?:executionpolicy|ep|exec|ex)$/i.test(t.text) && /^(?:bypass|unrestricted)$/i.test(tokens[i + 1]?.text ?? '')) {
      hit = { severity: 'medium', why: 'turns off PowerShell script signing checks', shown: `${t.text} ${tokens[i + 1]?.text ?? ''}` };
    }
    if (!hit || seen.has(flag)) return;
    seen.add(flag);
    out.push(safetyReport(entry, t, hit));
  });
  return out;
}

function safetyReport(entry: ServerEntry, at: Token, hit: { severity: Severity; why: string; shown: string }): RuleReport<MessageId> {
  const loc = locateToken(entry, at);
  return { messageId: 'safetyOff', severity: hit.severity, attack: IMPAIR, data: { server: entry.name, flag: hit.shown, why: hit.why }, field: loc.pointer, ...(loc.line !== undefined ? { line: loc.line } : {}), evidence: hit.shown };
}

export default defineRule<ServerEntry, ConfigRuleContext, MessageId>({
  kind: 'config',
  meta: {
    id: 'config/dangerous-flags',
    title: 'Launch flags that disable protections or expose the host',
    description:
      'Some flags undo the isolation a server would otherwise run with: a privileged container, host namespaces, added capabilities or the Docker socket give the container the host; mounting `/` or the home directory gives it every file; `--no-sandbox`, `--dangerously-*` and `--allow-all` switch off the program\'s own protections. A prompt-injected or compromised server then acts with all of it.',
    severity: 'high',
    category: 'isolation',
    attack: [Attack.EscapeToHost, Attack.DisableOrModifyTools, Atlas.EscapeToHost],
    remediation:
      'Drop the flag. Mount only the directories the server needs, read-only where possible (`-v "$PWD/data:/data:ro"`); never mount the Docker socket; use the default network and capabilities; keep sandboxes on.',
    messages: {
      privileged: 'Server "{{server}}" runs a privileged container (`{{runner}} --privileged`): it has every capability and all host devices, which is root on the host.',
      dockerSocket: 'Server "{{server}}" gets {{path}} (`{{runner}}`): whoever controls the Docker API controls the host.',
      hostNamespace: 'Server "{{server}}" shares the host {{namespace}} namespace (`{{runner}}`), removing a layer of container isolation.',
      capability: 'Server "{{server}}" is given {{what}} (`{{runner}}`), beyond what a container normally gets.',
      hostMount: 'Server "{{server}}" mounts {{path}} from the host ({{mode}}, `{{runner}}`): everything there is readable by the server and by anything that steers it.',
      safetyOff: 'Server "{{server}}" is launched with `{{flag}}`, which {{why}}.',
    },
  },
  check(entry, ctx) {
    if (entry.transport !== 'stdio') return [];
    const launch = parseLaunch(entry);
    const reports: RuleReport<MessageId>[] = [];
    for (const runner of launch.runners) {
      if (runner.runner === 'docker-run') reports.push(...containerReports(entry, runner, ctx));
      // Deno's -A is --allow-all; only as a deno option, elsewhere -A means something else.
      const denoAll = runner.runner === 'deno-run' ? runner.options.find((o) => o.name === '-A') : undefined;
      if (denoAll) reports.push(safetyReport(entry, denoAll.at, { severity: 'high', why: 'grants every permission without asking', shown: '-A' }));
    }
    reports.push(...safetyReports(entry, [...launch.commands.flat(), ...writtenTokens(entry)]));
    return reports;
  },
});
