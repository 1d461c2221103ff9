// The floor: the least an extension can do to mark names on a page. It walks the page's text,
// sends all of it to its background in one message, and paints the offsets it gets back as one
// CSS highlight. The bench runs it beside Backstory on the same pages, so every figure is a
// ratio to it (see ../floor-extension.ts).
const api = globalThis.browser ?? globalThis.chrome;
const nodes = [];
const texts = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  nodes.push(node);
  texts.push(node.data);
}
api.runtime.sendMessage({ texts }).then((marks) => {
  const highlight = new Highlight();
  for (let i = 0; i + 2 < marks.length; i += 3) {
    const node = nodes[marks[i]];
    highlight.add(
      new StaticRange({
        startContainer: node,
        startOffset: marks[i + 1],
        endContainer: node,
        endOffset: marks[i + 2],
      }),
    );
  }
  CSS.highlights.set('floor', highlight);
});
