import { lstat, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPackDir } from '@/cli/commands/build';
import { initPackDir } from '@/cli/commands/init';
import { writeKeyPair } from '@/cli/commands/keygen';
import { verifyPack } from '@/cli/commands/verify';
import { readPrivateKey } from '@/cli/key-file';
import { verifySignature } from '@/lib/pack';
import { folderState, run, tempDir } from './helpers';

const NOW = new Date('2026-11-30T08:00:00Z');

async function signedPack() {
  const root = await tempDir();
  const src = join(root, 'src');
  const out = join(root, 'out');
  await initPackDir(src, { now: NOW });
  const key = join(root, 'gloss-pack.key');
  const { publicKey } = await writeKeyPair(key);
  await buildPackDir(src, out, { now: NOW, privateKeyFile: key });
  return { root, src, out, key, publicKey };
}

describe('keys and signatures', () => {
  it('keygen creates both key files exclusively, with exact modes whatever the umask', async () => {
    const root = await tempDir();
    const previous = process.umask(0);
    try {
      await writeKeyPair(join(root, 'a.key'));
    } finally {
      process.umask(previous);
    }
    expect((await stat(join(root, 'a.key'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(root, 'a.key.pub'))).mode & 0o777).toBe(0o644);
    // A link planted where the public key goes is not written through.
    const target = join(root, 'elsewhere.txt');
    await writeFile(target, 'untouched\n');
    await symlink(target, join(root, 'b.key.pub'));
    await expect(writeKeyPair(join(root, 'b.key'))).rejects.toThrow(/b\.key\.pub: already exists/);
    expect(await readFile(target, 'utf8')).toBe('untouched\n');
    expect((await lstat(join(root, 'b.key.pub'))).isSymbolicLink()).toBe(true);
    // And no private key is left without its public half.
    await expect(stat(join(root, 'b.key'))).rejects.toThrow();
  });

  it('keygen writes a private key only its owner can read, and the public key readers pin', async () => {
    const root = await tempDir();
    const result = await run('keygen', '--out', join(root, 'k.key'));
    expect(result.code).toBe(0);
    const publicKey = result.out.trim();
    expect(publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect((await readFile(join(root, 'k.key.pub'), 'utf8')).trim()).toBe(publicKey);
    expect(await readFile(join(root, 'k.key'), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect((await stat(join(root, 'k.key'))).mode & 0o777).toBe(0o600);
    // Never overwrites a key readers may have pinned.
    const again = await run('keygen', '--out', join(root, 'k.key'));
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already exists/);
  });

  it('build --key signs pack.json, and verify accepts it with the right public key', async () => {
    const { out, key, publicKey } = await signedPack();
    const manifest = new Uint8Array(await readFile(join(out, 'pack.json')));
    const signature = await readFile(join(out, 'pack.json.sig'), 'utf8');
    expect(await verifySignature(manifest, signature, publicKey)).toBe(true);
    expect((await verifyPack(out, { publicKey })).ok).toBe(true);
    const cli = await run('verify', out, '--key', `${key}.pub`);
    expect(cli.code).toBe(0);
    expect(cli.out).toMatch(/signature: valid for the given public key/);
  });

  it('verify refuses the pack with another public key, as a pinning reader would', async () => {
    const { root, out } = await signedPack();
    const other = await writeKeyPair(join(root, 'other.key'));
    const result = await verifyPack(out, { publicKey: other.publicKey });
    expect(result.ok).toBe(false);
    expect(result.problems.join('\n')).toMatch(/pack\.json\.sig: the signature does not match pack\.json and the pinned key/);
    const cli = await run('verify', out, '--key', other.publicKey);
    expect(cli.code).toBe(1);
    expect(cli.out).toMatch(/^refused: pack\.json\.sig/m);
  });

  it('verify with a key refuses an unsigned pack', async () => {
    const { root, src, publicKey } = await signedPack();
    const unsigned = join(root, 'unsigned');
    await buildPackDir(src, unsigned, { now: NOW });
    const result = await verifyPack(unsigned, { publicKey });
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatch(/pack\.json\.sig: missing/);
  });

  it('an unchanged rebuild with the same key changes nothing (Ed25519 signatures are deterministic)', async () => {
    const { src, out, key } = await signedPack();
    const before = await folderState(out);
    expect(await buildPackDir(src, out, { now: new Date('2026-12-02T00:00:00Z'), privateKeyFile: key })).toMatchObject({
      unchanged: true,
      written: [],
    });
    expect(await folderState(out)).toEqual(before);
  });

  it('signing an unchanged, unsigned pack writes only the signature', async () => {
    const root = await tempDir();
    const src = join(root, 'src');
    const out = join(root, 'out');
    await initPackDir(src, { now: NOW });
    await buildPackDir(src, out, { now: NOW });
    const { publicKey } = await writeKeyPair(join(root, 'k.key'));
    const result = await buildPackDir(src, out, { now: NOW, privateKeyFile: join(root, 'k.key') });
    expect(result).toMatchObject({ unchanged: true, version: 1, written: ['pack.json.sig'] });
    expect((await verifyPack(out, { publicKey })).ok).toBe(true);
  });

  it('a new unsigned version removes the old signature, with a warning', async () => {
    const { src, out } = await signedPack();
    const path = join(src, 'pack.yaml');
    await writeFile(path, (await readFile(path, 'utf8')).replace('My pack', 'Renamed pack'));
    const log: string[] = [];
    const result = await buildPackDir(src, out, { now: NOW, log: (l) => log.push(l) });
    expect(result).toMatchObject({ version: 2, removed: ['pack.json.sig'] });
    expect(log.join('\n')).toMatch(/this version is unsigned/);
  });

  it('announces the next key from pack.yaml in the signed manifest, as a new version', async () => {
    const { root, src, out, key } = await signedPack();
    const next = await writeKeyPair(join(root, 'next.key'));
    const path = join(src, 'pack.yaml');
    await writeFile(path, `${await readFile(path, 'utf8')}nextKey: ${next.publicKey}\n`);
    const result = await buildPackDir(src, out, { now: NOW, privateKeyFile: key });
    expect(result).toMatchObject({ version: 2, unchanged: false });
    expect(JSON.parse(await readFile(join(out, 'pack.json'), 'utf8')).nextKey).toBe(next.publicKey);

    await writeFile(path, (await readFile(path, 'utf8')).replace(`nextKey: ${next.publicKey}`, 'nextKey: not-a-key'));
    await expect(buildPackDir(src, out, { now: NOW, privateKeyFile: key })).rejects.toThrow(/pack\.yaml: nextKey: must be an Ed25519 public key/);
  });

  it('refuses a key file that is not a private key', async () => {
    const root = await tempDir();
    await writeFile(join(root, 'bad.key'), 'not a key at all!\n');
    await expect(readPrivateKey(join(root, 'bad.key'))).rejects.toThrow(/bad\.key: is not a private key/);
  });
});
