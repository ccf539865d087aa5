// Labels for Plotly, escaped: one rule for every text a plot shows (draw-plot.ts, network-figure.ts).

/**
 * Text for Plotly, shown as typed. Plotly reads `<b>`, `<a href>`, `<span style>` and `<br>`
 * in every label, so code from a shared link could put a live link or huge styled text in
 * the deck; escaped, those are just characters (Plotly turns the entities back into them).
 */
export function plainText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
