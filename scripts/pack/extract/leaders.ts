/**
 * Extract heads of state and government with their terms from cfmessias/geografia
 * (`data/leaders_history.csv`, Wikidata facts), and English names for the people whose label
 * there is Portuguese, from every-politician-scrapers (Wikidata labels, by QID).
 *
 *   npx tsx scripts/pack/extract/leaders.ts   → packs/data/leaders/{terms,english-names}.tsv
 */
import { headCommit, mirror, show, writeExtract } from './mirror';
import { isoDay, parseCsv, tsvRow } from './parse';

const GEOGRAFIA = mirror('cfmessias/geografia');
const WORLD_LEADERS = mirror('every-politician-scrapers/world-leaders-2021');
const WORLD = mirror('every-politician-scrapers/world');

const terms = parseCsv(show(GEOGRAFIA, 'data/leaders_history.csv'));
const rows = terms
  .filter((row) => /^Q\d+$/.test(row.person_qid ?? '') && row.iso3)
  .map((row) =>
    tsvRow([
      row.iso3,
      row.role === 'head_of_state' ? 'S' : 'G',
      row.person_qid,
      row.person,
      isoDay(row.start ?? ''),
      isoDay(row.end ?? ''),
      row.party,
    ]),
  );
const wanted = new Set(terms.map((row) => row.person_qid));
const ownName = new Map(terms.map((row) => [row.person_qid, row.person]));

const english = new Map<string, string>();
for (const row of parseCsv(show(WORLD_LEADERS, 'data/wikidata.csv'))) {
  const qid = row.officeholder ?? '';
  if (wanted.has(qid) && row.officeholderLabel && !/^Q\d+$/.test(row.officeholderLabel))
    english.set(qid, row.officeholderLabel);
}
for (const row of parseCsv(show(WORLD, 'html/bio.csv'))) {
  const qid = row.id ?? '';
  if (wanted.has(qid) && !english.has(qid) && row.name) english.set(qid, row.name);
}
const names = [...english]
  .filter(([qid, name]) => ownName.get(qid) !== name)
  .sort(([a], [b]) => Number(a.slice(1)) - Number(b.slice(1)))
  .map(([qid, name]) => tsvRow([qid, name]));

const g = headCommit(GEOGRAFIA);
const wl = headCommit(WORLD_LEADERS);
const w = headCommit(WORLD);
writeExtract(
  'leaders',
  {
    'terms.tsv': `${tsvRow(['iso3', 'role', 'qid', 'name', 'start', 'end', 'party'])}\n${rows.join('\n')}\n`,
    'english-names.tsv': `${tsvRow(['qid', 'name'])}\n${names.join('\n')}\n`,
  },
  {
    title: 'Heads of state and government, past and present',
    url: 'https://github.com/cfmessias/geografia (data/leaders_history.csv)',
    revision: `${g.commit} (${g.date})`,
    licence:
      'No licence file in the repository; every fact in it (office, person, dates, party) comes from Wikidata, CC0 1.0',
    notes: [
      'terms.tsv: one row per term; role S = head of state, G = head of government; dates cut to the day (Wikidata stores year-precision dates as 1 January); country names dropped (Portuguese there), ISO 3166-1 alpha-3 kept.',
      `english-names.tsv: English Wikidata labels (CC0) for people whose label in geografia differs (often Portuguese, "Carlos III do Reino Unido"), from https://github.com/every-politician-scrapers/world-leaders-2021 data/wikidata.csv at ${wl.commit} (${wl.date}) and https://github.com/every-politician-scrapers/world html/bio.csv at ${w.commit} (${w.date}); both repositories state no licence, and only Wikidata labels are taken from them.`,
    ],
  },
);
