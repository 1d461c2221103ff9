import { type DistManifest, packBytes } from './dist/manifest';
import type { PackOrigin, StoredLayer, SubscriptionState } from './knowledge-store';
import type { Entity, Source } from './schema';

/** What the options page shows of one pack. */
export interface PackSummary {
  id: string;
  origin: 'builtin' | PackOrigin;
  name: string;
  publisher: string;
  version: string;
  built: string;
  description?: string;
  licence: string;
  sources: Source[];
  entities: number;
  /** Its files' size in all. */
  bytes: number;
  storedAt?: number;
  subscription?: SubscriptionState;
}

/** Everything the options page shows about packs. */
export interface PacksOverview {
  builtIn: PackSummary | null;
  subscriptions: PackSummary[];
  imported: PackSummary[];
  /** The reader's own entities, in full (they edit them). */
  user: Entity[];
  warnings: string[];
}

/** A pack's summary from its manifest (and, for a stored pack, its layer record). */
export function summaryOf(
  manifest: DistManifest,
  origin: PackSummary['origin'],
  layer?: StoredLayer,
): PackSummary {
  return {
    id: manifest.id,
    origin,
    name: manifest.name,
    publisher: manifest.publisher,
    version: manifest.version,
    built: manifest.built,
    ...(manifest.description ? { description: manifest.description } : {}),
    licence: manifest.licence,
    sources: manifest.sources.filter((source) => !`${source.title}${source.url}`.includes('{id}')),
    entities: manifest.counts.entities,
    bytes: packBytes(manifest),
    ...(layer ? { storedAt: layer.storedAt } : {}),
    ...(layer?.subscription ? { subscription: layer.subscription } : {}),
  };
}
