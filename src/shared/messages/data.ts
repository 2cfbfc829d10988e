/** Codes of the data area and their parameters (see ../message.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled as the area's sentences become codes
export interface DataMessages {
}
