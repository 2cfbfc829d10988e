/** Codes of the data area and their parameters (see ../message.ts). */
export interface DataMessages {
  // TensorFlow's tutorial CSV format (src/ml/datasets/tfCsv.ts): line 1 is `<rows>,<features>,<class names...>`.
  'data.tf-header': { file: string };
  'data.tf-no-features': { file: string };
  'data.tf-row-count': { file: string; declared: number; rows: number };
  'data.tf-ragged': { file: string; line: number; expected: number; found: number };
  /** `column` is 1-based; `value` the cell as written. */
  'data.tf-not-number': { file: string; line: number; column: number; value: string };
  'data.tf-bad-class': { file: string; line: number; value: string };
  /** Class id `id` is past the `classes` names of line 1. */
  'data.tf-unnamed-class': { file: string; id: number; classes: number };
  // Predicting a file of rows (src/ml/datasets/predictFile.ts).
  'data.rows-not-scored': { count: number };
  /** `rows` rows hold cells of `columns` the model could not read as trained (flagged in the table and the download's `warnings` column). */
  'data.cells-flagged': { rows: number; columns: readonly string[] };
}
