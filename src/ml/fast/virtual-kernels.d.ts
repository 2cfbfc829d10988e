/** assembly/kernels.ts compiled to wasm by scripts/wasm-kernels.mjs (a Vite plugin), base64. */
declare module 'virtual:fast-kernels' {
  const base64: string;
  export default base64;
}
