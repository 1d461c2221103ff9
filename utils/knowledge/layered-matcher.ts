/**
 * The matcher pages are marked with: every pack's compiled matcher, layered in order (the
 * built-in pack first), with the capitals they name and the entities that are the reader's own.
 */
import { type Scanner, scannerOf } from '../match/layers';
import { MATCHER_FORMAT, type MatcherData } from '../match/matcher-data';
import { buildDist } from './dist/build-dist';
import type { DistManifest } from './dist/manifest';
import type { DistPack } from './dist/read-dist';
import type { CapitalPoint, KnowledgeStore, StoredLayer } from './knowledge-store';
import type { Entity } from './schema';
import { USER_PACK_ID } from './user-packs';

/** The compiled packs the background matches pages with. */
export interface LoadedMatcher {
  key: string;
  matcher: Scanner;
  capitals: Record<string, CapitalPoint>;
  /** Matcher indexes of the reader's own entities (which they may choose not to mark). */
  own: Set<number>;
}

/** Where the packs to layer are found: the pack service's open packs. */
export interface MatcherSources {
  store: KnowledgeStore;
  builtIn(): Promise<DistPack>;
  storedPacks(): Promise<{ layer: StoredLayer; pack: DistPack }[]>;
  open(layer: StoredLayer): DistPack;
  /** A pack that cannot be read is left out, with a note added here. */
  warnings: string[];
}

/** Layer the built-in pack's matcher and every stored pack's into one. */
export async function loadLayeredMatcher(sources: MatcherSources): Promise<LoadedMatcher> {
  const builtIn = await sources.builtIn();
  const layers: { id: string; manifest: DistManifest; data: MatcherData }[] = [
    { id: builtIn.manifest.id, manifest: builtIn.manifest, data: await builtIn.matcher() },
  ];
  for (const { layer, pack } of await sources.storedPacks()) {
    try {
      layers.push({
        id: layer.id,
        manifest: layer.manifest,
        data: await matcherOf(sources, layer, pack),
      });
    } catch (error) {
      // One damaged pack must not take the others with it.
      const note = `The pack “${layer.manifest.name}” could not be read and is left out: ${
        error instanceof Error ? error.message : String(error)
      }`;
      if (!sources.warnings.includes(note)) sources.warnings.push(note);
    }
  }
  const key = `${layers.map(({ id, manifest }) => `${id}@${manifest.version}`).join('|')}|matcher@${MATCHER_FORMAT}`;
  const matcher = scannerOf(layers.map((layer) => layer.data));
  const capitals: Record<string, CapitalPoint> = {};
  for (const { manifest } of layers) Object.assign(capitals, manifest.capitals ?? {});
  return { key, matcher, capitals, own: ownOf(matcher.data, layers) };
}

/** A stored pack's matcher; a pack stored by a version with another matcher format is rebuilt. */
async function matcherOf(
  sources: MatcherSources,
  layer: StoredLayer,
  pack: DistPack,
): Promise<MatcherData> {
  if (layer.manifest.matcherFormat === MATCHER_FORMAT) return pack.matcher();
  const entities: Entity[] = [];
  for await (const entity of pack.entities()) entities.push(entity);
  const rebuilt = await buildDist({ ...layer.manifest, entities });
  const stored = await sources.store.putLayer(
    {
      id: layer.id,
      origin: layer.origin,
      manifest: rebuilt.manifest,
      storedAt: layer.storedAt,
      ...(layer.subscription ? { subscription: layer.subscription } : {}),
    },
    rebuilt.files,
  );
  return sources.open(stored).matcher();
}

/** Indexes (in the layered tables) of every entity the reader's own pack names. */
function ownOf(
  data: MatcherData,
  layers: readonly { id: string; data: MatcherData }[],
): Set<number> {
  const own = new Set<number>();
  let at = 0;
  const canon = (e: number) => (data.entityCanon ? (data.entityCanon[e] as number) : e);
  const mine = new Set<number>();
  for (const layer of layers) {
    if (layer.id === USER_PACK_ID)
      for (let i = 0; i < layer.data.entityIds.length; i++) mine.add(canon(at + i));
    at += layer.data.entityIds.length;
  }
  if (mine.size === 0) return own;
  for (let e = 0; e < data.entityIds.length; e++) if (mine.has(canon(e))) own.add(e);
  return own;
}
