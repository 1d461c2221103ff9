/**
 * Small word lists for proposing names in Latin-script text, per language Backstory reads well
 * (English, French, Spanish, Portuguese, German, Italian, Dutch): the function words that open
 * sentences with a capital ("The", "Les", "Durante"), the connectors names hold ("of", "de",
 * "von"), and the calendar's words (days, months), capitalised in some languages and names in
 * none. Written for this purpose; lower case, without the accents' variants being needed (the
 * lists hold the usual spellings).
 */

const words = (text: string) => new Set(text.split(/\s+/).filter(Boolean));

/** Words that join capitalised words inside one name. */
export const CONNECTORS = words(`
  of the for
  de du des la le les da do dos das del della delle dei degli di
  van von der den ter ten zu zum zur für
  bin ibn bint al el
`);

/** Titles and honorifics before a name: not part of the name looked up ("President Trump"). */
export const TITLES = words(`
  mr mrs ms miss dr prof sir dame lord lady rev fr sr
  president vice prime minister chancellor premier senator sen rep representative congressman
  congresswoman governor gov mayor secretary chairman chairwoman chair ceo judge justice
  king queen prince princess emperor pope sheikh emir sultan ayatollah imam rabbi bishop
  archbishop cardinal general gen colonel col major maj captain capt lieutenant lt sergeant sgt
  commander admiral marshal officer detective inspector chief coach
  m mme mlle monsieur madame président présidente ministre premier sénateur maire roi reine
  sr sra don doña presidente presidenta ministro ministra senador senadora alcalde rey reina
  herr frau präsident präsidentin kanzler kanzlerin bundeskanzler bundeskanzlerin minister
  ministerin bürgermeister signor signora onorevole heer mevrouw
`);

const FUNCTION_WORDS = words(`
  a an the this that these those there here then than and but or nor so yet if when while
  as at by for from in into of on onto over to with within without about after before
  during since until under above below between among against through across behind
  i you he she it we they me him her us them my your his its our their mine yours
  who whom whose which what where why how all any both each few more most other some such
  no not only own same too very can will just should now also however meanwhile
  yesterday today tomorrow mr mrs ms dr sir madam despite although though whether unless
  once still even because instead another every many much several most including like unlike
  after amid among around near per via toward towards upon onto whose whatever whenever
  we're i'm it's that's there's he's she's they're you're don't can't won't isn't
  is are was were be been being has have had do does did says said according
  le la les un une des du de au aux ce cet cette ces il elle ils elles nous vous on je tu
  mais ou et donc or ni car que qui quoi dont où quand comme si lors depuis pendant avant
  après selon sous sur dans par pour avec sans chez entre vers contre mardi selon
  sa ses leur leurs mon ma mes notre nos votre vos ce cela ceci tout tous toute toutes
  el los las una unos unas lo del al este esta estos estas ese esa esos esas aquel
  pero o y e ni que quien quienes cuando como donde durante desde hasta según sobre
  tras ante bajo con sin para por entre hacia contra su sus mi mis tu tus nuestro
  nuestra también además sin embargo aunque porque mientras así ya
  os as um uma uns umas o do da dos das no na nos nas ao aos à às pelo pela pelos pelas
  mas ou e nem que quem quando como onde durante desde até segundo sobre após com sem
  para por entre contra seu sua seus suas este esta isso isto esse essa também já
  der die das ein eine einer eines einem einen den dem des und oder aber doch sondern
  wenn als wie wo wann weil dass ob während seit bis nach vor bei mit ohne für gegen
  durch über unter zwischen neben auf aus an in im am vom zum zur ist sind waren
  er sie es wir ihr ich du sein seine ihre ihr unser auch noch schon nur laut
  il lo la i gli le un uno una dei degli delle del della dello nel nella nei negli
  ma o e né che chi quando come dove durante da fino secondo sopra dopo con senza
  per tra fra contro suo sua suoi sue anche già questo questa quello quella
  het een de van en of maar dat die dit deze wanneer als hoe waar tijdens sinds tot
  volgens na voor zonder tegen zijn haar hun ook al
`);

/** A function word of one of the languages read (lower case). */
export function isFunctionWord(word: string): boolean {
  return FUNCTION_WORDS.has(word);
}

const CALENDAR = words(`
  monday tuesday wednesday thursday friday saturday sunday
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
  lundi mardi mercredi jeudi vendredi samedi dimanche
  janvier février mars avril mai juin juillet août septembre octobre novembre décembre
  lunes martes miércoles jueves viernes sábado domingo
  enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
  segunda terça quarta quinta sexta sábado domingo
  janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro
  montag dienstag mittwoch donnerstag freitag samstag sonntag
  januar februar märz april mai juni juli august september oktober november dezember
  lunedì martedì mercoledì giovedì venerdì sabato domenica
  gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre
  maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
  januari februari maart mei juni juli augustus oktober
`);

/** A day or a month, in any of the languages read. */
export function isCalendarWord(word: string): boolean {
  return CALENDAR.has(word.toLowerCase().replace(/\.$/, ''));
}
