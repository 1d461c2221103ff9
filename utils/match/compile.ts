import type { Entity } from '../knowledge/schema';
import {
  aliasesOf,
  casePatternOf,
  flagsOf,
  implicitFlags,
  losesSigns,
  personNameWords,
  variantsOf,
  wordsOf,
} from './alias-forms';
import { buildDictionary } from './dictionary';
import {
  CandidateFlag,
  countryCodeOf,
  dayNumber,
  KIND_CODES,
  MAX_ALIAS_WORDS,
  type MatcherData,
  PlaceRole,
  popularityCode,
} from './matcher-data';
import type { Token } from './tokenize';

interface Candidate {
  entity: number;
  flags: number;
  casePattern: string;
}

/** What compiling found worth telling the pack's author. */
export interface CompileReport {
  aliases: number;
  groups: number;
  words: number;
  states: number;
  /** Aliases that could not be used (empty after folding, or too many words). */
  skipped: string[];
}

/**
 * Compile entities into a {@link MatcherData}. Every alias (and the display name) is folded and
 * split into words with the page tokenizer; aliases that fold to the same words form one group
 * whose candidates the resolver chooses between. Context words join the same automaton, so one
 * pass over a page finds both mentions and the cues that disambiguate them.
 */
export function compileMatcher(unordered: readonly Entity[]): {
  data: MatcherData;
  report: CompileReport;
} {
  // In id order, so that an id is found in a compiled matcher by bisection.
  const entities = [...unordered].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = new Map(entities.map((entity, i) => [entity.id, i]));
  const groups = new Map<string, { words: string[]; candidates: Candidate[] }>();
  const report: CompileReport = { aliases: 0, groups: 0, words: 0, states: 0, skipped: [] };

  const addGroup = (tokens: Token[], candidate: Candidate) => {
    const words = tokens.map((token) => token.folded);
    const key = words.join(' ');
    let group = groups.get(key);
    if (!group) {
      group = { words, candidates: [] };
      groups.set(key, group);
    }
    const duplicate = group.candidates.some(
      (other) => other.entity === candidate.entity && other.flags === candidate.flags,
    );
    if (!duplicate) group.candidates.push(candidate);
  };

  entities.forEach((entity, e) => {
    const nameWords = personNameWords(entity);
    for (const alias of aliasesOf(entity)) {
      const flags = flagsOf(entity, alias);
      for (const variant of variantsOf(alias.text, alias.language)) {
        const tokens = wordsOf(variant, entity.kind === 'topic');
        if (tokens.length === 0 || tokens.length > MAX_ALIAS_WORDS || losesSigns(variant)) {
          report.skipped.push(`${entity.id}: "${variant}"`);
          continue;
        }
        report.aliases++;
        let variantFlags = flags | implicitFlags(variant, tokens, alias.rules, entity);
        // A lone first name or surname is not the famous person until the full name is on the page.
        if (
          tokens.length === 1 &&
          nameWords.has(tokens[0]?.folded ?? '') &&
          alias.rules?.neverAlone === undefined &&
          entity.hints?.neverAlone === undefined
        )
          variantFlags |= CandidateFlag.NeverAlone;
        const casePattern = casePatternOf(variant, tokens, variantFlags, entity.kind);
        addGroup(tokens, { entity: e, flags: variantFlags, casePattern });
      }
    }
    for (const word of entity.hints?.context ?? []) {
      const tokens = wordsOf(word);
      if (tokens.length > 0 && tokens.length <= MAX_ALIAS_WORDS) {
        addGroup(tokens, { entity: e, flags: CandidateFlag.Context, casePattern: '' });
      }
    }
  });

  const data = buildAutomaton(entities, index, [...groups.values()]);
  report.groups = groups.size;
  report.words = data.wordStart.length - 1;
  report.states = data.fail.length;
  return { data, report };
}

function buildAutomaton(
  entities: readonly Entity[],
  index: Map<string, number>,
  groups: { words: string[]; candidates: Candidate[] }[],
): MatcherData {
  // Words → ids.
  const wordIds = new Map<string, number>();
  for (const group of groups) {
    for (const word of group.words) if (!wordIds.has(word)) wordIds.set(word, wordIds.size);
  }
  const words = [...wordIds.keys()];
  const wordStart = new Uint32Array(words.length + 1);
  let totalChars = 0;
  words.forEach((word, w) => {
    wordStart[w] = totalChars;
    totalChars += word.length;
  });
  wordStart[words.length] = totalChars;
  const wordChars = new Uint16Array(totalChars);
  words.forEach((word, w) => {
    for (let i = 0; i < word.length; i++)
      wordChars[(wordStart[w] as number) + i] = word.charCodeAt(i);
  });
  const { dictHash, dictWord } = buildDictionary(wordStart, wordChars);

  // Trie over word ids.
  const children: Map<number, number>[] = [new Map()];
  const depth: number[] = [0];
  const outGroup: number[] = [-1];
  groups.forEach((group, g) => {
    let state = 0;
    for (const word of group.words) {
      const w = wordIds.get(word) as number;
      let next = children[state]?.get(w);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        depth.push((depth[state] as number) + 1);
        outGroup.push(-1);
        children[state]?.set(w, next);
      }
      state = next;
    }
    outGroup[state] = g;
  });

  // Fail links and output links, breadth first.
  const states = children.length;
  const fail = new Int32Array(states);
  const outLink = new Int32Array(states);
  const queue: number[] = [];
  for (const next of (children[0] as Map<number, number>).values()) queue.push(next);
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head] as number;
    for (const [w, next] of children[state] as Map<number, number>) {
      let f = fail[state] as number;
      while (f !== 0 && !children[f]?.has(w)) f = fail[f] as number;
      const target = children[f]?.get(w);
      const failTo = target !== undefined && target !== next ? target : 0;
      fail[next] = failTo;
      outLink[next] = (outGroup[failTo] as number) >= 0 ? failTo : (outLink[failTo] as number);
      queue.push(next);
    }
  }

  // Flatten transitions.
  const rootNext = new Int32Array(words.length).fill(-1);
  for (const [w, next] of children[0] as Map<number, number>) rootNext[w] = next;
  const transStart = new Uint32Array(states + 1);
  let transitions = 0;
  for (let s = 0; s < states; s++) {
    transStart[s] = transitions;
    if (s !== 0) transitions += (children[s] as Map<number, number>).size;
  }
  transStart[states] = transitions;
  const transWord = new Int32Array(transitions);
  const transNext = new Int32Array(transitions);
  for (let s = 1; s < states; s++) {
    const sorted = [...(children[s] as Map<number, number>)].sort((a, b) => a[0] - b[0]);
    sorted.forEach(([w, next], i) => {
      transWord[(transStart[s] as number) + i] = w;
      transNext[(transStart[s] as number) + i] = next;
    });
  }

  // Candidates: each group's mentions first, then its context cues, so the resolver reads only
  // the mentions when it chooses (a word like "Syria" is a cue for hundreds of places).
  const groupStart = new Uint32Array(groups.length + 1);
  const groupMentionEnd = new Uint32Array(groups.length);
  const groupSingle = new Int32Array(groups.length).fill(-1);
  const contextLists: number[][] = entities.map(() => []);
  const cands = groups.flatMap((group, g) => {
    const mentions = group.candidates.filter((c) => !(c.flags & CandidateFlag.Context));
    const cues = group.candidates.filter((c) => c.flags & CandidateFlag.Context);
    const start = groupStart[g] as number;
    groupMentionEnd[g] = start + mentions.length;
    groupStart[g + 1] = start + mentions.length + cues.length;
    const only = mentions[0];
    if (
      mentions.length === 1 &&
      only &&
      !(only.flags & (CandidateFlag.RequireContext | CandidateFlag.NeverAlone))
    ) {
      groupSingle[g] = start;
    }
    for (const cue of cues) contextLists[cue.entity]?.push(g);
    return [...mentions, ...cues];
  });
  const contextStart = new Uint32Array(entities.length + 1);
  contextLists.forEach((list, e) => {
    contextStart[e + 1] = (contextStart[e] as number) + list.length;
  });

  // Entities. Relations work both ways: either side's presence is context for the other.
  const relatedSets = entities.map(() => new Set<number>());
  entities.forEach((entity, e) => {
    for (const id of entity.related ?? []) {
      const other = index.get(id);
      if (other === undefined || other === e) continue;
      relatedSets[e]?.add(other);
      relatedSets[other]?.add(e);
    }
  });
  const relatedLists = relatedSets.map((set) => [...set].sort((a, b) => a - b));
  const relatedStart = new Uint32Array(entities.length + 1);
  relatedLists.forEach((list, e) => {
    relatedStart[e + 1] = (relatedStart[e] as number) + list.length;
  });

  return {
    version: 1,
    dictHash,
    dictWord,
    wordStart,
    wordChars,
    rootNext,
    transStart,
    transWord,
    transNext,
    fail,
    depth: Uint8Array.from(depth),
    outGroup: Int32Array.from(outGroup),
    outLink,
    groupStart,
    groupMentionEnd,
    groupSingle,
    contextStart,
    contextGroups: Int32Array.from(contextLists.flat()),
    candEntity: Int32Array.from(cands, (c) => c.entity),
    candFlags: Uint8Array.from(cands, (c) => c.flags),
    candCase: cands.map((c) => c.casePattern),
    entityIds: entities.map((entity) => entity.id),
    entityNames: entities.map((entity) => entity.name),
    entityKinds: Uint8Array.from(entities, (entity) => KIND_CODES.indexOf(entity.kind)),
    entityPriority: Int8Array.from(entities, (entity) => entity.hints?.priority ?? 0),
    entityPopularity: Uint8Array.from(entities, (entity) => popularityCode(entity.popularity)),
    entityCountryCode: Uint16Array.from(entities, (entity) =>
      entity.kind === 'place' ? countryCodeOf(entity.country) : 0,
    ),
    relatedStart,
    related: Int32Array.from(relatedLists.flat()),
    entityStart: Int32Array.from(entities, (entity) => dayNumber(entity.dates?.start, false)),
    entityEnd: Int32Array.from(entities, (entity) => dayNumber(entity.dates?.end, true)),
    ...placesOf(entities),
  };
}

/**
 * A place's role (`PlaceRole` bits: country, capital, settlement) from its facts; 0 for anything
 * else. What the resolver's place rules read, and the pack's guards too.
 */
export function placeRoleOf(entity: Entity): number {
  if (entity.kind !== 'place') return 0;
  const labels = new Set(entity.facts?.map((fact) => fact.label));
  if (labels.has('ISO 3166-1 code')) return PlaceRole.Country;
  let bits = 0;
  if (labels.has('Capital of')) bits |= PlaceRole.Capital | PlaceRole.Settlement;
  if (labels.has('Population')) bits |= PlaceRole.Settlement;
  return bits;
}

/** Each place's country entity and role (country, capital, settlement), from its facts. */
function placesOf(entities: readonly Entity[]): {
  entityCountry: Int32Array;
  entityRole: Uint8Array;
} {
  const role = Uint8Array.from(entities, placeRoleOf);
  const countryByCode = new Map<string, number>();
  entities.forEach((entity, e) => {
    if (role[e] === PlaceRole.Country && entity.country) countryByCode.set(entity.country, e);
  });
  const entityCountry = Int32Array.from(entities, (entity) =>
    entity.kind === 'place' && entity.country ? (countryByCode.get(entity.country) ?? -1) : -1,
  );
  return { entityCountry, entityRole: role };
}
