import { primaryLanguage } from '../i18n/languages';
import { WIKIPEDIA_LANGUAGES } from './endpoints';

/**
 * Which Wikipedia a page's names are looked up in: the page's own language when Backstory asks
 * that Wikipedia, else English. The page says what it is written in (`<html lang>`, sent with its
 * first batch); its text is the check, since many sites declare the language of their template
 * rather than of the article ("en" on a Spanish page). Pure.
 */

/** The Wikipedias live discovery asks, by language code. */
export const DISCOVERY_LANGUAGES = WIKIPEDIA_LANGUAGES;
export type DiscoveryLanguage = (typeof DISCOVERY_LANGUAGES)[number];

/** Frequent short words that tell Latin-script languages apart (each list distinct enough). */
const MARKERS: Readonly<Record<Exclude<DiscoveryLanguage, 'ar'>, readonly string[]>> = {
  en: ['the', 'and', 'of', 'to', 'is', 'was', 'that', 'with', 'for', 'his', 'her', 'have'],
  fr: ['le', 'les', 'des', 'est', 'une', 'dans', 'pour', 'que', 'qui', 'sur', 'avec', 'au'],
  es: ['el', 'los', 'las', 'del', 'una', 'por', 'con', 'para', 'que', 'fue', 'como', 'según'],
  pt: ['os', 'das', 'dos', 'uma', 'não', 'com', 'para', 'que', 'foi', 'pelo', 'pela', 'ao'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'den', 'für', 'auf', 'ein', 'eine'],
  it: ['il', 'della', 'che', 'per', 'una', 'sono', 'degli', 'nel', 'alla', 'gli', 'anche', 'dal'],
  nl: ['het', 'een', 'van', 'en', 'niet', 'zijn', 'voor', 'met', 'dat', 'ook', 'naar', 'worden'],
};

const isDiscoveryLanguage = (code: string | undefined): code is DiscoveryLanguage =>
  (DISCOVERY_LANGUAGES as readonly string[]).includes(code ?? '');

/** How often each language's markers occur among the text's words. */
function markerCounts(text: string): Map<DiscoveryLanguage, number> {
  const counts = new Map<DiscoveryLanguage, number>();
  const sets = Object.entries(MARKERS).map(
    ([lang, list]) => [lang as DiscoveryLanguage, new Set(list)] as const,
  );
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? [])
    for (const [lang, set] of sets)
      if (set.has(word)) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  return counts;
}

/**
 * The Wikipedia to ask for a page: Arabic when its text is mostly Arabic script; otherwise the
 * declared language when the text does not contradict it, or the language the text's frequent
 * words point to, or English.
 */
export function wikipediaLanguage(declared: string | undefined, sample: string): DiscoveryLanguage {
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const arabic = sample.match(/[\u0600-\u06FF]/g)?.length ?? 0;
  const primary = primaryLanguage(declared ?? null);
  if (letters > 0 && arabic / letters > 0.3) return 'ar';
  if (letters === 0) return isDiscoveryLanguage(primary) && primary !== 'ar' ? primary : 'en';
  const counts = markerCounts(sample);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [best, bestCount] = ranked[0] ?? ['en', 0];
  const total = sample.match(/\p{L}+/gu)?.length ?? 0;
  if (isDiscoveryLanguage(primary) && primary !== 'ar') {
    const own = counts.get(primary) ?? 0;
    // The declared language stands unless another's markers are clearly more frequent.
    if (own * 2 >= bestCount || bestCount < 5) return primary;
  }
  // Too little text to tell: the declared language if asked, else English.
  if (bestCount < 5 || bestCount / Math.max(1, total) < 0.03) return 'en';
  return best;
}
