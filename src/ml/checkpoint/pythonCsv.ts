/**
 * The exported Python script's CSV reader: the checkpoint's schema (means, stds,
 * vocabularies, missing slots, how labels name classes) applied cell by cell in plain
 * Python, mirroring src/ml/csv/values.ts and encode.ts. Plain Python on purpose: the
 * encoding can be checked against the playground's without numpy or TensorFlow
 * (tests/unit/checkpoint-python.test.ts does). pandas only reads the file.
 * User strings enter only through pyLiteral.
 */
import type { ColumnSchema, CsvEncoding, CsvSchema } from '../../shared/csv';
import { DEFAULT_TEST_FRACTION } from '../csv/dataset';
import { MAX_STANDARD } from '../csv/encode';
import { MAX_MAGNITUDE } from '../csv/values';
import { pyBool, pyFloat, pyLines, pyNum, pyStr, pyValue } from './pyLiteral';
import type { CheckpointMeta } from './types';

/** Python code: constants, argparse options (`add_data_args`) and `load_data(args)`. */
export interface PythonData {
  code: string;
  /** What the script's docstring says about the data. */
  about: string;
  /** The FEATURE_NAMES literal when the names are not worth listing (784 pixels); else the meta's names. */
  featureNames?: string;
}

/** WHATWG encoding label -> Python codec (a BOM is stripped separately). */
const CODECS: Record<CsvEncoding, string> = {
  'utf-8': 'utf-8',
  'utf-16le': 'utf-16-le',
  'utf-16be': 'utf-16-be',
  'euc-kr': 'euc-kr',
  'windows-1252': 'cp1252',
};

/** One feature column as the script's COLUMNS entry. */
function columnLiteral(c: ColumnSchema): string {
  const common = `"name": ${pyStr(c.name)}, "index": ${c.index}`;
  if (c.kind === 'date') {
    const d = c.date ?? { order: 'dmy', parts: [], mean: [], std: [] };
    const floats = (xs: readonly number[]) => `[${xs.map(pyFloat).join(', ')}]`;
    return `{${common}, "kind": "date", "order": ${pyStr(d.order)}, "parts": ${pyValue(d.parts)}, "mean": ${floats(d.mean)}, "std": ${floats(d.std)}}`;
  }
  return c.kind === 'numeric'
    ? `{${common}, "kind": "numeric", "mean": ${pyFloat(c.mean)}, "std": ${pyFloat(c.std)}, "decimal_comma": ${pyBool(c.decimalComma)}${c.formatted === true ? ', "formatted": True' : ''}}`
    : `{${common}, "kind": "categorical", "vocabulary": ${pyValue(c.vocabulary)}, "missing_slot": ${pyBool(c.missingSlot)}}`;
}

/** True when every class name reads as a number: the label column held numbers (`1` and `1.0` are one class). */
const numericLabels = (schema: CsvSchema) => schema.classNames.every((c) => /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(c.trim()));

export function csvData(meta: CheckpointMeta, schema: CsvSchema, csvFileName: string | undefined): PythonData {
  const format = meta.csvFormat ?? { delimiter: ',', encoding: 'utf-8', header: 'names' };
  const features = schema.columns.filter((c) => c.role === 'feature');
  const label = schema.columns[schema.labelIndex];
  const constants = [
    `CSV_FILE = ${pyStr(csvFileName ?? schema.fileName)}`,
    `DELIMITER = ${pyStr(format.delimiter)}`,
    `ENCODING = ${pyStr(CODECS[format.encoding])}`,
    `HEADER = ${pyStr(format.header)}  # "names": column names; "none": data from line 1; "tensorflow": rows,features,classes`,
    `TEST_FRACTION = ${pyNum(format.testFraction ?? DEFAULT_TEST_FRACTION)}`,
    `VALIDATION_FRACTION = ${pyNum(format.validationFraction ?? 0)}  # of the training rows, stratified: what early stopping watches; 0 = none`,
    `COLUMN_NAMES = ${pyLines(schema.columns.map((c) => pyStr(c.name)))}`,
    `LABEL_INDEX = ${schema.labelIndex}  # ${features.length} feature columns -> ${schema.featureNames.length} inputs`,
    `LABEL_NUMERIC = ${pyBool(numericLabels(schema))}  # numeric labels: "1" and "1.0" are the same class`,
    // A regressor reads its label as a number, as a numeric feature's cells are read.
    `LABEL_DECIMAL_COMMA = ${pyBool(label?.decimalComma === true)}  # the label column writes 5,1 for 5.1`,
    `LABEL_FORMATTED = ${pyBool(label?.formatted === true)}  # the label column's numbers are written like 1,234.5, 12% or $3`,
    `# Feature columns in file order, with the statistics fitted on the playground's training split.`,
    `COLUMNS = ${pyLines(features.map(columnLiteral))}`,
    `# Label classes the playground merged into "other" (they had too few rows).`,
    `MERGED_CLASSES = ${pyValue(schema.merged ?? [])}`,
  ].join('\n');
  return {
    code: `${constants}\n${CSV_CODE}`,
    about: 'the CSV file, encoded with the statistics stored in the checkpoint',
  };
}

/** Python code of the CSV reader and encoder; reads the constants csvData writes. */
const CSV_CODE = `
MISSING_TOKENS = {"", "na", "n/a", "nan", "null", "?", "-", "."}
MAX_MAGNITUDE = ${String(MAX_MAGNITUDE)}  # larger numbers (and 1e309, inf) are gaps, as in the playground
MAX_STANDARD = ${String(MAX_STANDARD)}  # standardised values are kept within this many standard deviations
# JavaScript's String.prototype.trim() set: Python's str.strip() differs slightly.
JS_SPACE = "\\t\\n\\x0b\\x0c\\r \\xa0\\u1680\\u2000\\u2001\\u2002\\u2003\\u2004\\u2005\\u2006\\u2007\\u2008\\u2009\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"
POINT_NUMBER = re.compile(r"[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
COMMA_NUMBER = re.compile(r"[+-]?(?:[0-9]+[.,]?[0-9]*|[.,][0-9]+)(?:[eE][+-]?[0-9]+)?")
FILE_DECIMAL_COMMA = DELIMITER != ","  # semicolon and tab files may write 5,1 for 5.1
for _column in COLUMNS:
    if _column["kind"] == "categorical":
        _column["slots"] = {value: i for i, value in enumerate(_column["vocabulary"])}
CLASS_INDEX = {name: i for i, name in enumerate(CLASS_NAMES)}
for _name in MERGED_CLASSES:
    CLASS_INDEX[_name] = CLASS_INDEX["other"]
DATE_YEAR_FIRST = re.compile(r"([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})(?:[ T]([0-9]{1,2}):([0-9]{2})(?::[0-9]{2}(?:\\.[0-9]+)?)?Z?)?")
DATE_YEAR_LAST = re.compile(r"([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{2,4})(?:[ T]([0-9]{1,2}):([0-9]{2})(?::[0-9]{2}(?:\\.[0-9]+)?)?Z?)?")


def add_data_args(parser):
    parser.add_argument("--csv", default=CSV_FILE, help="the CSV file the model was trained on")
    parser.add_argument("--test-csv", default=None, help="a test file with the same columns; default: a stratified split")


def trim(cell):
    return cell.strip(JS_SPACE)


def is_missing(cell):
    """Empty, NA, N/A, NaN, null, ?, -, . (any case, spaces around ignored) mean no value."""
    return trim(cell).lower() in MISSING_TOKENS


def parse_number(cell, decimal_comma):
    """The number in a cell, or nan: no thousands separators, no hex, nothing infinite or past MAX_MAGNITUDE."""
    t = trim(cell)
    if POINT_NUMBER.fullmatch(t):
        value = float(t)
    elif decimal_comma and COMMA_NUMBER.fullmatch(t):
        value = float(t.replace(",", ".", 1))
    else:
        return math.nan
    return value if abs(value) <= MAX_MAGNITUDE else math.nan


def parse_formatted(cell):
    """1,234.5 / 12% / $3 / (12) as the playground reads them in a column of such numbers: the
    signs and separators taken off, (12) negative, 12% as 12; nan when the cell is none."""
    t = trim(cell)
    sign = 1.0
    if t.startswith("(") and t.endswith(")"):
        sign, t = -1.0, t[1:-1].strip()
    t = re.sub(r"[$\u20ac\u00a3\u00a5\u20a9]", "", t).replace(" ", "")
    if t.endswith("%"):
        t = t[:-1]
    if "," in t:
        if not re.fullmatch(r"[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?", t):
            return math.nan
        t = t.replace(",", "")
    if not POINT_NUMBER.fullmatch(t):
        return math.nan
    value = sign * float(t)
    return value if abs(value) <= MAX_MAGNITUDE else math.nan


def date_parts(cell, order):
    """A date cell's year, month, weekday (Monday 0) and hour (0 without a time), or None: as the
    playground reads dates (year first is y-m-d; year last is d.m.y or m/d/y by the column's order;
    a two-digit year is 1969-2068)."""
    import datetime
    t = trim(cell)
    m = DATE_YEAR_FIRST.fullmatch(t)
    if m:
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    else:
        m = DATE_YEAR_LAST.fullmatch(t)
        if not m:
            return None
        a, b, year = int(m[1]), int(m[2]), int(m[3])
        if len(m[3]) == 2:
            year += 2000 if year < 69 else 1900
        day, month = (a, b) if order == "dmy" else (b, a)
    hour = int(m[4]) if m[4] is not None else 0
    if hour > 23 or (m[5] is not None and int(m[5]) > 59):
        return None
    try:
        weekday = datetime.date(year, month, day).weekday()
    except ValueError:
        return None
    return {"year": year, "month": month, "weekday": weekday, "hour": hour}


def encode_row(cells):
    """One row of cells (strings, file order) -> the network's inputs, as the playground encodes it:
    numbers standardised with the stored mean and std (a gap takes the mean, so 0);
    categories one-hot over the stored vocabulary, a gap in the "(missing)" slot when the
    training split had one, an unseen category as all zeros."""
    out = []
    for column in COLUMNS:
        cell = cells[column["index"]] if column["index"] < len(cells) else ""
        if column["kind"] == "numeric":
            value = math.nan if is_missing(cell) else parse_number(cell, FILE_DECIMAL_COMMA or column["decimal_comma"])
            if math.isnan(value) and column.get("formatted") and not is_missing(cell):
                value = parse_formatted(cell)
            z = 0.0 if math.isnan(value) else (value - column["mean"]) / column["std"]
            out.append(max(-MAX_STANDARD, min(MAX_STANDARD, z)))
            continue
        if column["kind"] == "date":
            # One date cell -> year, month, weekday (and hour), each standardised; a gap takes the means.
            parts = None if is_missing(cell) else date_parts(cell, column["order"])
            for part, mean, std in zip(column["parts"], column["mean"], column["std"]):
                z = 0.0 if parts is None else (parts[part] - mean) / std
                out.append(max(-MAX_STANDARD, min(MAX_STANDARD, z)))
            continue
        slots = [0.0] * (len(column["vocabulary"]) + (1 if column["missing_slot"] else 0))
        if is_missing(cell):
            if column["missing_slot"]:
                slots[-1] = 1.0
        elif trim(cell) in column["slots"]:
            slots[column["slots"][trim(cell)]] = 1.0
        out.extend(slots)
    return out


def js_number(value):
    """A float as JavaScript's String(number) writes it, which is how numeric classes were named."""
    if value == 0:
        return "0"
    if 1e-6 <= abs(value) < 1e21:
        text = format(decimal.Decimal(repr(value)), "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    mantissa, _, exponent = repr(value).partition("e")
    return mantissa + "e" + ("-" if int(exponent) < 0 else "+") + str(abs(int(exponent)))


def target_value(cell):
    """A regressor's label cell as a number in the label's units, or nan (missing or not a number:
    the row is dropped), read as a numeric feature's cell is."""
    if is_missing(cell):
        return math.nan
    value = parse_number(cell, FILE_DECIMAL_COMMA or LABEL_DECIMAL_COMMA)
    if math.isnan(value) and LABEL_FORMATTED:
        value = parse_formatted(cell)
    return value


def class_id(cell, tensorflow_names):
    """The class id of a label cell, or -1 (missing or unknown: the row is dropped)."""
    if is_missing(cell):
        return -1
    t = trim(cell)
    if tensorflow_names is not None:
        if not t.isdigit():
            return -1
        return int(t) if tensorflow_names else CLASS_INDEX.get(str(int(t)), -1)
    if LABEL_NUMERIC:
        value = parse_number(t, FILE_DECIMAL_COMMA)
        return -1 if math.isnan(value) else CLASS_INDEX.get(js_number(value), -1)
    return CLASS_INDEX.get(t, -1)


def read_rows(path):
    """Every row as a list of strings (pandas reads; nothing is converted or filled)."""
    import pandas as pd
    frame = pd.read_csv(path, sep=DELIMITER, header=None, dtype=str, keep_default_na=False, na_filter=False,
                        encoding=ENCODING, skip_blank_lines=True, on_bad_lines="skip")
    rows = frame.fillna("").values.tolist()
    if rows and rows[0] and rows[0][0].startswith("\\ufeff"):
        rows[0][0] = rows[0][0][1:]
    tensorflow_names = None
    if HEADER == "tensorflow":
        tensorflow_names = [trim(c) for c in rows[0][2:] if trim(c) != ""]
    if HEADER == "none":
        return None, rows, tensorflow_names
    return rows[0], rows[1:], tensorflow_names


def encode_file(path):
    """Inputs [rows, features] and class ids [rows] of a file; rows without a known class are dropped.
    A regressor's: the standardised labels (y - TARGET_MEAN) / TARGET_SD as float32 [rows]; rows
    whose label is no number are dropped."""
    import numpy as np
    header, rows, tensorflow_names = read_rows(path)
    if header is not None and HEADER == "names":
        # Columns are matched by name, as the playground does with a test file.
        at = {trim(name): i for i, name in enumerate(header)}
        if all(name in at for name in COLUMN_NAMES):
            rows = [[row[at[name]] if at[name] < len(row) else "" for name in COLUMN_NAMES] for row in rows]
    cells = [row[LABEL_INDEX] if LABEL_INDEX < len(row) else "" for row in rows]
    if TASK == "regression":
        values = [target_value(cell) for cell in cells]
        keep = [i for i, value in enumerate(values) if not math.isnan(value)]
        y = np.array([(values[i] - TARGET_MEAN) / TARGET_SD for i in keep], dtype=np.float32)
    else:
        labels = [class_id(cell, tensorflow_names) for cell in cells]
        keep = [i for i, label in enumerate(labels) if label >= 0]
        y = np.array([labels[i] for i in keep], dtype=np.int32)
    x = np.array([encode_row(rows[i]) for i in keep], dtype=np.float32).reshape(len(keep), -1)
    return x, y


def stratified_split(y, fraction, seed):
    """Hold out round(n * fraction) rows of each class (a regressor's: of all rows, at random). The
    playground's split uses its own generator, so the rows differ; the encoding does not (it uses
    the stored statistics)."""
    import numpy as np
    rng = np.random.default_rng(seed)
    if TASK == "regression":
        rows = rng.permutation(len(y))
        mask = np.zeros(len(y), dtype=bool)
        mask[rows[: int(round(len(y) * fraction))]] = True
        return ~mask, mask
    test = []
    for c in np.unique(y):
        rows = np.flatnonzero(y == c)
        rng.shuffle(rows)
        test.extend(rows[: int(round(len(rows) * fraction))])
    mask = np.zeros(len(y), dtype=bool)
    mask[np.array(test, dtype=np.int64)] = True
    return ~mask, mask


def load_data(args):
    x, y = encode_file(args.csv)
    if args.test_csv:
        data = {"train": (x, y), "test": encode_file(args.test_csv)}
    else:
        train, test = stratified_split(y, TEST_FRACTION, SEED)
        data = {"train": (x[train], y[train]), "test": (x[test], y[test])}
    if VALIDATION_FRACTION > 0:
        # As the playground: a stratified part of the training rows, never trained on, for early stopping.
        x, y = data["train"]
        train, validation = stratified_split(y, VALIDATION_FRACTION, SEED + 1)
        data["train"], data["validation"] = (x[train], y[train]), (x[validation], y[validation])
    return data
`;

