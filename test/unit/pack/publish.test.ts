import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseManifest } from '@/utils/knowledge/dist/manifest';
import { checkFiles } from '@/utils/knowledge/dist/read-dist';
import { fingerprintOf, readSigningKey, verifyBytes } from '@/utils/knowledge/dist/signature';
import { keygen, publishMain } from '../../../scripts/pack/publish';
import { PUBLISHED_ENTITIES } from '../../support/pack-host';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'backstory-publish-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

/** Run the command line, with what it printed. */
async function run(...args: string[]) {
  const out: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
  vi.spyOn(console, 'error').mockImplementation((line: string) => void out.push(String(line)));
  const code = await publishMain(args);
  vi.restoreAllMocks();
  return { code, out: out.join('\n') };
}

function packFile(extra: object = {}): string {
  const file = join(dir, 'pack.json');
  writeFileSync(
    file,
    JSON.stringify({
      format: 'backstory-pack',
      schemaVersion: 1,
      id: 'news.example.pack',
      name: 'Example newsroom pack',
      version: '2026.12.06',
      sources: [{ title: 'Example Newsroom research desk', licence: 'CC BY 4.0' }],
      entities: PUBLISHED_ENTITIES,
      ...extra,
    }),
  );
  return file;
}

describe('npm run pack -- --keygen', () => {
  it('writes a private key only its owner can read, never over another, and prints its fingerprint', async () => {
    const file = join(dir, 'publisher.pem');
    const { code, out } = await run('--keygen', file);
    expect(code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const key = await readSigningKey(readFileSync(file, 'utf8'));
    expect(out).toContain(`public key:  ${key.publicKey}`);
    expect(out).toContain(`fingerprint: ${await fingerprintOf(key.publicKey)}`);
    await expect(keygen(file)).rejects.toThrow(/never overwritten/);
  });
});

describe('npm run pack -- --publish', () => {
  it('writes a signed static folder from a pack file: manifest, signature, files', async () => {
    const keyFile = join(dir, 'publisher.pem');
    await keygen(keyFile);
    const out = join(dir, 'site');
    const result = await run(
      '--publish',
      out,
      '--key',
      keyFile,
      '--pack',
      packFile(),
      '--publisher',
      'Example Newsroom',
      '--expires',
      '86400',
      '--shards',
      '4',
    );
    expect(result.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'entities-000.bin',
      'entities-001.bin',
      'entities-002.bin',
      'entities-003.bin',
      'manifest.json',
      'manifest.sig',
      'matcher-000.bin',
    ]);
    const bytes = new Uint8Array(readFileSync(join(out, 'manifest.json')));
    const parsed = parseManifest(JSON.parse(new TextDecoder().decode(bytes)));
    if (!parsed.ok) throw new Error(parsed.errors.join());
    const key = await readSigningKey(readFileSync(keyFile, 'utf8'));
    expect(parsed.manifest).toMatchObject({
      id: 'news.example.pack',
      publisher: 'Example Newsroom',
      licence: 'CC BY 4.0',
      expires: 86_400,
      key: key.publicKey,
      counts: { entities: 8 },
    });
    const signature = readFileSync(join(out, 'manifest.sig'), 'utf8');
    expect(await verifyBytes(key.publicKey, bytes, signature)).toBe(true);
    expect(
      await checkFiles(
        parsed.manifest,
        async (name) => new Uint8Array(readFileSync(join(out, name))),
      ),
    ).toEqual([]);
    expect(result.out).toContain(`key fingerprint ${await fingerprintOf(key.publicKey)}`);
    // Published again into the same folder: allowed, it holds only a pack.
    expect(
      (await run('--publish', out, '--key', keyFile, '--pack', packFile(), '--publisher', 'X'))
        .code,
    ).toBe(0);
  });

  it('refuses, saying why: no key, a bad pack, a folder of other files, a missing publisher', async () => {
    const keyFile = join(dir, 'publisher.pem');
    await keygen(keyFile);
    expect((await run('--publish', join(dir, 'a'))).out).toMatch(/^usage:/);
    const bad = await run(
      '--publish',
      join(dir, 'a'),
      '--key',
      keyFile,
      '--pack',
      packFile({ entities: [{ id: 'Q1' }] }),
      '--publisher',
      'X',
    );
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/is not a valid pack:\n {2}entity Q1/);
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const foreign = await run(
      '--publish',
      dir,
      '--key',
      keyFile,
      '--pack',
      packFile(),
      '--publisher',
      'X',
    );
    expect(foreign.out).toMatch(/holds other files \(notes\.txt/);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    const anonymous = await run(
      '--publish',
      join(dir, 'b'),
      '--key',
      keyFile,
      '--pack',
      packFile(),
    );
    expect(anonymous.out).toMatch(/--publisher NAME is needed/);
    const unlicensed = await run(
      '--publish',
      join(dir, 'b'),
      '--key',
      keyFile,
      '--pack',
      packFile({ sources: [] }),
      '--publisher',
      'X',
    );
    expect(unlicensed.out).toMatch(/--licence TEXT is needed/);
    const notAKey = join(dir, 'not-a-key.pem');
    writeFileSync(notAKey, 'hello');
    expect(
      (
        await run(
          '--publish',
          join(dir, 'c'),
          '--key',
          notAKey,
          '--pack',
          packFile(),
          '--publisher',
          'X',
        )
      ).out,
    ).toMatch(/PKCS#8 PEM/);
  });
});
