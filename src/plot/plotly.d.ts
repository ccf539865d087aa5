// The cartesian partial bundle (scatter, bar, heatmap, contour, histogram) ships no types;
// its API is the full bundle's, whose types come with plotly.js-dist-min.
declare module 'plotly.js-cartesian-dist-min' {
  export { default } from 'plotly.js-dist-min';
}
