/** English and Korean words for the data area's message codes (src/shared/messages/data.ts). */
import type { Wordings } from './types';
import type { DataMessages } from '../../../shared/messages/data';

export const dataWording: Wordings<keyof DataMessages> = {
};
