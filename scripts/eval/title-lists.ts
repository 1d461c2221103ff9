/**
 * The title lists the evaluation's fake Wikipedia answers from (see `live-discovery.ts`): the
 * knowledge base's sources (`titles`), or the gold's own labels (`gold`), made into wikis of
 * articles, redirects and disambiguation pages. Nothing of them is written anywhere.
 */

import type { Json } from '../../test/fakes/fake-source';
import type { Wiki } from '../../test/fakes/sources/wikipedia';
import type { EntityKind } from '../../utils/knowledge/schema';
import type { PageGold } from './gold';

/** The title lists the fake Wikipedia can answer from. */
export type TitleList = 'titles' | 'gold';

/** One title of a list: an item's article in one language. */
export interface ListedTitle {
  title: string;
  qid: string;
  description: string;
  /** How well known (sitelinks): the primary topic of a shared name. */
  fame: number;
  aliases: string[];
}

/** The words a page's description falls back to, by kind (so discovery can tell the kind). */
export const KIND_DESCRIPTION: Readonly<Record<EntityKind, string>> = {
  person: 'person',
  place: 'place',
  organisation: 'organisation',
  event: 'event',
  group: 'organisation',
  topic: 'topic',
};

/**
 * A wiki of `titles`: each title an article; aliases redirects; a title or alias two items share
 * a disambiguation page unless one item is at least twice as well known as every other.
 */
export function wikiOf(titles: readonly ListedTitle[]): Wiki {
  const byName = new Map<string, ListedTitle[]>();
  const add = (name: string, item: ListedTitle) => {
    const key = normalise(name);
    if (!key) return;
    const list = byName.get(key) ?? [];
    if (!list.some((other) => other.qid === item.qid)) list.push(item);
    byName.set(key, list);
  };
  for (const item of titles) {
    add(item.title, item);
    for (const alias of item.aliases) add(alias, item);
  }
  const summaries: Record<string, Json> = {};
  const redirects: Wiki['redirects'] = {};
  let pageid = 1;
  const article = (item: ListedTitle): Json => ({
    type: 'standard',
    title: item.title,
    pageid: pageid++,
    description: item.description,
    wikibase_item: item.qid,
    extract: item.description,
    content_urls: {
      desktop: { page: `https://wiki.example/wiki/${encodeURIComponent(item.title)}` },
    },
  });
  for (const [name, items] of byName) {
    const ranked = [...items].sort((a, b) => b.fame - a.fame);
    const [top, next] = ranked as [ListedTitle, ListedTitle | undefined];
    const primary = !next || top.fame >= 2 * next.fame ? top : null;
    if (!primary) {
      summaries[name] = { type: 'disambiguation', title: name, pageid: pageid++ };
      continue;
    }
    const title = normalise(primary.title);
    if (title === name) summaries[name] ??= article(primary);
    else redirects[name] = { to: title };
  }
  // A redirect's target must exist: the primary item's own title may have gone to a disambiguation.
  for (const [name, redirect] of Object.entries(redirects))
    if (!summaries[redirect.to]) delete redirects[name];
  return { summaries, redirects };
}

/** MediaWiki's normalisation of a title's first letter and spaces. */
function normalise(title: string): string {
  const spaced = title.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/**
 * The `gold` list: each gold entity under its label, in its page's language. An entity the gold
 * gives no Wikidata id gets a stand-in one (above any real id), since a page found needs an id:
 * the judges compare such marks by name, not id.
 */
export function goldTitles(golds: readonly PageGold[]): Map<string, ListedTitle[]> {
  const byLang = new Map<string, ListedTitle[]>();
  const standIns = new Map<string, string>();
  for (const gold of golds)
    for (const entity of gold.entities) {
      const list = byLang.get(gold.language) ?? [];
      const qid = entity.qid ?? standIns.get(entity.label) ?? `Q${9_000_000_000 + standIns.size}`;
      if (!entity.qid) standIns.set(entity.label, qid);
      list.push({
        title: entity.label,
        qid,
        description: KIND_DESCRIPTION[entity.kind],
        fame: 1,
        aliases: [],
      });
      byLang.set(gold.language, list);
    }
  return byLang;
}

/** The `titles` list, from every source of the knowledge base (read from `../shared/data`). */
export async function sourceTitles(
  languages: readonly string[],
): Promise<Map<string, ListedTitle[]>> {
  const { readAllSources } = await import('../pack/sources/index');
  const byLang = new Map<string, Map<string, ListedTitle>>();
  for (const lang of languages) byLang.set(lang, new Map());
  for (const item of readAllSources()) {
    if (!/^Q\d+$/.test(item.id)) continue;
    const kind = (item.kindHint ?? 'topic') as EntityKind;
    for (const lang of languages) {
      const latin = lang !== 'ar';
      const title =
        item.wikipedia?.[lang] ?? item.labels[lang] ?? (latin ? item.labels.en : undefined);
      if (!title) continue;
      const list = byLang.get(lang) as Map<string, ListedTitle>;
      const known = list.get(item.id);
      const aliases = [
        ...(item.aliases[lang] ?? []),
        ...(latin && lang !== 'en' ? (item.aliases.en ?? []) : []),
      ];
      if (known) {
        known.aliases.push(...aliases);
        continue;
      }
      list.set(item.id, {
        title,
        qid: item.id,
        description:
          item.descriptions[lang] ?? item.descriptions.en ?? KIND_DESCRIPTION[kind] ?? 'topic',
        fame: item.sitelinks ?? 1,
        aliases,
      });
    }
  }
  return new Map([...byLang].map(([lang, items]) => [lang, [...items.values()]]));
}
