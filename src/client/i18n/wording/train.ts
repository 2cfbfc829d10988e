/** English and Korean words for the train area's message codes (src/shared/messages/train.ts). */
import type { Wordings } from '.';
import type { TrainMessages } from '../../../shared/messages/train';

export const trainWording: Wordings<keyof TrainMessages> = {
};
