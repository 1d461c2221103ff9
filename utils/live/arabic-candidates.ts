import { type Candidate, overlaps, type Span, type Token } from './candidate';

/**
 * Candidate names in Arabic text, which has no capitals: the name after a title ("الرئيس",
 * "الكاتب"), a place word ("مدينة") or an organisation's ("حزب", kept as part of its name),
 * skipping the adjectives of origin and office titles carry ("الرئيس المصري", "رئيس الوزراء").
 */

/** Titles and other words a name follows, and whether the cue is part of the name (a party's). */
const ARABIC_CUES: ReadonlyMap<string, 'person' | 'place' | 'keep'> = new Map([
  ...(
    [
      'الرئيس',
      'رئيس',
      'الرئيسة',
      'نائب',
      'الملك',
      'الملكة',
      'الأمير',
      'الأميرة',
      'الشيخ',
      'السيد',
      'السيدة',
      'الدكتور',
      'الدكتورة',
      'الوزير',
      'الوزيرة',
      'وزير',
      'وزيرة',
      'المستشار',
      'المستشارة',
      'الجنرال',
      'اللواء',
      'العميد',
      'العقيد',
      'الفريق',
      'المشير',
      'النائب',
      'السفير',
      'الإمام',
      'البابا',
      'المتحدث',
      'الناطق',
      'الكاتب',
      'الكاتبة',
      'الصحفي',
      'الصحفية',
      'الفنان',
      'الفنانة',
      'المدرب',
      'اللاعب',
      'الأستاذ',
      'المحامي',
      'القاضي',
      'العاهل',
      'زعيم',
      'مؤسس',
    ] as const
  ).map((cue) => [cue, 'person'] as const),
  ...(['مدينة', 'بلدة', 'قرية', 'محافظة', 'ولاية', 'إقليم', 'منطقة', 'مخيم', 'جزيرة'] as const).map(
    (cue) => [cue, 'place'] as const,
  ),
  ...(['حزب', 'حركة', 'جامعة', 'شركة', 'منظمة', 'صحيفة', 'وكالة', 'مجلس', 'جبهة'] as const).map(
    (cue) => [cue, 'keep'] as const,
  ),
]);

/** Words that end a name: prepositions, conjunctions, relatives, particles, common verbs of saying. */
const ARABIC_STOPS = new Set(
  (
    'في من على إلى عن أن إن أنه إنه قد لا ما مع بعد قبل خلال حول ضد عند الذي التي الذين اللذين ' +
    'و أو ثم كما حيث لكن بين منذ حتى لم لن هو هي هم كان كانت يكون تكون قال قالت أكد أكدت أعلن ' +
    'أعلنت أشار أشارت وقال وقالت وأكد وأضاف أضاف أضافت يوم اليوم أمس غدا عام العام الماضي ' +
    'الحالي الجديد الجديدة السابق السابقة الأسبق الحالية هذا هذه ذلك تلك إذ إذا عبر لدى دون'
  ).split(' '),
);
/** Words that join the next to make one part of a name ("عبد الله", "أبو مازن"). */
const ARABIC_JOINERS = new Set(['عبد', 'أبو', 'أبي', 'ابن', 'بن', 'بنت', 'آل', 'ابو', 'ذو']);
/** Prefixes a cue may carry: "والرئيس", "بالرئيس", "للرئيس", "وللرئيس". */
const CUE_PREFIX = /^(?:و|ف)?(?:ب|ل|ك)?/;

/** An adjective of origin or office after a title ("الأمريكي", "السورية", "الأسبق"). */
function isNisba(word: string): boolean {
  return /^ال.{2,}(?:ي|ية|يين|يون)$/.test(word);
}

/** Names after titles and cues in Arabic text. */
export function arabicCandidates(text: string, taken: readonly Span[]): Candidate[] {
  const words: Token[] = [];
  for (const match of text.matchAll(/[\u0621-\u064A\u0660-\u0669\u0671-\u06D3]+/gu)) {
    const start = match.index ?? 0;
    words.push({ word: match[0], start, end: start + match[0].length, capital: false });
  }
  const out: Candidate[] = [];
  for (let i = 0; i < words.length; i++) {
    const cueWord = words[i] as Token;
    const bare = cueWord.word.replace(CUE_PREFIX, '');
    const cue = ARABIC_CUES.get(cueWord.word) ?? ARABIC_CUES.get(bare);
    if (!cue) continue;
    let j = i + 1;
    // Titles run on ("الرئيس الأمريكي", "رئيس الوزراء", "وزير الخارجية"): skip their words.
    while (j < words.length && j <= i + 3) {
      const word = (words[j] as Token).word;
      const title =
        cue === 'person' &&
        (isNisba(word) || (/^ال/.test(word) && j === i + 1 && !ARABIC_JOINERS.has(word)));
      if (title || ARABIC_CUES.has(word)) j++;
      else break;
    }
    // A party's or a university's name starts with the cue word itself ("حزب العمال"), less its prefixes.
    const kept = cueWord.word.length - bare.length;
    const parts: Token[] =
      cue === 'keep' ? [{ ...cueWord, word: bare, start: cueWord.start + kept }] : [];
    let units = 0;
    const wanted = cue === 'person' ? 2 : 1;
    while (j < words.length && units < wanted) {
      const token = words[j] as Token;
      if (ARABIC_STOPS.has(token.word) || !joinedArabic(text, words[j - 1] as Token, token)) break;
      parts.push(token);
      j++;
      if (ARABIC_JOINERS.has(token.word) && j < words.length) {
        parts.push(words[j] as Token);
        j++;
      }
      units++;
      // A place name ends where the next word is another noun phrase; a person's may take a family name.
      if (cue === 'place' && j < words.length && ARABIC_JOINERS.has((words[j] as Token).word))
        break;
    }
    if (units === 0) continue;
    const first = parts[0] as Token;
    const last = parts[parts.length - 1] as Token;
    if (overlaps(first.start, last.end, taken)) continue;
    out.push({
      start: first.start,
      end: last.end,
      words: parts.map((part) => part.word),
      starts: parts.map((part) => part.start),
      initial: false,
      by: 'cue',
    });
    i = j - 1;
  }
  return out;
}

function joinedArabic(text: string, a: Token, b: Token): boolean {
  return /^[ \u00a0]+$/.test(text.slice(a.end, b.start));
}
