/** `gloss-pack keygen`: an Ed25519 key pair for signing pack.json. */
import { open, unlink } from 'node:fs/promises';
import { keyFingerprint } from '../../lib/pack/key-fingerprint';
import { generateKeyPair } from '../../lib/pack/signature';
import { stringOption, type Command } from '../command';
import { CliError, messageOf } from '../errors';
import { privateKeyPem } from '../key-file';

export const DEFAULT_KEY_FILE = 'gloss-pack.key';

/**
 * Creates `file` exclusively (never over an existing file, never through a symbolic link)
 * and sets its mode exactly, whatever the umask.
 */
async function createExclusive(file: string, text: string, mode: number): Promise<void> {
  let handle;
  try {
    handle = await open(file, 'wx', mode);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'EEXIST'
        ? `${file}: already exists; a new key would lock out readers who pinned the old one. Choose another --out.`
        : `${file}: could not be written (${messageOf(err)})`,
    );
  }
  try {
    await handle.chmod(mode);
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
}

/** Writes FILE (private, mode 600) and FILE.pub (mode 644); never overwrites a key. */
export async function writeKeyPair(file: string): Promise<{ publicKey: string; files: string[] }> {
  const pair = await generateKeyPair();
  await createExclusive(file, privateKeyPem(pair.privateKey), 0o600);
  try {
    await createExclusive(`${file}.pub`, `${pair.publicKey}\n`, 0o644);
  } catch (err) {
    // No private key without its public half beside it.
    await unlink(file).catch(() => {});
    throw err;
  }
  return { publicKey: pair.publicKey, files: [file, `${file}.pub`] };
}

export const keygenCommand: Command = {
  name: 'keygen',
  summary: 'make an Ed25519 key pair: a private key file, and the public key readers pin',
  usage: `gloss-pack keygen [--out FILE]

  --out FILE   the private key file (default ${DEFAULT_KEY_FILE}); the public key goes to FILE.pub

Keep the private key out of the published folder and out of version control.
Readers who pin the public key refuse any pack.json it did not sign.`,
  options: { out: { type: 'string', short: 'o' } },
  args: { min: 0, max: 0 },
  async run({ values, log, print }) {
    const file = stringOption(values, 'out') ?? DEFAULT_KEY_FILE;
    const { publicKey, files } = await writeKeyPair(file);
    for (const f of files) log(`  wrote ${f}`);
    log('public key (readers pin this; publish it on your site):');
    print(publicKey);
    // The options page shows a pinned key by this fingerprint.
    log(`fingerprint: ${await keyFingerprint(publicKey)}`);
    return 0;
  },
};
