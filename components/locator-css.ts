/**
 * Styles for `LocatorMap`, as a string for whichever shadow root or stylesheet hosts the map.
 * Colours are custom properties with light and dark values, so a host can retune them; the
 * place dot and capital carry a halo in the land colour so they read on any fill.
 */
export const LOCATOR_CSS = `
.locator {
  --locator-sea: #e6eef7;
  --locator-land: #ecebe6;
  --locator-edge: #b8b5ac;
  --locator-country: #f4dcaa;
  --locator-country-edge: #96690f;
  --locator-place: #c01c28;
  --locator-capital: #1b1d21;
  --locator-halo: #ffffff;
  --locator-label: #4f555e;
  margin: 0;
}
[data-scheme="dark"] .locator {
  --locator-sea: #18202b;
  --locator-land: #2b2f36;
  --locator-edge: #4c525c;
  --locator-country: #5a4822;
  --locator-country-edge: #d9b566;
  --locator-place: #ff7070;
  --locator-capital: #e9eaec;
  --locator-halo: #202329;
  --locator-label: #b4bac3;
}
.locator__svg {
  display: block;
  width: 100%;
  height: auto;
  border-radius: 6px;
}
.locator__sea {
  fill: var(--locator-sea);
}
.locator__neighbour,
.locator__country {
  stroke-linejoin: round;
  vector-effect: non-scaling-stroke;
}
.locator__neighbour {
  fill: var(--locator-land);
  stroke: var(--locator-edge);
  stroke-width: 0.6px;
}
.locator__country {
  fill: var(--locator-country);
  stroke: var(--locator-country-edge);
  stroke-width: 1px;
}
.locator__place {
  fill: var(--locator-place);
  stroke: var(--locator-halo);
  stroke-width: 2px;
}
.locator__capital {
  fill: var(--locator-capital);
  stroke: var(--locator-halo);
  stroke-width: 1.5px;
}
.locator__label {
  font: 10px / 1 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  fill: var(--locator-label);
  stroke: var(--locator-land);
  stroke-width: 3px;
  stroke-linejoin: round;
  paint-order: stroke;
  text-anchor: middle;
  dominant-baseline: central;
  pointer-events: none;
}
@media (forced-colors: active) {
  .locator__sea { fill: Canvas; }
  .locator__neighbour { fill: Canvas; stroke: CanvasText; }
  .locator__country { fill: Highlight; stroke: CanvasText; }
  .locator__place, .locator__capital { fill: CanvasText; stroke: Canvas; }
  .locator__label { fill: CanvasText; stroke: Canvas; }
}
`;
