import { chmodSync, closeSync, existsSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { WardenError, WardenErrorCode } from '../model/errors.js';
import type { writeFileAtomic as WriteFileAtomic } from '../pinning/file.js';
import { defaultStateDir } from '../store/paths.js';
import { EXIT_CODES_HELP } from './exit-codes.js';

interface KeygenFlags {
  out?: string;
  force: boolean;
  home?: string;
}

/** Default private key path: inside the per-user data dir, never the working tree (it must not be committed). */
export function defaultKeyPath(home: string): string {
  return join(defaultStateDir({ home, platform: process.platform, env: process.env }), 'keys', 'lockfile-signing.key');
}

/**
 * Creates `path` with `text` and mode 0600 from the first byte; refuses to replace a file unless
 * `force`, and then replaces it with `writeAtomic` (pinning/file's writeFileAtomic, loaded on use).
 */
function writePrivate(path: string, text: string, force: boolean, writeAtomic: typeof WriteFileAtomic): void {
  if (force) {
    writeAtomic(path, text, 0o600);
  } else {
    const fd = openSync(path, 'wx', 0o600);
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
  }
  // The umask may have cleared bits but never adds any; chmod makes 0600 exact either way.
  if (process.platform !== 'win32') chmodSync(path, 0o600);
}

export function registerKeygen(program: Command): void {
  program
    .command('keygen')
    .description('Create an ed25519 key pair for signing lockfiles. The private key is written with mode 0600 and never printed.')
    .option('--out <file>', 'private key path; the public key goes to <file>.pub (default: <data dir>/mcp-warden/keys/lockfile-signing.key)')
    .option('--force', 'replace existing key files', false)
    .option('--home <dir>', 'home directory used to find the default data dir')
    .addHelpText('after', `\n${EXIT_CODES_HELP}`)
    .action(async (flags: KeygenFlags) => {
      const privatePath = flags.out ?? defaultKeyPath(flags.home ?? homedir());
      const publicPath = `${privatePath}.pub`;
      for (const p of [privatePath, publicPath]) {
        if (!flags.force && existsSync(p)) {
          throw new WardenError(WardenErrorCode.Usage, `${p} already exists; refusing to overwrite a key`, {
            hint: 'choose another --out, or pass --force if you really mean to replace it (lockfiles signed with the old key will no longer verify)',
          });
        }
      }
      mkdirSync(dirname(privatePath), { recursive: true, mode: 0o700 });
      const [{ generateSigningKey }, { writeFileAtomic }] = await Promise.all([import('../pinning/signature.js'), import('../pinning/file.js')]);
      const key = generateSigningKey();
      try {
        writePrivate(privatePath, key.privatePem, flags.force, writeFileAtomic);
      } catch (err) {
        if (err instanceof WardenError) throw err;
        throw new WardenError(WardenErrorCode.Io, `${privatePath}: cannot write the private key: ${(err as Error).message}`);
      }
      writeFileAtomic(publicPath, key.publicPem, 0o644);
      process.stdout.write(
        [
          `key id:      ${key.keyId}`,
          `private key: ${privatePath} (mode 0600: keep it secret, never commit it)`,
          `public key:  ${publicPath} (commit this one, e.g. as .mcp-warden.pub)`,
          '',
          'Sign:   mcp-warden pin --inventory <file> --sign ' + privatePath,
          'Verify: mcp-warden pin --inventory <file> --check --verify-key ' + publicPath,
          '',
        ].join('\n'),
      );
    });
}
