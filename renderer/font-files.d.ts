/** A font file imported by the renderer: esbuild's file loader copies it next to main.js and gives its URL. */
declare module '*.woff2' {
  const url: string;
  export default url;
}
