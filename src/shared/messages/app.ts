/** Codes of the app area and their parameters (see ../message.ts). */
export interface AppMessages {
  /** A thrown error we did not word ourselves (tfjs, the browser): its raw text. */
  'app.unexpected': { detail: string };
}
