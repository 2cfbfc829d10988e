/** Debian's Chromium and the flags it needs on a headless, network-less machine. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  // WebGL without a GPU, through SwiftShader.
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];
