/**
 * Key files. The private key is PKCS #8 in PEM, the form `openssl genpkey
 * -algorithm ed25519` writes too, so either tool can make it; a bare base64
 * line is accepted as well. The public key is the base64 of its 32 raw bytes:
 * what readers paste into Gloss to pin a pack.
 */
import { readFile } from 'node:fs/promises';
import { decodeBase64 } from '../lib/pack/bytes';
import { parsePublicKey } from '../lib/pack/signature';
import { CliError, messageOf } from './errors';

const PEM = /-----BEGIN PRIVATE KEY-----([\s\S]*?)-----END PRIVATE KEY-----/;

export function privateKeyPem(base64: string): string {
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN PRIVATE KEY-----\n${lines.join('\n')}\n-----END PRIVATE KEY-----\n`;
}

/** The base64 PKCS #8 body of a private key file. */
export async function readPrivateKey(path: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new CliError(`${path}: the private key could not be read (${messageOf(err)})`);
  }
  const body = (PEM.exec(text)?.[1] ?? text).replace(/\s+/g, '');
  if (body === '' || decodeBase64(body) === null) {
    throw new CliError(`${path}: is not a private key (expected PEM "BEGIN PRIVATE KEY", as gloss-pack keygen writes)`);
  }
  return body;
}

/** `--key` for verify: the base64 key itself, or a file holding it. */
export async function readPublicKey(arg: string): Promise<string> {
  let text = arg.trim();
  if (decodeBase64(text)?.length !== 32) {
    try {
      text = (await readFile(arg, 'utf8')).trim();
    } catch (err) {
      throw new CliError(`${arg}: is neither a public key (base64 of 32 bytes) nor a readable file (${messageOf(err)})`);
    }
  }
  try {
    parsePublicKey(text);
  } catch (err) {
    throw new CliError(`${arg}: ${messageOf(err)}`);
  }
  return text;
}
