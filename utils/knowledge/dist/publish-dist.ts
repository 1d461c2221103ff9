import { type BuiltDist, buildDist, type DistInput } from './build-dist';
import { type DistManifest, MANIFEST_FILE, SIGNATURE_FILE } from './manifest';
import { type SigningKey, signBytes } from './signature';

/** The exact bytes of a manifest as shipped (and signed): indented JSON and a final newline. */
export function manifestBytes(manifest: DistManifest): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(manifest, null, 1)}\n`);
}

/**
 * Every file of a pack as a static host serves it: the matcher pieces and entity shards, then,
 * when a publisher's key is given, `manifest.sig` (the manifest's bytes signed with it, the
 * manifest naming its public key), and `manifest.json` last, so a folder written in this order is
 * never announced before its files are there.
 */
export async function publishDist(
  input: DistInput,
  key?: SigningKey,
): Promise<BuiltDist & { published: Map<string, Uint8Array> }> {
  const built = await buildDist({ ...input, ...(key ? { key: key.publicKey } : {}) });
  const published = new Map(built.files);
  const manifest = manifestBytes(built.manifest);
  if (key) published.set(SIGNATURE_FILE, new TextEncoder().encode(await signBytes(key, manifest)));
  published.set(MANIFEST_FILE, manifest);
  return { ...built, published };
}
