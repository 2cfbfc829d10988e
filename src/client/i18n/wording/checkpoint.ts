/** English and Korean words for the checkpoint area's message codes (src/shared/messages/checkpoint.ts). */
import type { Wordings } from './types';
import type { CheckpointMessages } from '../../../shared/messages/checkpoint';

export const checkpointWording: Wordings<keyof CheckpointMessages> = {
};
