/** English and Korean words for the mnist area's message codes (src/shared/messages/mnist.ts). */
import type { Wordings } from './types';
import type { MnistMessages } from '../../../shared/messages/mnist';

export const mnistWording: Wordings<keyof MnistMessages> = {
};
