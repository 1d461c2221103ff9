/**
 * Hand-made corrections to the package data: names the news uses, aliases that need guards, places
 * below the population cut that the news mentions often, and Arabic and Hebrew names of Middle East
 * cities (the packages carry none for cities). Keep entries short and explain the odd ones.
 */
import type { Alias, AliasObject } from '../../../utils/knowledge/schema';

type Flags = Omit<AliasObject, 'text'>;

const CS = { caseSensitive: true } as const;
/** Match only with its capitals and only when a context word of the entity is on the page. */
const STRICT = { caseSensitive: true, requireContext: true } as const;

/** English aliases for countries beyond what world-countries and i18n-iso-countries give. */
export const COUNTRY_EXTRA_ALIASES: Record<string, Alias[]> = {
  US: [
    { text: 'US', ...CS },
    { text: 'U.S.', ...CS },
    { text: 'USA', ...CS },
    { text: 'U.S.A.', ...CS },
    // "America" alone is usually the US in the news, but also the continents: only once the
    // page names the US some other way.
    { text: 'America', neverAlone: true },
  ],
  GB: [{ text: 'UK', ...CS }, { text: 'U.K.', ...CS }, 'Britain', 'Great Britain'],
  AE: [
    { text: 'UAE', ...CS },
    { text: 'U.A.E.', ...CS },
    { text: 'Emirates', neverAlone: true },
  ],
  CD: [
    { text: 'DRC', ...CS },
    'DR Congo',
    'Congo-Kinshasa',
    'Democratic Republic of Congo',
    'Congo',
  ],
  CG: ['Congo-Brazzaville', 'Republic of Congo', { text: 'Congo', requireContext: true }],
  CN: [{ text: 'PRC', ...CS }, 'mainland China'],
  KP: [{ text: 'DPRK', ...CS }],
  KR: ['Korea'],
  NL: [{ text: 'Holland', neverAlone: true }],
  MM: ['Burma'],
  TR: ['Turkey', 'Türkiye', 'Turkiye', 'Republic of Turkey'],
  CZ: ['Czech Republic'],
  CI: ['Ivory Coast', "Côte d'Ivoire"],
  SZ: ['Swaziland'],
  TL: ['East Timor'],
  CV: ['Cabo Verde'],
  VA: ['Vatican', 'Holy See'],
  MK: [{ text: 'Macedonia', neverAlone: true }],
  BA: ['Bosnia'],
  SA: [{ text: 'KSA', ...CS }],
  PS: ['State of Palestine'],
  IR: ['Islamic Republic of Iran'],
  RU: ['Russian Federation'],
};

/**
 * Aliases (folded: lower case, no diacritics) never taken from the packages: transliterations that
 * are English words or other places ("Island" for Iceland, "Timor" the whole island, "Mann" the
 * surname), demonyms listed as spellings ("Thai", "Togolese", "Saudi"), Spanish "Granada" for
 * Grenada (a city in Spain), Russian "того" (Togo, but also "of that"), and Persian words that mean
 * other things ("هند", India but also the name Hind; "چين", China but also "fold").
 */
export const DENIED_ALIASES = new Set([
  'island',
  'prathet',
  'thai',
  'togolese',
  'saudi',
  'timor',
  'mann',
  'lao',
  'viti',
  'guiana',
  'mexicanos',
  'portuguesa',
  'dominique',
  'granada',
  'того',
  'هند',
  'چين',
  'aland',
  'hellas',
  'nijar',
  'zhonghua',
  'sarnam',
]);

/**
 * Guards for country aliases (by folded text). Names that are also first names or words get
 * `caseSensitive`; where the capitalised form is common too ("Jordan" the name, "Turkey" on a
 * menu, "Chad" the name, "Georgia" the US state), `requireContext` as well, and the entity's
 * context words decide.
 */
export const COUNTRY_ALIAS_GUARDS: Record<string, Flags> = {
  jordan: STRICT,
  turkey: STRICT,
  chad: STRICT,
  georgia: STRICT,
  guinea: STRICT,
  jersey: STRICT,
  guernsey: STRICT,
  reunion: STRICT,
  curacao: STRICT,
  dominica: STRICT,
  china: CS,
  japan: CS,
  morocco: CS,
  panama: CS,
  niger: CS,
  chile: CS,
  bermuda: CS,
  // Arabic and Persian: "مالي" is also "financial", "بنين" also "sons".
  مالي: { requireContext: true },
  بنين: { requireContext: true },
};

/** First names that are far more often the place ("Israel", "Adelaide", "Lyon"): left unguarded. */
export const SAFE_FIRST_NAMES = new Set([
  'israel',
  'india',
  'adelaide',
  'lyon',
  'sheffield',
  'leicester',
  'atlanta',
  'denver',
  'cleveland',
  'samara',
  'orel',
  'teresina',
  'vitoria',
  'oran',
  'constanta',
  'odessa',
  'valencia',
  'bern',
  'kenya',
]);

/**
 * Words at SCOWL's everyday levels that are still far more often the place when capitalised: kept
 * case-sensitive only, without requiring context.
 */
export const RELAXED_WORDS = new Set(['wellington', 'china', 'chile']);

/**
 * Extra context words for countries whose short name is guarded, so real mentions still resolve.
 * They replace the demonym where the demonym is shared (Georgian: the US state too).
 */
export const COUNTRY_CONTEXT: Record<string, { add: string[]; replace?: boolean }> = {
  JO: {
    add: [
      'Jordanian',
      'Hashemite',
      'Amman',
      'Aqaba',
      'Zarqa',
      'Irbid',
      'Mafraq',
      'Zaatari',
      'King Abdullah',
      'Queen Rania',
      'Crown Prince Hussein',
      'Syria',
      'Iraq',
      'Israel',
      'West Bank',
      'Saudi Arabia',
      'Middle East',
    ],
  },
  TR: {
    add: [
      'Turkish',
      'Türkiye',
      'Ankara',
      'Istanbul',
      'Izmir',
      'Erdogan',
      'Erdoğan',
      'Kurdish',
      'PKK',
      'Bosphorus',
      'Anatolia',
      'Syria',
      'Middle East',
    ],
  },
  TD: {
    add: [
      'Chadian',
      "N'Djamena",
      'Ndjamena',
      'Sahel',
      'Darfur',
      'Déby',
      'Deby',
      'Lake Chad',
      'Sudan',
      'Niger',
      'Cameroon',
      'Libya',
      'Africa',
    ],
  },
  GE: {
    replace: true,
    add: [
      'Tbilisi',
      'Georgian Dream',
      'Caucasus',
      'Abkhazia',
      'South Ossetia',
      'Batumi',
      'Kutaisi',
      'Kobakhidze',
      'Kavelashvili',
      'Ivanishvili',
      'Saakashvili',
      'Zourabichvili',
      'Black Sea',
      'Armenia',
      'Azerbaijan',
    ],
  },
  GN: { add: ['Guinean', 'Conakry', 'Doumbouya', 'West Africa', 'Sahel', 'ECOWAS'] },
  JE: { add: ['Channel Islands', 'St Helier', 'Saint Helier', 'Bailiwick', 'Crown Dependency'] },
  GG: { add: ['Channel Islands', 'St Peter Port', 'Bailiwick', 'Crown Dependency'] },
  RE: { add: ['Saint-Denis', 'Indian Ocean', 'Mayotte', 'Mauritius', 'overseas department'] },
  CW: { add: ['Willemstad', 'Caribbean', 'Aruba', 'Bonaire', 'Antilles'] },
  DM: { add: ['Roseau', 'Caribbean', 'Skerrit', 'Commonwealth of Dominica'] },
  ML: { add: ['مالي', 'باماكو', 'Bamako', 'Sahel'] },
  BJ: { add: ['بورتو نوفو', 'كوتونو', 'Cotonou', 'Porto-Novo'] },
  CG: { add: ['Brazzaville', 'Sassou Nguesso', 'Congo-Brazzaville'] },
  CD: { add: ['Kinshasa', 'Goma', 'M23', 'Tshisekedi', 'Kivu'] },
};

/** Descriptions for places whose status a generic line would get wrong. */
export const COUNTRY_DESCRIPTIONS: Record<string, string> = {
  PS: 'State in Western Asia (West Bank and Gaza Strip), recognised by most UN members',
  XK: 'Partially recognised state in Southeast Europe',
  TW: 'Self-governing island in East Asia, claimed by the People’s Republic of China',
  EH: 'Disputed territory in North Africa, largely administered by Morocco',
  AQ: 'Continent around the South Pole, governed under the Antarctic Treaty',
  HK: 'Special administrative region of China',
  MO: 'Special administrative region of China',
  VA: 'City-state in Rome, seat of the Holy See',
};

/** Sovereign of each dependent territory (alpha-2 → alpha-2), for its description. */
export const TERRITORY_OF: Record<string, string> = {
  AW: 'NL',
  AI: 'GB',
  AX: 'FI',
  AS: 'US',
  TF: 'FR',
  BL: 'FR',
  SH: 'GB',
  BM: 'GB',
  BQ: 'NL',
  BV: 'NO',
  CC: 'AU',
  CK: 'NZ',
  CW: 'NL',
  CX: 'AU',
  KY: 'GB',
  FK: 'GB',
  FO: 'DK',
  GG: 'GB',
  GI: 'GB',
  GP: 'FR',
  GL: 'DK',
  GF: 'FR',
  GU: 'US',
  HM: 'AU',
  IM: 'GB',
  IO: 'GB',
  JE: 'GB',
  MF: 'FR',
  MP: 'US',
  MS: 'GB',
  MQ: 'FR',
  YT: 'FR',
  NC: 'FR',
  NF: 'AU',
  NU: 'NZ',
  PN: 'GB',
  PR: 'US',
  PF: 'FR',
  RE: 'FR',
  GS: 'GB',
  SJ: 'NO',
  PM: 'FR',
  SX: 'NL',
  TC: 'GB',
  TK: 'NZ',
  UM: 'US',
  VG: 'GB',
  VI: 'US',
  WF: 'FR',
};

/** Countries treated as states (with a capital entity) though world-countries marks them dependent. */
export const STATES_WITH_CAPITALS = new Set(['PS', 'XK', 'TW']);

/**
 * Cities whose GeoNames name is not the one English news uses (`CC:GeoNames name` → display name
 * and extra aliases). The GeoNames name stays an alias unless `dropOriginal`.
 */
export const CITY_NAMES: Record<
  string,
  { name: string; aliases?: Alias[]; dropOriginal?: boolean }
> = {
  'US:Washington, D.C.': {
    name: 'Washington, D.C.',
    aliases: ['Washington DC', 'Washington D.C.'],
    dropOriginal: true,
  },
  'US:New York City': { name: 'New York City', aliases: ['New York', 'NYC'] },
  'US:Lexington-Fayette': { name: 'Lexington', aliases: ['Lexington-Fayette'], dropOriginal: true },
  'IQ:Basrah': { name: 'Basra', aliases: ['Basrah'] },
  'IQ:As Sulaymānīyah': { name: 'Sulaymaniyah', aliases: ['Slemani', 'Suleimaniyah'] },
  'IQ:Al ‘Amārah': { name: 'Amarah', aliases: ['Al-Amarah'] },
  'IQ:Ad Dīwānīyah': { name: 'Diwaniyah', aliases: ['Al-Diwaniyah'] },
  'IQ:Al Kūt': { name: 'Kut', aliases: ['Al-Kut'] },
  'IQ:Abū Ghurayb': { name: 'Abu Ghraib' },
  'IQ:Dihok': { name: 'Duhok', aliases: ['Dohuk', 'Dahuk'] },
  'IQ:Al Fallūjah': { name: 'Fallujah' },
  'IQ:Sāmarrā’': { name: 'Samarra' },
  'IQ:Tikrīt': { name: 'Tikrit' },
  'IQ:Sinjār': { name: 'Sinjar' },
  'YE:Al Ḩudaydah': { name: 'Hodeidah', aliases: ['Hudaydah', 'Al Hudaydah'] },
  'YE:Ta‘izz': { name: 'Taiz', aliases: ['Taizz'] },
  'YE:Sanaa': { name: 'Sanaa', aliases: ["Sana'a"] },
  "YE:Ma'rib": { name: 'Marib', aliases: ["Ma'rib"] },
  "YE:Sa'dah": { name: 'Saada', aliases: ["Sa'dah", 'Saadah'] },
  'LY:Mişrātah': { name: 'Misrata', aliases: ['Misurata'] },
  'LY:Darnah': { name: 'Derna', aliases: ['Darnah'] },
  'SA:Mecca': { name: 'Mecca', aliases: ['Makkah'] },
  'SA:Medina': { name: 'Medina', aliases: ['Madinah'] },
  'SA:Jeddah': { name: 'Jeddah', aliases: ['Jiddah'] },
  'SA:Ta’if': { name: 'Taif' },
  'AE:Ajman City': { name: 'Ajman' },
  'AE:Ras Al Khaimah City': { name: 'Ras Al Khaimah' },
  'IL:Tel Aviv': { name: 'Tel Aviv', aliases: ['Tel Aviv-Yafo'] },
  'IL:Beersheba': { name: 'Beersheba', aliases: ["Be'er Sheva"] },
  'PS:Gaza': { name: 'Gaza City', aliases: ['Gaza'] },
  'PS:Khān Yūnis': { name: 'Khan Younis', aliases: ['Khan Yunis'] },
  'PS:Rafaḩ': { name: 'Rafah' },
  'PS:Jabālyā': { name: 'Jabalia', aliases: ['Jabaliya'] },
  'PS:Dayr al Balaḩ': { name: 'Deir al-Balah' },
  'EG:Al Maḩallah al Kubrá': { name: 'El Mahalla El Kubra', aliases: ['Mahalla'] },
  'EG:Asyūţ': { name: 'Asyut', aliases: ['Assiut'] },
  'EG:Al Manşūrah': { name: 'Mansoura', aliases: ['Al Mansurah'] },
  'EG:Al Fayyūm': { name: 'Faiyum', aliases: ['Fayoum'] },
  'EG:Tanda': { name: 'Tanta', aliases: ['Tanda'] },
  // "Chicken Kiev" is on every menu: the old spelling needs a Ukrainian context word.
  'UA:Kyiv': { name: 'Kyiv', aliases: [{ text: 'Kiev', requireContext: true }] },
  'UA:Odessa': { name: 'Odesa', aliases: ['Odessa'] },
  'UA:Zaporizhia': { name: 'Zaporizhzhia', aliases: ['Zaporizhia', 'Zaporozhye'] },
  'UA:Mykolayiv': { name: 'Mykolaiv', aliases: ['Nikolaev'] },
  'UA:Kharkiv': { name: 'Kharkiv', aliases: ['Kharkov'] },
  'UA:Lviv': { name: 'Lviv', aliases: ['Lvov'] },
  'RU:Rostov-na-Donu': { name: 'Rostov-on-Don', aliases: ['Rostov'] },
  'RU:Nizhniy Novgorod': { name: 'Nizhny Novgorod' },
  'RU:Saint Petersburg': { name: 'Saint Petersburg', aliases: ['St Petersburg', 'St. Petersburg'] },
  'DE:Frankfurt am Main': { name: 'Frankfurt', aliases: ['Frankfurt am Main'] },
  'GB:Kingston upon Hull': { name: 'Kingston upon Hull' },
  'NL:The Hague': { name: 'The Hague', aliases: ['Den Haag'] },
  // Old names live on in dishes and brands (Peking duck, Bombay mix, Madras curry): only once
  // the city is named on the page.
  'CN:Beijing': { name: 'Beijing', aliases: [{ text: 'Peking', neverAlone: true }] },
  'IN:Mumbai': { name: 'Mumbai', aliases: [{ text: 'Bombay', neverAlone: true }] },
  'IN:Kolkata': { name: 'Kolkata', aliases: ['Calcutta'] },
  'IN:Chennai': { name: 'Chennai', aliases: [{ text: 'Madras', neverAlone: true }] },
  'IN:Bengaluru': { name: 'Bengaluru', aliases: ['Bangalore'] },
  'VN:Ho Chi Minh City': { name: 'Ho Chi Minh City', aliases: ['Saigon'] },
  'MM:Yangon': { name: 'Yangon', aliases: ['Rangoon'] },
  'MX:Mexico City': { name: 'Mexico City', aliases: ['Ciudad de México'] },
  'PA:Panamá': { name: 'Panama City', aliases: ['Panamá'], dropOriginal: true },
  'KW:Kuwait City': { name: 'Kuwait City' },
  'LU:Luxembourg': { name: 'Luxembourg City', dropOriginal: true },
  'DJ:Djibouti': { name: 'Djibouti City', dropOriginal: true },
  'GT:Guatemala City': { name: 'Guatemala City' },
  'AF:Kandahār': { name: 'Kandahar' },
  'AF:Herāt': { name: 'Herat' },
  'AF:Mazār-e Sharīf': { name: 'Mazar-i-Sharif', aliases: ['Mazar-e Sharif'] },
  'AF:Jalālābād': { name: 'Jalalabad' },
  'MN:Ulan Bator': { name: 'Ulaanbaatar', aliases: ['Ulan Bator'] },
  'MV:Male': { name: 'Malé' },
  'SD:El Fasher': { name: 'El Fasher', aliases: ['Al-Fashir'] },
  "GD:Saint George's": { name: "St. George's", aliases: ["Saint George's"], dropOriginal: true },
  'KI:Tarawa': { name: 'South Tarawa', aliases: ['Tarawa'] },
  'MM:Nay Pyi Taw': { name: 'Naypyidaw', aliases: ['Nay Pyi Taw', 'Naypyitaw'] },
  'SM:San Marino': { name: 'City of San Marino', aliases: ['San Marino'] },
  'KZ:Nur-Sultan': { name: 'Astana', aliases: ['Nur-Sultan'] },
  'FM:Palikir - National Government Center': { name: 'Palikir', dropOriginal: true },
};

/** GeoNames entries in the population cut that are districts or oddities, not cities (`CC:name`). */
export const CITY_EXCLUDED = new Set([
  'IR:Pasragad Branch',
  'IR:Kahrīz',
  'IR:Āzādshahr',
  'SA:Sulţānah',
  'TR:Batman',
  'US:Aurora',
  'US:Riverside',
  'CA:Surrey',
  'IN:Chānda',
  'IQ:Al Başrah al Qadīmah',
]);

/**
 * Places below the population cut that the news mentions (Middle East, Sahel, Sudan, eastern
 * Congo, Ukraine's front line), by GeoNames id.
 */
export const CITY_EXTRA_IDS = [
  // Lebanon
  266826, 268064, 267008, 277130, 266045,
  // Jordan
  250774, 250582,
  // Palestine
  281124, 285066, 282615, 281141, 284315, 282239, 284899, 281102, 281129,
  // Israel
  294801, 294098, 295277, 295620, 295530, 295629,
  // Iraq
  96994, 98717, 99454, 91597, 90150, 448149,
  // Turkey
  323779, 307864,
  // Libya
  2210554, 87205, 81302,
  // Yemen
  78754, 72968, 71334,
  // Sudan
  379555, 379303,
  // DR Congo
  216281, 217831,
  // Ukraine
  692194, 701404, 693468, 713174, 704422,
  // Myanmar
  1295765, 1314759, 1307741,
  // Sahel
  2457163, 2449067, 2455290, 2453348, 2448085,
  // Egypt, Iran, Afghanistan
  361546, 349340, 139817, 1138336, 1133616, 1140026, 1139715,
];

/**
 * First names and words that the word lists miss but that are names of prominent people or
 * clubs ("Santos", "Columbus"), or capitals that share their name with landmarks elsewhere
 * ("Georgetown" the university): guarded with context (`CC:name`).
 */
export const CITY_FORCE_STRICT = new Set([
  'BR:Santos',
  'US:Columbus',
  'GY:Georgetown',
  'JM:Kingston',
  'US:Phoenix',
]);

/** Cities flagged as everyday words but too notable to drop: kept with strict guards. */
export const CITY_KEEP_GUARDED = new Set(['FR:Nice', 'IT:Florence', 'IT:Bologna', 'US:Charlotte']);

/** Arabic and Hebrew names of Middle East cities (`CC:display name` → aliases by language). */
export const CITY_NATIVE_NAMES: Record<
  string,
  Partial<Record<'ar' | 'he' | 'fa' | 'tr', Alias[]>>
> = {
  'SY:Damascus': { ar: ['دمشق'] },
  'JO:Amman': { ar: ['عمّان'] },
  'JO:Zarqa': { ar: [{ text: 'الزرقاء', requireContext: true }] },
  'JO:Irbid': { ar: ['إربد'] },
  'JO:Aqaba': { ar: [{ text: 'العقبة', requireContext: true }] },
  'JO:Mafraq': { ar: ['المفرق'] },
  'LB:Beirut': { ar: ['بيروت'] },
  'LB:Tripoli': { ar: ['طرابلس'] },
  'LB:Sidon': { ar: ['صيدا'] },
  'LB:Tyre': { ar: [{ text: 'صور', requireContext: true }] },
  'LB:Baalbek': { ar: ['بعلبك'] },
  'LY:Tripoli': { ar: ['طرابلس'] },
  'LY:Benghazi': { ar: ['بنغازي'] },
  'LY:Misrata': { ar: ['مصراتة'] },
  'IQ:Baghdad': { ar: ['بغداد'] },
  'IQ:Mosul': { ar: ['الموصل'] },
  'IQ:Basra': { ar: ['البصرة'] },
  'IQ:Erbil': { ar: ['أربيل'] },
  'IQ:Kirkuk': { ar: ['كركوك'] },
  'IQ:Najaf': { ar: ['النجف'] },
  'IQ:Karbala': { ar: ['كربلاء'] },
  'IQ:Fallujah': { ar: ['الفلوجة'] },
  'IQ:Ramadi': { ar: ['الرمادي'] },
  'IR:Tehran': { ar: ['طهران'], fa: ['تهران'] },
  'IR:Isfahan': { ar: ['أصفهان'], fa: ['اصفهان'] },
  'IR:Mashhad': { ar: ['مشهد'], fa: ['مشهد'] },
  'TR:Ankara': { ar: ['أنقرة'], tr: ['Ankara'] },
  'TR:Istanbul': { ar: ['إسطنبول', 'اسطنبول'], tr: ['İstanbul'] },
  'TR:Gaziantep': { ar: ['غازي عنتاب'] },
  'TR:Antakya': { ar: ['أنطاكيا'] },
  'IL:Jerusalem': { ar: ['القدس'], he: ['ירושלים'] },
  'IL:Tel Aviv': { ar: ['تل أبيب'], he: ['תל אביב'] },
  'IL:Haifa': { ar: ['حيفا'], he: ['חיפה'] },
  'PS:Gaza City': { ar: ['غزة'] },
  'PS:Ramallah': { ar: ['رام الله'] },
  'PS:Hebron': { ar: [{ text: 'الخليل', requireContext: true }] },
  'PS:Nablus': { ar: ['نابلس'] },
  'PS:Bethlehem': { ar: ['بيت لحم'] },
  'PS:Rafah': { ar: ['رفح'] },
  'PS:Khan Younis': { ar: ['خان يونس'] },
  'SA:Riyadh': { ar: ['الرياض'] },
  'SA:Jeddah': { ar: [{ text: 'جدة', requireContext: true }] },
  'SA:Mecca': { ar: ['مكة', 'مكة المكرمة'] },
  'SA:Medina': { ar: ['المدينة المنورة'] },
  'EG:Cairo': { ar: ['القاهرة'] },
  'EG:Alexandria': { ar: ['الإسكندرية'] },
  'AE:Abu Dhabi': { ar: ['أبوظبي', 'أبو ظبي'] },
  'AE:Dubai': { ar: ['دبي'] },
  'QA:Doha': { ar: ['الدوحة'] },
  'BH:Manama': { ar: ['المنامة'] },
  'OM:Muscat': { ar: [{ text: 'مسقط', requireContext: true }] },
  'YE:Sanaa': { ar: ['صنعاء'] },
  'YE:Aden': { ar: ['عدن'] },
  'YE:Hodeidah': { ar: ['الحديدة'] },
  'SD:Khartoum': { ar: ['الخرطوم'] },
  'SD:Omdurman': { ar: ['أم درمان'] },
  'SD:Port Sudan': { ar: ['بورتسودان', 'بور سودان'] },
  'SD:El Fasher': { ar: ['الفاشر'] },
  'MA:Rabat': { ar: ['الرباط'] },
  'MA:Casablanca': { ar: ['الدار البيضاء'] },
  'RU:Moscow': { ar: ['موسكو'] },
  'US:Washington, D.C.': { ar: ['واشنطن'] },
  'GB:London': { ar: ['لندن'] },
  'FR:Paris': { ar: ['باريس'] },
  'DE:Berlin': { ar: ['برلين'] },
  'CN:Beijing': { ar: ['بكين'] },
  'UA:Kyiv': { ar: ['كييف'] },
};

/** US state and UK nation names by GeoNames admin code: context words for their cities. */
export const ADMIN_NAMES: Record<string, Record<string, string>> = {
  US: {
    AL: 'Alabama',
    AK: 'Alaska',
    AZ: 'Arizona',
    AR: 'Arkansas',
    CA: 'California',
    CO: 'Colorado',
    CT: 'Connecticut',
    DE: 'Delaware',
    DC: 'District of Columbia',
    FL: 'Florida',
    GA: 'Georgia',
    HI: 'Hawaii',
    ID: 'Idaho',
    IL: 'Illinois',
    IN: 'Indiana',
    IA: 'Iowa',
    KS: 'Kansas',
    KY: 'Kentucky',
    LA: 'Louisiana',
    ME: 'Maine',
    MD: 'Maryland',
    MA: 'Massachusetts',
    MI: 'Michigan',
    MN: 'Minnesota',
    MS: 'Mississippi',
    MO: 'Missouri',
    MT: 'Montana',
    NE: 'Nebraska',
    NV: 'Nevada',
    NH: 'New Hampshire',
    NJ: 'New Jersey',
    NM: 'New Mexico',
    NY: 'New York',
    NC: 'North Carolina',
    ND: 'North Dakota',
    OH: 'Ohio',
    OK: 'Oklahoma',
    OR: 'Oregon',
    PA: 'Pennsylvania',
    RI: 'Rhode Island',
    SC: 'South Carolina',
    SD: 'South Dakota',
    TN: 'Tennessee',
    TX: 'Texas',
    UT: 'Utah',
    VT: 'Vermont',
    VA: 'Virginia',
    WA: 'Washington',
    WV: 'West Virginia',
    WI: 'Wisconsin',
    WY: 'Wyoming',
  },
  GB: { ENG: 'England', SCT: 'Scotland', WLS: 'Wales', NIR: 'Northern Ireland' },
};

/** Countries whose non-capital cities are left to the Syria story's own curated files. */
export const CITIES_LEFT_TO_CURATED = new Set(['SY']);

/**
 * Namesakes preferred when a name is shared and the page gives no context (`CC:GeoNames name`):
 * population alone would pick Valencia in Venezuela and London in Ontario's namesake order.
 */
export const PREFERRED_NAMESAKES = new Set([
  'ES:Valencia',
  'ES:Barcelona',
  'GB:London',
  'IN:Hyderabad',
  'MX:Mérida',
  'PR:San Juan',
]);

/** City-states: the country entity stands for the city too. */
export const CITY_STATES = new Set(['SG', 'MC', 'VA']);

/** Descriptions for cities whose status a generic "Capital of …" line would get wrong. */
export const CITY_DESCRIPTIONS: Record<string, string> = {
  'IL:Jerusalem':
    'City claimed as capital by both Israel and Palestine; seat of the Israeli government',
  'PS:Ramallah': 'City in the West Bank, administrative seat of the Palestinian Authority',
};
