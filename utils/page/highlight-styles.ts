/** How marks look; each style has its own `::highlight()` rule in `highlights.css`. */
export const HIGHLIGHT_STYLES = ['underline', 'background', 'subtle'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];
