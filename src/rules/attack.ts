/**
 * @fileoverview MITRE ATT&CK (Enterprise) and MITRE ATLAS technique ids that findings carry.
 *
 * Rules reference these constants instead of typing ids, so a typo fails to compile and every id
 * in use has a name and a documented reason in docs/attack-mapping.md (a test keeps both in step).
 * Names follow ATT&CK v17 and ATLAS 5.6.0 (mitre-atlas/atlas-data `dist/ATLAS.yaml`).
 */

/** MITRE ATT&CK Enterprise techniques. */
export const Attack = {
  CommandShellPowerShell: 'T1059.001',
  CommandShellWindows: 'T1059.003',
  CommandShellUnix: 'T1059.004',
  CommandObfuscation: 'T1027.010',
  IngressToolTransfer: 'T1105',
  /** Indirect Command Execution (forfiles, pcalua, conhost, wsl). Not "command injection". */
  IndirectCommandExecution: 'T1202',
  ExploitationForClientExecution: 'T1203',
  WebProtocols: 'T1071.001',
  AdversaryInTheMiddle: 'T1557',
  NetworkSniffing: 'T1040',
  /** Behaviour that depends on who is looking (here: which client identity connects). */
  ExecutionGuardrails: 'T1480',
  ExploitPublicFacingApplication: 'T1190',
  CredentialsInFiles: 'T1552.001',
  CompromiseSoftwareSupplyChain: 'T1195.002',
  CompromiseSoftwareDependencies: 'T1195.001',
  MatchLegitimateName: 'T1036.005',
  ExfiltrationOverC2: 'T1041',
  CommandAndScriptingInterpreter: 'T1059',
  EscapeToHost: 'T1611',
  DisableOrModifyTools: 'T1562.001',
  DataFromLocalSystem: 'T1005',
  FileAndDirectoryDiscovery: 'T1083',
  /** A tool presenting itself as another (renamed, wearing another tool's description). */
  Masquerading: 'T1036',
  /** A signed record (the lockfile) edited to hide a change. */
  StoredDataManipulation: 'T1565.001',
  ObfuscatedFilesOrInformation: 'T1027',
  DeobfuscateDecodeFilesOrInformation: 'T1140',
  /** Text hidden from the person reading a description (invisible characters, escapes, markup). */
  HideArtifacts: 'T1564',
  UserExecution: 'T1204',
  /** A tool that asks for passwords or tokens through its parameters. */
  PhishingForInformation: 'T1598',
  UnsecuredCredentials: 'T1552',
  InputCapture: 'T1056',
  ExfiltrationOverWebService: 'T1567',
  AbuseElevationControlMechanism: 'T1548',
  CreateOrModifySystemProcess: 'T1543',
} as const;

/** MITRE ATLAS techniques (AI-specific). */
export const Atlas = {
  PromptInjection: 'AML.T0051',
  IndirectPromptInjection: 'AML.T0051.001',
  CommandAndScriptingInterpreter: 'AML.T0050',
  SupplyChainAgentTool: 'AML.T0010.005',
  SupplyChainRugPull: 'AML.T0109',
  AgentToolPoisoning: 'AML.T0110',
  CredentialsFromAgentConfiguration: 'AML.T0083',
  ExploitPublicFacingApplication: 'AML.T0049',
  EscapeToHost: 'AML.T0105',
  DataFromLocalSystem: 'AML.T0037',
  AgentToolInvocation: 'AML.T0053',
  ExfiltrationViaAgentTool: 'AML.T0086',
  LlmJailbreak: 'AML.T0054',
  LlmDataLeakage: 'AML.T0057',
} as const;

export type AttackId = (typeof Attack)[keyof typeof Attack];
export type AtlasId = (typeof Atlas)[keyof typeof Atlas];
export type TechniqueId = AttackId | AtlasId;

/** Official names, shown in reports and checked against docs/attack-mapping.md. */
export const TECHNIQUE_NAMES: Readonly<Record<TechniqueId, string>> = {
  'T1059.001': 'Command and Scripting Interpreter: PowerShell',
  'T1059.003': 'Command and Scripting Interpreter: Windows Command Shell',
  'T1059.004': 'Command and Scripting Interpreter: Unix Shell',
  'T1027.010': 'Obfuscated Files or Information: Command Obfuscation',
  T1105: 'Ingress Tool Transfer',
  T1040: 'Network Sniffing',
  T1480: 'Execution Guardrails',
  T1202: 'Indirect Command Execution',
  T1203: 'Exploitation for Client Execution',
  'T1071.001': 'Application Layer Protocol: Web Protocols',
  T1557: 'Adversary-in-the-Middle',
  T1190: 'Exploit Public-Facing Application',
  'T1552.001': 'Unsecured Credentials: Credentials In Files',
  'T1195.002': 'Supply Chain Compromise: Compromise Software Supply Chain',
  'T1195.001': 'Supply Chain Compromise: Compromise Software Dependencies and Development Tools',
  'T1036.005': 'Masquerading: Match Legitimate Resource Name or Location',
  T1041: 'Exfiltration Over C2 Channel',
  T1059: 'Command and Scripting Interpreter',
  T1611: 'Escape to Host',
  'T1562.001': 'Impair Defenses: Disable or Modify Tools',
  T1005: 'Data from Local System',
  T1083: 'File and Directory Discovery',
  T1036: 'Masquerading',
  'T1565.001': 'Data Manipulation: Stored Data Manipulation',
  T1027: 'Obfuscated Files or Information',
  T1140: 'Deobfuscate/Decode Files or Information',
  T1564: 'Hide Artifacts',
  T1204: 'User Execution',
  T1598: 'Phishing for Information',
  T1552: 'Unsecured Credentials',
  T1056: 'Input Capture',
  T1567: 'Exfiltration Over Web Service',
  T1548: 'Abuse Elevation Control Mechanism',
  T1543: 'Create or Modify System Process',
  'AML.T0051': 'LLM Prompt Injection',
  'AML.T0051.001': 'LLM Prompt Injection: Indirect',
  'AML.T0050': 'Command and Scripting Interpreter',
  'AML.T0010.005': 'AI Supply Chain Compromise: AI Agent Tool',
  'AML.T0109': 'AI Supply Chain Rug Pull',
  'AML.T0110': 'AI Agent Tool Poisoning',
  'AML.T0083': 'Credentials from AI Agent Configuration',
  'AML.T0049': 'Exploit Public-Facing Application',
  'AML.T0105': 'Escape to Host',
  'AML.T0037': 'Data from Local System',
  'AML.T0053': 'AI Agent Tool Invocation',
  'AML.T0086': 'Exfiltration via AI Agent Tool Invocation',
  'AML.T0054': 'LLM Jailbreak',
  'AML.T0057': 'LLM Data Leakage',
};

/** Every technique id this module knows, ATT&CK first. */
export const ALL_TECHNIQUE_IDS: readonly TechniqueId[] = [...Object.values(Attack), ...Object.values(Atlas)];

/**
 * Link to a technique's page. ATT&CK sub-techniques use `/T1059/003/`, ATLAS uses the full id.
 * @param id technique id such as `T1059.003` or `AML.T0051`
 * @returns the technique's page on attack.mitre.org or atlas.mitre.org
 */
export function techniqueUrl(id: TechniqueId): string {
  if (id.startsWith('AML.')) return `https://atlas.mitre.org/techniques/${id}`;
  return `https://attack.mitre.org/techniques/${id.replace('.', '/')}/`;
}
