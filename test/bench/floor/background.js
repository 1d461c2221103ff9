// The floor's background: finds the names it was built with (names.js) in each text, whole words,
// and answers with flat [text, start, end] triples.
if (!globalThis.NAMES) importScripts('names.js');
const literal = (name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pattern = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${globalThis.NAMES.map(literal).join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);
const api = globalThis.browser ?? globalThis.chrome;
api.runtime.onMessage.addListener((message, _sender, respond) => {
  const marks = [];
  message.texts.forEach((text, index) => {
    for (const found of text.matchAll(pattern))
      marks.push(index, found.index, found.index + found[0].length);
  });
  respond(marks);
});
