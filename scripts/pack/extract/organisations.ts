/**
 * Extract international organisations with Wikidata ids from confirmordeny/supraverden
 * (`data/general_list.yaml`, CC BY-SA 4.0). Only names, abbreviations, type, founding year and
 * headquarters are kept: facts, not the compilation's prose or assessments.
 *
 *   npx tsx scripts/pack/extract/organisations.ts   → packs/data/organisations/organisations.json
 */
import { parse } from 'yaml';
import { headCommit, mirror, show, writeExtract } from './mirror';

const SOURCE = mirror('confirmordeny/supraverden');

/** Languages whose names we keep (English plus the pack's main languages). */
const LANGUAGES = ['ar', 'fr', 'es', 'de', 'ru', 'zh', 'tr', 'fa', 'he'] as const;

type Raw = Record<string, unknown>;

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

const data = parse(show(SOURCE, 'data/general_list.yaml')) as Record<string, Raw>;
const out: Record<string, unknown>[] = [];
for (const [key, raw] of Object.entries(data)) {
  const qid = text(raw.Wikidata_code);
  if (!/^Q\d+$/.test(qid)) continue;
  const names: Record<string, string> = {};
  for (const lang of LANGUAGES)
    if (text(raw[`Name_${lang}`])) names[lang] = text(raw[`Name_${lang}`]);
  const other = Object.keys(raw)
    .filter((field) => /^Name_other(_\d+)?_en$/.test(field))
    .map((field) => text(raw[field]))
    .filter(Boolean);
  const abbreviations = Object.keys(raw)
    .filter((field) => /^Abbreviation(_\d+)?_en$/.test(field))
    .map((field) => text(raw[field]))
    .filter(Boolean);
  out.push({
    qid,
    name: text(raw.Name_en) || key,
    ...(abbreviations.length ? { abbr: abbreviations } : {}),
    ...(other.length ? { other } : {}),
    ...(Object.keys(names).length ? { names } : {}),
    type: text(raw.Type) || text(raw.Entity_type),
    family: text(raw.Org_family),
    founded: text(raw.Year_established),
    hq: text(raw.Headquarters),
  });
}
const { commit, date } = headCommit(SOURCE);
writeExtract(
  'organisations',
  { 'organisations.json': `[\n${out.map((item) => JSON.stringify(item)).join(',\n')}\n]\n` },
  {
    title: 'International organisations (Supraverden)',
    url: 'https://github.com/confirmordeny/supraverden (data/general_list.yaml)',
    revision: `${commit} (${date})`,
    licence: 'CC BY-SA 4.0 (attribution: Supraverden contributors)',
    notes: [
      'organisations.json: entries with a Wikidata id only; kept: English name, abbreviations, other English names, names in ar/fr/es/de/ru/zh/tr/fa/he, type, family, year established, headquarters.',
      'Share-alike: this extract is an adaptation of Supraverden and is itself under CC BY-SA 4.0. The pack takes only names and facts from it (no text, no assessments), each entity names it as a source with the licence, and the pack lists it among its sources.',
    ],
  },
);
