/**
 * Publishing a pack for subscribers: a static folder any web host can serve (`manifest.json`,
 * `manifest.sig`, the `.bin` files), signed with the publisher's Ed25519 key, and the command
 * that makes such a key.
 *
 *   npm run pack -- --keygen KEYFILE
 *       write a new private key (PKCS#8 PEM, readable by you only); print its public key and the
 *       fingerprint readers will see when they subscribe
 *   npm run pack -- --publish DIR --key KEYFILE [--pack FILE | --base larger] [--publisher NAME]
 *                   [--licence TEXT] [--expires SECONDS] [--shards N]
 *       write the built-in base (or, with --pack, a JSON pack file in the import format; with
 *       --base larger, the knowledge base's entities the built-in pack leaves out) into DIR,
 *       signed with the key
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MANIFEST_FILE, packBytes, SIGNATURE_FILE } from '../../utils/knowledge/dist/manifest';
import {
  fingerprintOf,
  generateSigningKey,
  readSigningKey,
} from '../../utils/knowledge/dist/signature';
import type { KnowledgePack } from '../../utils/knowledge/schema';
import { validatePack } from '../../utils/knowledge/validate';
import { buildDefaultPack, buildLargerPack, type PublishOptions, writeDist } from './build';

/** What a published folder holds; anything else in DIR means it is not one, and it is left alone. */
const PUBLISHED_FILE = /^((matcher|entities)-\d{3,5}\.bin|manifest\.json|manifest\.sig)$/;

/** Make a publisher's key: the private key into `file` (never overwritten), the public half printed. */
export async function keygen(file: string): Promise<{ publicKey: string; fingerprint: string }> {
  if (existsSync(file)) throw new Error(`${file} exists already; a key is never overwritten`);
  const { privateKeyPem, publicKey } = await generateSigningKey();
  writeFileSync(file, privateKeyPem, { mode: 0o600, flag: 'wx' });
  return { publicKey, fingerprint: await fingerprintOf(publicKey) };
}

/** A JSON pack file in the import format, validated (every problem named). */
export function readPackFile(file: string): KnowledgePack {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not a JSON file (${error instanceof Error ? error.message : error})`);
  }
  const result = validatePack(data);
  if (!result.ok) throw new Error(`${file} is not a valid pack:\n  ${result.errors.join('\n  ')}`);
  return result.pack;
}

/** The licences a pack file's sources name, in a few words (a manifest needs one). */
function licenceOf(pack: KnowledgePack): string | null {
  const licences = new Set((pack.sources ?? []).flatMap((s) => (s.licence ? [s.licence] : [])));
  return licences.size > 0 ? [...licences].join('; ').slice(0, 200) : null;
}

/** Refuse to empty a folder that holds anything but an earlier published pack. */
function checkTarget(dir: string): void {
  if (!existsSync(dir)) return;
  const foreign = readdirSync(dir).filter((name) => !PUBLISHED_FILE.test(name));
  if (foreign.length > 0)
    throw new Error(
      `${dir} holds other files (${foreign.slice(0, 3).join(', ')}…); publish into an empty folder or an earlier published pack`,
    );
}

/** Publish a pack into `dir`, signed with the key in `keyFile`; what was written. */
export async function publish(
  dir: string,
  keyFile: string,
  pack: KnowledgePack,
  options: Omit<PublishOptions, 'key'>,
) {
  checkTarget(dir);
  const key = await readSigningKey(readFileSync(keyFile, 'utf8'));
  const manifest = await writeDist(pack, dir, { ...options, key });
  return { manifest, fingerprint: await fingerprintOf(key.publicKey) };
}

const USAGE = `usage:
  npm run pack -- --keygen KEYFILE
  npm run pack -- --publish DIR --key KEYFILE [--pack FILE | --base larger] [--publisher NAME]
                  [--licence TEXT] [--expires SECONDS] [--shards N]`;

/** A whole number option within bounds, or undefined when not given. */
function count(value: string | undefined, name: string, min: number, max: number) {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`--${name} must be a whole number from ${min} to ${max}`);
  return n;
}

/** The command line (`build.ts` hands `--publish` and `--keygen` here); the exit code. */
export async function publishMain(args: string[]): Promise<number> {
  try {
    const { values } = parseArgs({
      args,
      options: {
        keygen: { type: 'string' },
        publish: { type: 'string' },
        key: { type: 'string' },
        pack: { type: 'string' },
        base: { type: 'string' },
        publisher: { type: 'string' },
        licence: { type: 'string' },
        expires: { type: 'string' },
        shards: { type: 'string' },
      },
    });
    if (values.keygen) {
      const { publicKey, fingerprint } = await keygen(resolve(values.keygen));
      console.log(`pack: wrote a private key to ${values.keygen}; keep it secret, keep a copy`);
      console.log(`public key:  ${publicKey}`);
      console.log(`fingerprint: ${fingerprint}`);
      console.log('Announce the fingerprint where your readers can see it (your site, your feed).');
      return 0;
    }
    if (!values.publish || !values.key) throw new Error(USAGE);
    if (values.base !== undefined && (values.base !== 'larger' || values.pack))
      throw new Error(`--base takes only "larger", and not with --pack\n${USAGE}`);
    const pack = values.pack
      ? readPackFile(values.pack)
      : values.base
        ? await buildLargerPack()
        : await buildDefaultPack();
    if (values.pack && !values.publisher)
      throw new Error('--publisher NAME is needed with --pack: readers see who publishes a pack');
    const licence = values.licence ?? (values.pack ? licenceOf(pack) : undefined);
    if (licence === null)
      throw new Error('--licence TEXT is needed: the pack file’s sources name no licence');
    const expires = count(values.expires, 'expires', 3600, 90 * 86400);
    const shards = count(values.shards, 'shards', 1, 1000);
    const { manifest, fingerprint } = await publish(resolve(values.publish), values.key, pack, {
      ...(values.publisher ? { publisher: values.publisher } : {}),
      ...(licence ? { licence } : {}),
      ...(expires ? { expires } : {}),
      ...(shards ? { entityShards: shards } : {}),
    });
    const files = manifest.matcher.length + manifest.entities.length;
    console.log(
      `pack: published ${manifest.id} ${manifest.version} (${manifest.counts.entities} entities, ${files} files, ${(packBytes(manifest) / 1e6).toFixed(1)} MB) to ${values.publish}`,
    );
    console.log(`signed: ${SIGNATURE_FILE} for ${MANIFEST_FILE}, key fingerprint ${fingerprint}`);
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
}
