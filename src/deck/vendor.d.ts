// KaTeX's auto-render ships without type declarations.
declare module 'katex/contrib/auto-render' {
  const renderMathInElement: (element: HTMLElement, options?: object) => void;
  export default renderMathInElement;
}
