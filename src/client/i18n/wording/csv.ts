/** English and Korean words for the csv area's message codes (src/shared/messages/csv.ts). */
import type { Wordings } from './types';
import type { CsvMessages } from '../../../shared/messages/csv';

export const csvWording: Wordings<keyof CsvMessages> = {
};
