/** English and Korean words for the app area's message codes (src/shared/messages/app.ts). */
import type { Wordings } from '.';
import type { AppMessages } from '../../../shared/messages/app';

export const appWording: Wordings<keyof AppMessages> = {
  'app.unexpected': {
    en: (p) => `Something went wrong: ${p.detail}`,
    ko: (p) => `문제가 생겼습니다: ${p.detail}`,
  },
};
