/**
 * Rules for the names an entity is matched by: acronyms kept with their capitals, and a person's
 * surname, which news uses on second mention ("Maliki said…") but which alone names many people,
 * so it is marked only once the full name is on the page (`neverAlone`).
 */

/** Words after a surname that are not the surname: "Martin Luther King Jr.", "John Smith III". */
const SUFFIX = /^(jr|sr|junior|senior|phd|md|qc|kc)\.?$/i;
/** A Roman number: a regnal number ("Charles III") or a family's ("John Smith III"). */
const ROMAN = /^[IVXL]+$/;
/** Arabic article before a name, hyphenated ("al-Maliki", "ash-Sharaa", "el-Sisi") or not. */
const ARABIC_ARTICLE = /^(al|el|as|ash|ad|ar|at|az|an|adh|ath|ul)$/i;
const ARABIC_PREFIXED = /^(al|el|as|ash|ad|ar|at|az|an|adh|ath|ul)-(\p{Lu}[\p{L}'’-]+)$/iu;
/** "bin Laden", "ibn Saud": the particle is part of how the name is used. */
const PATRONYMIC = /^(bin|ibn|bint|ben)$/i;
/** Particles that belong to a European surname: "de Gaulle", "von der Leyen", "Le Pen". */
const PARTICLE = /^(van|von|de|da|di|du|del|della|der|den|dos|das|le|la|ter|ten|zu|af|y)$/i;

/**
 * Citizenships (P27) whose people English news names family name first ("Xi Jinping" is Mr Xi):
 * China, Taiwan, Hong Kong, Macau, Singapore, South Korea, North Korea. Japanese and Vietnamese
 * names are left to the default: English news puts Japanese given names first and calls
 * Vietnamese leaders by their last name ("Trong").
 */
export const FAMILY_NAME_FIRST = new Set([
  'Q148',
  'Q865',
  'Q8646',
  'Q14773',
  'Q334',
  'Q884',
  'Q423',
]);

/**
 * Common Chinese and Korean family names, romanised: with a citizenship above, a name that starts
 * with one is read family name first ("Xi Jinping" → "Xi"), one that does not is read given name
 * first ("Jack Ma" → "Ma").
 */
const EAST_ASIAN_FAMILY_NAMES = new Set(
  (
    'wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng ' +
    'liang xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye ' +
    'cheng wei su lu ding ren shen yao xi wen tsai lai ko chiang hou qin kong mao bo lee kim park ' +
    'choi jung jeong kang cho yoon jang lim oh seo shin kwon hwang ahn moon yoo hong ban'
  ).split(' '),
);

/** Whether a name is written as an acronym: capitals with digits, "&" or dots ("NATO", "U.S.", "G7"). */
export function isAcronym(text: string): boolean {
  const signs = text.replace(/[^\p{L}\d]/gu, '');
  return signs.length >= 2 && /\p{Lu}/u.test(text) && /^[\p{Lu}\d&.\-\s]+$/u.test(text);
}

function words(name: string): string[] {
  return name
    .replace(/\s*\([^)]*\)\s*/g, ' ')
    .replace(/,/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
}

/**
 * The surnames a person is called by on second mention, given their full name: the last word
 * (without "Jr." or "III"), with its particles ("de Gaulle", "von der Leyen", "bin Laden"), and
 * both forms of an Arabic name with the article ("Nouri al-Maliki" → "Maliki", "al-Maliki").
 * Family name first for the citizenships in {@link FAMILY_NAME_FIRST}. Empty for one-word names,
 * regnal names ("Charles III", "John Paul II", "Harald V of Norway"), names with "of" ("Catherine
 * of Aragon") and names ending in an initial.
 */
export function surnames(name: string, citizenships: readonly string[] = []): string[] {
  const all = words(name);
  if (all.some((word) => word === 'of')) return [];
  const numeral = all.findIndex((word, i) => i > 0 && ROMAN.test(word));
  if (numeral !== -1 && numeral <= 2) return [];
  while (
    all.length > 0 &&
    (SUFFIX.test(all.at(-1) as string) || ROMAN.test(all.at(-1) as string))
  ) {
    all.pop();
  }
  if (all.length < 2) return [];
  const first = all[0] as string;
  if (
    all.length <= 3 &&
    citizenships.some((country) => FAMILY_NAME_FIRST.has(country)) &&
    EAST_ASIAN_FAMILY_NAMES.has(first.toLowerCase())
  ) {
    return [first];
  }
  const last = all.at(-1) as string;
  if (/^\p{L}\.?$/u.test(last)) return [];
  const prefixed = ARABIC_PREFIXED.exec(last);
  if (prefixed?.[2]) return [prefixed[2], last];
  const before = all.length >= 3 ? (all.at(-2) as string) : undefined;
  if (before && ARABIC_ARTICLE.test(before)) return [last, `${before} ${last}`];
  if (before && PATRONYMIC.test(before)) return [`${before} ${last}`];
  // Particles belong to the surname ("von der Leyen"); the first word stays a given name.
  let start = all.length - 1;
  while (start > 1 && PARTICLE.test(all[start - 1] as string)) start--;
  return [all.slice(start).join(' ')];
}
