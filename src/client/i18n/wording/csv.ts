/** English and Korean words for the csv area's message codes (src/shared/messages/csv.ts). */
import type { Fmt } from './format';
import type { Wording, Wordings } from './types';
import type { Delimiter } from '../../../shared/csv';
import { assertNever } from '../../../shared/protocol';
import type { BinaryKind, ColumnNote, ColumnNoteMessages, CsvMessages, LabelProblemKind, NumberFormat, OtherFormat } from '../../../shared/messages/csv';

type Lang = 'en' | 'ko';

/** "3, 5 and 2 more" / "3, 5 외 2개". */
function lineList(p: { lines: readonly number[]; more: number }, lang: Lang): string {
  const shown = p.lines.join(', ');
  if (p.more <= 0) return shown;
  return lang === 'en' ? `${shown} and ${p.more} more` : `${shown} 외 ${p.more}개`;
}

/** "12" or "more than 500" / "12개" or "500개 넘게". */
function distinctEn(p: { distinct: number; capped: boolean }): string {
  return p.capped ? `more than ${p.distinct}` : String(p.distinct);
}
function distinctKo(p: { distinct: number; capped: boolean }): string {
  return p.capped ? `${p.distinct}개 넘게` : `${p.distinct}개`;
}

/** `"a", "b"`: names quoted and joined as the English sentences always did. */
const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

/** 8 bytes, 12 KB, 1.5 MB (units are the same in Korean). */
function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

const DELIMITERS: Record<Delimiter, { en: string; ko: string }> = {
  ',': { en: 'comma', ko: '쉼표(,)' },
  ';': { en: 'semicolon', ko: '세미콜론(;)' },
  '\t': { en: 'tab', ko: '탭' },
  '|': { en: 'pipe (|)', ko: '세로 막대(|)' },
};

const BINARY: Record<Exclude<BinaryKind, 'nul' | 'control'>, { en: string; ko: string }> = {
  png: { en: 'a PNG image', ko: 'PNG 이미지' },
  jpeg: { en: 'a JPEG image', ko: 'JPEG 이미지' },
  gif: { en: 'a GIF image', ko: 'GIF 이미지' },
  pdf: { en: 'a PDF document', ko: 'PDF 문서' },
  zip: { en: 'a ZIP archive (an .xlsx workbook is one: save it as CSV from the spreadsheet)', ko: 'ZIP 압축 파일(.xlsx 통합 문서도 ZIP입니다: 스프레드시트에서 CSV로 저장하세요)' },
  office: { en: 'an old Excel/Office file (save it as CSV from the spreadsheet)', ko: '예전 Excel/Office 파일(스프레드시트에서 CSV로 저장하세요)' },
  gzip: { en: 'a gzip archive (unpack it first)', ko: 'gzip 압축 파일(먼저 압축을 푸세요)' },
};

function binaryEn(p: CsvMessages['csv.binary-file']): string {
  if (p.kind === 'nul') return `contains NUL bytes (${p.count} in the first ${p.inspected}), so it is not a text file`;
  if (p.kind === 'control') return `contains ${p.count} control bytes in the first ${p.inspected}, so it is not a text file`;
  return `looks like ${BINARY[p.kind].en}, not a CSV text file`;
}
function binaryKo(p: CsvMessages['csv.binary-file']): string {
  if (p.kind === 'nul') return `앞부분 ${p.inspected}바이트에 NUL 바이트가 ${p.count}개 있어 텍스트 파일이 아닙니다`;
  if (p.kind === 'control') return `앞부분 ${p.inspected}바이트에 제어 문자가 ${p.count}개 있어 텍스트 파일이 아닙니다`;
  return `CSV 텍스트 파일이 아니라 ${BINARY[p.kind].ko}로 보입니다`;
}

const mixedEn = (p: { texts: number; first: string; line: number }) =>
  `mixes numbers and text (${p.texts} values are not numbers, the first "${p.first}" on line ${p.line}); `;
const mixedKo = (p: { texts: number; first: string; line: number }) =>
  `숫자와 텍스트가 섞여 있음(숫자가 아닌 값 ${p.texts}개, 첫 값은 ${p.line}행의 "${p.first}"); `;

/** Why a column cannot be the label, inside a sentence about the guessed label. */
function problemEn(p: { why: LabelProblemKind; value: string; distinct: number }): string {
  switch (p.why) {
    case 'empty':
      return 'it has no values';
    case 'one-class':
      return `it has only one class, "${p.value}"`;
    case 'quantity':
      return `more than ${p.distinct - 1} different numbers: a quantity`;
    case 'too-many':
      return `more than ${p.distinct - 1} different values`;
    case 'measurement':
      return `its ${p.distinct} different numbers look like a measurement, not classes`;
    case 'unique':
      return `its ${p.distinct} different values have about one row each`;
    default:
      return assertNever(p.why);
  }
}
function problemKo(p: { why: LabelProblemKind; value: string; distinct: number }): string {
  switch (p.why) {
    case 'empty':
      return '값이 없음';
    case 'one-class':
      return `클래스가 "${p.value}" 하나뿐임`;
    case 'quantity':
      return `서로 다른 숫자가 ${p.distinct - 1}개 넘게 있어 수량으로 보임`;
    case 'too-many':
      return `서로 다른 값이 ${p.distinct - 1}개 넘게 있음`;
    case 'measurement':
      return `서로 다른 숫자 ${p.distinct}개가 클래스가 아니라 측정값으로 보임`;
    case 'unique':
      return `서로 다른 값 ${p.distinct}개가 거의 한 행씩뿐임`;
    default:
      return assertNever(p.why);
  }
}

/** Why the label column is the one it is (csv.label-reason). */
function labelReasonEn(p: CsvMessages['csv.label-reason']): string {
  switch (p.why) {
    case 'chosen':
      return `${p.label}: you picked it (${p.classes} classes)`;
    case 'tensorflow':
      return `${p.label}: TensorFlow's header line says it holds the class ids (${p.classes} classes)`;
    case 'name':
      return `${p.label}: its name says it is the target (${p.classes} classes)`;
    case 'last-class-like':
      return `${p.label}: the last column with few distinct values (${p.classes} classes)`;
    case 'last-column':
      return `${p.label}: no column looks like classes, so the last one (${p.classes} values, some of one row)`;
    case 'chosen-quantity':
      return `${p.label}: you picked it; it holds ${p.classes > 20 ? 'more than 20' : p.classes} different numbers, so it is predicted as a number (regression)`;
    case 'asked':
      return `${p.label}: predicted as a number (regression), as asked`;
    case 'name-quantity':
      return `${p.label}: its name says it is the target, and it holds many different numbers: predicted as a number (regression)`;
    case 'last-quantity':
      return `${p.label}: no column looks like classes and the last one holds many different numbers: predicted as a number (regression)`;
    default:
      return assertNever(p.why);
  }
}
function labelReasonKo(p: CsvMessages['csv.label-reason']): string {
  switch (p.why) {
    case 'chosen':
      return `${p.label}: 직접 고른 열입니다(클래스 ${p.classes}개)`;
    case 'tensorflow':
      return `${p.label}: TensorFlow 헤더 줄에 따르면 클래스 번호가 든 열입니다(클래스 ${p.classes}개)`;
    case 'name':
      return `${p.label}: 이름이 예측 대상임을 말해 줍니다(클래스 ${p.classes}개)`;
    case 'last-class-like':
      return `${p.label}: 서로 다른 값이 적은 마지막 열입니다(클래스 ${p.classes}개)`;
    case 'last-column':
      return `${p.label}: 클래스처럼 보이는 열이 없어 마지막 열을 골랐습니다(값 ${p.classes}개, 한 행뿐인 값도 있음)`;
    case 'chosen-quantity':
      return `${p.label}: 직접 고른 열입니다. 서로 다른 숫자가 ${p.classes > 20 ? '20개보다 많아' : `${p.classes}개여서`} 숫자로 예측합니다(회귀)`;
    case 'asked':
      return `${p.label}: 요청대로 숫자로 예측합니다(회귀)`;
    case 'name-quantity':
      return `${p.label}: 이름이 예측 대상임을 말해 주고 서로 다른 숫자가 많아 숫자로 예측합니다(회귀)`;
    case 'last-quantity':
      return `${p.label}: 클래스처럼 보이는 열이 없고 마지막 열에 서로 다른 숫자가 많아 숫자로 예측합니다(회귀)`;
    default:
      return assertNever(p.why);
  }
}

/** What a file that is no CSV is, and how to save it as one. */
const OTHER_FORMAT: Record<OtherFormat, { en: string; ko: string }> = {
  json: {
    en: 'is a JSON file, not a CSV. Save it as CSV first: open it in a spreadsheet and save as "CSV (comma delimited)", or in Python run pandas.read_json(path).to_csv("data.csv", index=False)',
    ko: '파일은 CSV가 아니라 JSON 파일입니다. 먼저 CSV로 저장하세요: 스프레드시트에서 열어 "CSV(쉼표로 분리)"로 저장하거나, Python에서 pandas.read_json(path).to_csv("data.csv", index=False)를 실행하세요',
  },
  xlsx: {
    en: 'is an Excel workbook (.xlsx), not a CSV. Open it in Excel, LibreOffice or Google Sheets and save the sheet with File > Save As > "CSV UTF-8 (comma delimited)"',
    ko: '파일은 CSV가 아니라 Excel 통합 문서(.xlsx)입니다. Excel, LibreOffice, Google 스프레드시트에서 열어 시트를 CSV로 저장하세요(파일 > 다른 이름으로 저장 > "CSV UTF-8(쉼표로 분리)")',
  },
  xls: {
    en: 'is an old Excel workbook (.xls), not a CSV. Open it in Excel, LibreOffice or Google Sheets and save the sheet with File > Save As > "CSV UTF-8 (comma delimited)"',
    ko: '파일은 CSV가 아니라 예전 Excel 통합 문서(.xls)입니다. Excel, LibreOffice, Google 스프레드시트에서 열어 시트를 CSV로 저장하세요(파일 > 다른 이름으로 저장 > "CSV UTF-8(쉼표로 분리)")',
  },
};

const FORMAT_EN: Record<NumberFormat, string> = { thousands: 'thousands separators', percent: 'percent signs (12% reads as 12)', currency: 'currency signs', parentheses: 'parentheses (read as minus)' };
const FORMAT_KO: Record<NumberFormat, string> = { thousands: '천 단위 구분 기호', percent: '퍼센트 기호(12%는 12)', currency: '통화 기호', parentheses: '괄호(음수로 읽음)' };

export const columnNoteWording: Wordings<keyof ColumnNoteMessages> = {
  'csv.column-excluded': { en: () => 'excluded by you', ko: () => '직접 제외한 열' },
  'csv.column-empty': { en: () => 'every value is missing', ko: () => '모든 값이 비어 있음' },
  'csv.column-constant': {
    en: (p) => (typeof p.value === 'number' ? `every value is ${p.value}` : `every value is "${p.value}"`),
    ko: (p) => (typeof p.value === 'number' ? `모든 값이 ${p.value}임` : `모든 값이 "${p.value}"임`),
  },
  'csv.column-row-number': {
    en: () => 'a row number or identifier (a different whole number on every row)',
    ko: () => '행 번호나 식별자로 보임(행마다 다른 정수)',
  },
  'csv.column-dates': {
    en: (p) => `dates (${distinctEn(p)} different values); a date as such is no feature`,
    ko: (p) => `날짜(서로 다른 값 ${distinctKo(p)}): 날짜 자체는 특성으로 쓰지 않습니다`,
  },
  'csv.column-too-many-categories': {
    en: (p) => `${distinctEn(p)} different values; at most ${p.max} categories are one-hot encoded`,
    ko: (p) => `서로 다른 값이 ${distinctKo(p)}: 원-핫 인코딩은 범주 ${p.max}개까지입니다`,
  },
  'csv.column-free-text': {
    en: (p) => `free text (${distinctEn(p)} different values in ${p.rows} rows)`,
    ko: (p) => `자유 형식 텍스트(${p.rows}행에 서로 다른 값 ${distinctKo(p)})`,
  },
  'csv.column-identifier': {
    en: (p) => `an identifier (${distinctEn(p)} different values in ${p.rows} rows)`,
    ko: (p) => `식별자로 보임(${p.rows}행에 서로 다른 값 ${distinctKo(p)})`,
  },
  'csv.column-mixed-categories': {
    en: (p) => `${mixedEn(p)}${distinctEn(p)} different values; at most ${p.max} categories are one-hot encoded`,
    ko: (p) => `${mixedKo(p)}서로 다른 값이 ${distinctKo(p)}: 원-핫 인코딩은 범주 ${p.max}개까지입니다`,
  },
  'csv.column-mixed-identifier': {
    en: (p) => `${mixedEn(p)}an identifier (${distinctEn(p)} different values in ${p.rows} rows)`,
    ko: (p) => `${mixedKo(p)}식별자로 보임(${p.rows}행에 서로 다른 값 ${distinctKo(p)})`,
  },
  'csv.column-read-formatted': {
    en: (p) => `read as numbers: ${p.formats.map((f) => FORMAT_EN[f]).join(' / ')} removed (${p.count} values, the first "${p.first}" on line ${p.line})`,
    ko: (p) => `숫자로 읽음: ${p.formats.map((f) => FORMAT_KO[f]).join(' / ')}를 떼었습니다(${p.count}개, 첫 값은 ${p.line}행의 "${p.first}")`,
  },
  'csv.column-formatted-numbers': {
    en: (p) =>
      `numbers written with %, a currency sign, thousands separators or parentheses (${p.count} values, the first "${p.first}" on line ${p.line}) are read as text: write plain numbers (12 for 12%, 3 for $3, 1234.5 for 1,234.5, -12 for (12)) to use them as numbers`,
    ko: (p) =>
      `%, 통화 기호, 천 단위 구분 기호, 괄호가 붙은 숫자(${p.count}개, 첫 값은 ${p.line}행의 "${p.first}")는 텍스트로 읽습니다. 숫자로 쓰려면 기호 없이 적으세요(12%는 12, $3은 3, 1,234.5는 1234.5, (12)는 -12)`,
  },
};

/** A column note inside another sentence. */
function note(n: ColumnNote, lang: Lang, f: Fmt): string {
  const wording = columnNoteWording[n.code] as Wording<unknown>;
  return wording[lang](n.params, f);
}

const labelEn = (p: { file: string; label: string }) => `The label column "${p.label}" of ${p.file}`;
const labelKo = (p: { file: string; label: string }) => `${p.file}의 레이블 열 "${p.label}"`;

type EncodingWhy = CsvMessages['csv.encoding-reason'];
const ENCODING_WHY_EN: Record<EncodingWhy['why'], (p: EncodingWhy) => string> = {
  chosen: () => 'you chose it',
  bom: () => 'the file starts with its byte-order mark',
  'utf-16-zeros': () => 'every other byte is zero, as in UTF-16 text without a byte-order mark',
  'utf-8': () => 'every byte is valid UTF-8',
  'utf-8-mostly': (p) => `${p.valid} characters are valid UTF-8 and ${p.invalid} ${p.invalid === 1 ? 'byte is' : 'bytes are'} not, too few to be another encoding`,
  hangul: (p) => `the bytes pair up as Korean (${p.hangul} Hangul syllables)`,
  fallback: () => 'it is neither UTF-8 nor Korean, and Windows-1252 reads any byte',
};
const ENCODING_WHY_KO: Record<EncodingWhy['why'], (p: EncodingWhy) => string> = {
  chosen: () => '직접 고른 인코딩입니다',
  bom: () => '파일이 바이트 순서 표시(BOM)로 시작합니다',
  'utf-16-zeros': () => '한 바이트 걸러 0이어서 BOM 없는 UTF-16으로 보입니다',
  'utf-8': () => '모든 바이트가 올바른 UTF-8입니다',
  'utf-8-mostly': (p) => `문자 ${p.valid}개가 올바른 UTF-8이고 ${p.invalid}바이트만 아니어서, 다른 인코딩으로 보기에는 너무 적습니다`,
  hangul: (p) => `바이트가 한글 완성형 쌍으로 읽힙니다(한글 ${p.hangul}자)`,
  fallback: () => 'UTF-8도 한국어 인코딩도 아니어서, 어떤 바이트든 읽는 Windows-1252로 읽었습니다',
};

export const csvWording: Wordings<keyof CsvMessages> = {
  ...columnNoteWording,
  'csv.too-large': {
    en: (p) => `${p.file} is ${size(p.size)}; files up to ${size(p.max)} can be loaded here. Remove rows or columns, or split the file.`,
    ko: (p) => `${p.file} 파일은 ${size(p.size)}입니다. 여기서는 ${size(p.max)}까지 불러올 수 있습니다. 행이나 열을 지우거나 파일을 나누세요.`,
  },
  'csv.no-bytes': {
    en: (p) => `${p.file} is empty: choose a CSV file with a header and rows.`,
    ko: (p) => `${p.file} 파일이 비어 있습니다. 머리글과 행이 있는 CSV 파일을 고르세요.`,
  },
  'csv.binary-file': {
    en: (p) => `${p.file} ${binaryEn(p)}. Choose a .csv or .txt file.`,
    ko: (p) => `${p.file} 파일은 ${binaryKo(p)}. .csv나 .txt 파일을 고르세요.`,
  },
  'csv.other-format': {
    en: (p) => `${p.file} ${OTHER_FORMAT[p.format].en}.`,
    ko: (p) => `${p.file} ${OTHER_FORMAT[p.format].ko}.`,
  },
  'csv.label-reason': { en: labelReasonEn, ko: labelReasonKo },
  'csv.rare-classes': {
    en: (p) =>
      `${p.label}: ${p.classes.map((c, i) => `"${c}" (${p.rows[i]} ${p.rows[i] === 1 ? 'row' : 'rows'})`).join(', ')} ${p.classes.length === 1 ? 'has' : 'have'} fewer than ${p.min} rows: too few to learn from and to test on. Merge them into "other" or drop their rows.`,
    ko: (p) =>
      `${p.label}: ${p.classes.map((c, i) => `"${c}"(${p.rows[i]}행)`).join(', ')} 클래스는 ${p.min}행보다 적어 배우기에도, 시험하기에도 너무 적습니다. "other"로 합치거나 그 행을 빼세요.`,
  },
  'csv.rare-merged': {
    en: (p) => `Merged the classes ${quoted(p.classes)} (${p.rows} rows) into "${p.into}".`,
    ko: (p) => `클래스 ${quoted(p.classes)}(${p.rows}행)를 "${p.into}"로 합쳤습니다.`,
  },
  'csv.rare-dropped': {
    en: (p) => `Dropped the ${p.rows} rows of the classes ${quoted(p.classes)}.`,
    ko: (p) => `클래스 ${quoted(p.classes)}의 ${p.rows}행을 뺐습니다.`,
  },
  'csv.predict-not-date': {
    en: (p) => `${p.column}: "${p.value}" is not a date; write it like ${p.example}.`,
    ko: (p) => `${p.column}: "${p.value}"는 날짜가 아닙니다. ${p.example}처럼 적으세요.`,
  },
  'csv.empty': { en: (p) => `${p.file} is empty.`, ko: (p) => `${p.file} 파일이 비어 있습니다.` },
  'csv.blank-lines': {
    en: (p) => `${p.file} is empty (only blank lines).`,
    ko: (p) => `${p.file} 파일이 비어 있습니다(빈 줄뿐입니다).`,
  },
  'csv.unclosed-quote': {
    en: (p) => `line ${p.line} opens a quoted value (") that is never closed`,
    ko: (p) => `${p.line}행에서 연 따옴표(")가 닫히지 않습니다`,
  },
  'csv.unclosed-quote-in': {
    en: (p) => `${p.file}: line ${p.line} opens a quoted value (") that is never closed. Close the quote or remove it, then load the file again.`,
    ko: (p) => `${p.file}: ${p.line}행에서 연 따옴표(")가 닫히지 않습니다. 따옴표를 닫거나 지운 뒤 파일을 다시 불러오세요.`,
  },
  'csv.unexpected-read': {
    en: (p) => `Unexpected error reading ${p.file}: ${p.detail}`,
    ko: (p) => `${p.file} 파일을 읽다가 예상하지 못한 오류가 났습니다: ${p.detail}`,
  },
  'csv.not-decoded': {
    en: (p) => `${p.count} characters of ${p.file} are not valid ${p.encoding} and show as "\uFFFD": try another encoding.`,
    ko: (p) => `${p.file}의 문자 ${p.count}개가 올바른 ${p.encoding}이 아니어서 "\uFFFD"로 보입니다. 다른 인코딩을 골라 보세요.`,
  },
  'csv.cp949-extension': {
    en: (p) => `${p.count} characters of ${p.file} are CP949 extension characters this runtime cannot decode.`,
    ko: (p) => `${p.file}의 문자 ${p.count}개는 이 환경에서 디코딩할 수 없는 CP949 확장 문자입니다.`,
  },
  'csv.tf-header': {
    en: (p) => `${p.file}, line ${p.line}: a TensorFlow header is "<rows>,<features>,<class names...>".`,
    ko: (p) => `${p.file}, ${p.line}행: TensorFlow 머리글은 "<rows>,<features>,<class names...>" 형식입니다.`,
  },
  'csv.tf-row-count': {
    en: (p) => `Line ${p.line} declares ${p.declared} rows; the file has ${p.rows}.`,
    ko: (p) => `${p.line}행에는 ${p.declared}행이라고 적혀 있지만 파일에는 ${p.rows}행이 있습니다.`,
  },
  'csv.column-unnamed': {
    en: (p) => `Column ${p.position} has no name: it is called "${p.name}".`,
    ko: (p) => `${p.position}번째 열에 이름이 없어 "${p.name}"(으)로 부릅니다.`,
  },
  'csv.column-renamed': {
    en: (p) => `Column ${p.position} repeats the name "${p.original}": it is called "${p.name}".`,
    ko: (p) => `${p.position}번째 열의 이름 "${p.original}"이(가) 겹쳐 "${p.name}"(으)로 부릅니다.`,
  },
  'csv.no-header': {
    en: (p) => `${p.file} has no header row: columns are called "column 1" to "column ${p.columns}".`,
    ko: (p) => `${p.file} 파일에 머리글 행이 없어 열 이름을 "column 1"부터 "column ${p.columns}"까지로 붙였습니다.`,
  },
  'csv.header-only': {
    en: (p) => `${p.file} has a header (line ${p.line}) but no rows of data.`,
    ko: (p) => `${p.file} 파일에 머리글(${p.line}행)은 있지만 데이터 행이 없습니다.`,
  },
  'csv.one-column': {
    en: (p) =>
      `${p.file} has only one column (no comma, semicolon, tab or | separates its values). A classifier needs at least one feature column and a label column.`,
    ko: (p) =>
      `${p.file} 파일에는 열이 하나뿐입니다(쉼표, 세미콜론, 탭, |로 값이 나뉘지 않습니다). 분류기에는 특성 열이 하나 이상, 그리고 레이블 열이 필요합니다.`,
  },
  'csv.header-mismatch': {
    en: (p) =>
      `${p.file}: line ${p.line} names ${p.names} columns but most rows have ${p.values} values (read with the ${DELIMITERS[p.delimiter].en} as delimiter). Check the header line and the delimiter.`,
    ko: (p) =>
      `${p.file}: ${p.line}행에는 열 이름이 ${p.names}개인데 대부분의 행에는 값이 ${p.values}개입니다(구분자 ${DELIMITERS[p.delimiter].ko}로 읽음). 머리글 행과 구분자를 확인하세요.`,
  },
  'csv.ragged-rows': {
    en: (p) =>
      `${p.file}: ${p.ragged} of ${p.total} rows do not have ${p.width} values (lines ${lineList(p, 'en')}). Fix those lines; fewer than ${p.limit * 100}% of rows would be skipped automatically.`,
    ko: (p) =>
      `${p.file}: ${p.total}행 중 ${p.ragged}행의 값이 ${p.width}개가 아닙니다(${lineList(p, 'ko')}행). 그 행들을 고치세요. 그런 행이 ${p.limit * 100}% 미만이면 자동으로 건너뜁니다.`,
  },
  'csv.skipped-ragged': {
    en: (p) => `Skipped ${p.count} rows that do not have ${p.width} values (lines ${lineList(p, 'en')}).`,
    ko: (p) => `값이 ${p.width}개가 아닌 ${p.count}행을 건너뛰었습니다(${lineList(p, 'ko')}행).`,
  },
  'csv.no-values': {
    en: (p) => `${p.file} has no values: every cell is empty or missing.`,
    ko: (p) => `${p.file} 파일에 값이 없습니다. 모든 칸이 비어 있거나 결측값입니다.`,
  },
  'csv.not-numbers': {
    en: (p) => `Column "${p.column}": ${p.count} values are not numbers (the first, "${p.first}", on line ${p.line}) and are treated as missing.`,
    ko: (p) => `"${p.column}" 열: 숫자가 아닌 값 ${p.count}개(첫 값은 ${p.line}행의 "${p.first}")를 결측값으로 처리합니다.`,
  },
  'csv.not-finite': {
    en: (p) => `Column "${p.column}": ${p.count} numbers are too large to use (the first, "${p.first}", on line ${p.line}) and are treated as missing.`,
    ko: (p) => `"${p.column}" 열: 너무 커서 쓸 수 없는 숫자 ${p.count}개(첫 값은 ${p.line}행의 "${p.first}")를 결측값으로 처리합니다.`,
  },
  'csv.test-columns-differ': {
    en: (p) => {
      const parts = [p.missing.length > 0 ? `missing ${quoted(p.missing)}` : '', p.extra.length > 0 ? `extra ${quoted(p.extra)}` : ''];
      return `${p.test} does not have the columns of ${p.train}: ${parts.filter((s) => s !== '').join('; ')}. A test file needs the same column names (in any order).`;
    },
    ko: (p) => {
      const parts = [p.missing.length > 0 ? `없는 열 ${quoted(p.missing)}` : '', p.extra.length > 0 ? `더 있는 열 ${quoted(p.extra)}` : ''];
      return `${p.test} 파일의 열이 ${p.train} 파일과 다릅니다: ${parts.filter((s) => s !== '').join('; ')}. 테스트 파일에는 같은 이름의 열이 있어야 합니다(순서는 상관없습니다).`;
    },
  },
  'csv.dropped-no-label': {
    en: (p) => `Dropped ${p.count} rows of ${p.file} without a label.`,
    ko: (p) => `${p.file}에서 레이블이 없는 ${p.count}행을 뺐습니다.`,
  },
  'csv.unexpected-build': {
    en: (p) => `Unexpected error building the data set from ${p.file}: ${p.detail}`,
    ko: (p) => `${p.file}로 데이터 세트를 만들다가 예상하지 못한 오류가 났습니다: ${p.detail}`,
  },
  'csv.bad-test-fraction': {
    en: (p) => `The test fraction must be between 0 and ${p.max} (it is ${p.fraction}).`,
    ko: (p) => `테스트 비율은 0과 ${p.max} 사이여야 합니다(지금은 ${p.fraction}).`,
  },
  'csv.bad-validation-fraction': {
    en: (p) => `The validation fraction must be between 0 and ${p.max} of the training rows (it is ${p.fraction}).`,
    ko: (p) => `검증 비율은 학습 행의 0에서 ${p.max} 사이여야 합니다(지금은 ${p.fraction}).`,
  },
  'csv.label-fallback': {
    en: (p) =>
      `The last column "${p.last}" does not look like classes (${problemEn(p)}), so "${p.label}" is the label: pick another label column if that is wrong.`,
    ko: (p) =>
      `마지막 열 "${p.last}"은(는) 클래스로 보이지 않아(${problemKo(p)}) "${p.label}"을(를) 레이블로 정했습니다. 틀렸다면 다른 레이블 열을 고르세요.`,
  },
  'csv.no-label': {
    en: (p) =>
      `No column of ${p.file} can be the label: the last column "${p.last}" does not look like classes (${problemEn(p)}), and no other column holds classes (text values with about 2 rows or more per class, or whole numbers with at least 2 rows each). Add a column of classes to the file.`,
    ko: (p) =>
      `${p.file}에는 레이블로 쓸 열이 없습니다. 마지막 열 "${p.last}"은(는) 클래스로 보이지 않고(${problemKo(p)}), 다른 열에도 클래스가 없습니다(클래스마다 평균 2행 이상인 텍스트 값, 또는 값마다 2행 이상인 정수). 파일에 클래스 열을 넣으세요.`,
  },
  'csv.no-test-rows': {
    en: (p) => {
      const why =
        p.fraction === 0
          ? 'the test fraction is 0'
          : `at a test fraction of ${p.fraction} a class needs at least ${p.needed} rows to hold one out, and each of the ${p.classes} classes has fewer${p.single > 0 ? ` (${p.single} have a single row)` : ''}`;
      return `${p.file}: no test rows, because ${why}. Training runs without an evaluation: use a larger test fraction, a separate test file, or fewer classes.`;
    },
    ko: (p) => {
      const why =
        p.fraction === 0
          ? '테스트 비율이 0입니다'
          : `테스트 비율 ${p.fraction}에서는 클래스마다 ${p.needed}행 이상 있어야 하나를 떼어 놓을 수 있는데, 클래스 ${p.classes}개 모두 그보다 적습니다${p.single > 0 ? `(${p.single}개는 1행뿐)` : ''}`;
      return `${p.file}: 테스트 행이 없습니다. ${why}. 평가 없이 학습합니다. 테스트 비율을 늘리거나, 테스트 파일을 따로 주거나, 클래스를 줄이세요.`;
    },
  },
  'csv.no-features': {
    en: (p, f) => {
      const why = p.columns.map((c, i) => `"${c}" (${p.notes[i] ? note(p.notes[i], 'en', f) : ''})`);
      return `${p.file} has no usable feature column besides the label "${p.label}": ${why.join(', ')}. Include a column or choose another label.`;
    },
    ko: (p, f) => {
      const why = p.columns.map((c, i) => `"${c}"(${p.notes[i] ? note(p.notes[i], 'ko', f) : ''})`);
      return `${p.file}에는 레이블 "${p.label}" 말고 쓸 수 있는 특성 열이 없습니다: ${why.join(', ')}. 열을 포함하거나 다른 레이블을 고르세요.`;
    },
  },
  'csv.no-label-column': {
    en: (p) => `${p.file} has no column "${p.label}" to use as the label. Its columns are: ${p.columns.join(', ')}.`,
    ko: (p) => `${p.file}에는 레이블로 쓸 "${p.label}" 열이 없습니다. 있는 열: ${p.columns.join(', ')}.`,
  },
  'csv.bad-class-id': {
    en: (p) => `${p.file}, line ${p.line}: the class id "${p.id}" is not one of the ${p.classes} classes named on line 1 (0 to ${p.classes - 1}).`,
    ko: (p) => `${p.file}, ${p.line}행: 클래스 번호 "${p.id}"은(는) 1행에 적힌 클래스 ${p.classes}개(0부터 ${p.classes - 1}까지)에 없습니다.`,
  },
  'csv.label-empty': {
    en: (p) => `${labelEn(p)} has no values. Choose another label column.`,
    ko: (p) => `${labelKo(p)}에 값이 없습니다. 다른 레이블 열을 고르세요.`,
  },
  'csv.label-one-class': {
    en: (p) => `${labelEn(p)} has only one class ("${p.value}"). A classifier needs at least two: choose another label column.`,
    ko: (p) => `${labelKo(p)}에는 클래스가 하나("${p.value}")뿐입니다. 분류기에는 클래스가 둘 이상 필요하니 다른 레이블 열을 고르세요.`,
  },
  'csv.label-quantity': {
    en: (p) =>
      `${labelEn(p)} has ${p.distinct} different numbers: it looks like a quantity, not classes. Switch the task to predicting a number (regression), choose a column of classes, or group the numbers into a few classes first.`,
    ko: (p) =>
      `${labelKo(p)}에는 서로 다른 숫자가 ${p.distinct}개 있어 클래스가 아니라 수량으로 보입니다. 작업을 숫자 예측(회귀)으로 바꾸거나, 클래스 열을 고르거나, 먼저 숫자를 몇 개의 클래스로 묶으세요.`,
  },
  'csv.regression-not-numeric': {
    en: (p) => `${p.file}: ${p.label} cannot be predicted as a number: line ${p.line} holds "${p.value}", which is no number. Choose a column of numbers, or switch the task back to classes.`,
    ko: (p) => `${p.file}: ${p.label} 열은 숫자로 예측할 수 없습니다. ${p.line}번째 줄의 "${p.value}"는 숫자가 아닙니다. 숫자 열을 고르거나 작업을 다시 분류로 바꾸세요.`,
  },
  'csv.target-not-numbers': {
    en: (p) => `${p.file}: ${p.count} ${p.count === 1 ? 'row was' : 'rows were'} left out: ${p.label} is no number there (first "${p.value}", line ${p.line}).`,
    ko: (p) => `${p.file}: ${p.label} 값이 숫자가 아닌 ${p.count}개 행을 뺐습니다(첫 값 "${p.value}", ${p.line}번째 줄).`,
  },
  'csv.target-constant': {
    en: (p) => `${p.file}: ${p.label} has ${p.distinct === 0 ? 'no number' : 'one number only'}; predicting a number needs at least two different values.`,
    ko: (p) => `${p.file}: ${p.label} 열에 ${p.distinct === 0 ? '숫자가 없습니다' : '숫자가 하나뿐입니다'}. 숫자를 예측하려면 서로 다른 값이 둘 이상 있어야 합니다.`,
  },
  'csv.label-too-many': {
    en: (p) => `${labelEn(p)} has ${p.distinct} different values; at most ${p.max} classes are supported. Choose another label column.`,
    ko: (p) => `${labelKo(p)}에는 서로 다른 값이 ${p.distinct}개 있습니다. 클래스는 ${p.max}개까지 지원합니다. 다른 레이블 열을 고르세요.`,
  },
  'csv.unknown-class': {
    en: (p) => {
      const others = p.others > 0 ? ` (and ${p.others} other unknown classes)` : '';
      return `${p.file}, line ${p.line}: the class "${p.name}" never occurs in ${p.train}${others}; lines ${lineList(p, 'en')}. The model can only predict classes it was trained on: remove those rows or add examples to the training file.`;
    },
    ko: (p) => {
      const others = p.others > 0 ? `(모르는 클래스가 ${p.others}개 더 있음)` : '';
      return `${p.file}, ${p.line}행: 클래스 "${p.name}"은(는) ${p.train}에 나오지 않습니다${others}. 해당 행: ${lineList(p, 'ko')}. 모델은 학습한 클래스만 예측할 수 있으니 그 행들을 지우거나 학습 파일에 예시를 넣으세요.`;
    },
  },
  'csv.predict-count': {
    en: (p) => `Expected ${p.features.length} values (${p.features.join(', ')}), got ${p.got}.`,
    ko: (p) => `값이 ${p.features.length}개(${p.features.join(', ')}) 필요한데 ${p.got}개를 받았습니다.`,
  },
  'csv.predict-not-number': {
    en: (p) => `Enter a number for "${p.column}" (or leave it empty to use the training mean).`,
    ko: (p) => `"${p.column}"에 숫자를 넣으세요(비워 두면 학습 데이터의 평균을 씁니다).`,
  },
  'csv.predict-not-finite': {
    en: (p) => `"${p.column}": ${p.value} is too large to use. Enter a number between -${p.max} and ${p.max} (or leave it empty to use the training mean).`,
    ko: (p) => `"${p.column}": ${p.value}은(는) 너무 커서 쓸 수 없습니다. -${p.max}와 ${p.max} 사이의 숫자를 넣으세요(비워 두면 학습 데이터의 평균을 씁니다).`,
  },
  'csv.predict-missing-columns': {
    en: (p) => `${p.file} lacks the feature columns ${quoted(p.columns)} the model was trained on (columns are matched by name).`,
    ko: (p) => `${p.file}에 모델이 학습한 특성 열 ${quoted(p.columns)}이(가) 없습니다(열은 이름으로 맞춥니다).`,
  },
  'csv.predictions-empty': { en: () => 'The predictions file is empty.', ko: () => '예측 파일이 비어 있습니다.' },
  'csv.predictions-narrow': {
    en: (p) => `Line 1 has ${p.columns} columns, fewer than the ${p.added} added ones.`,
    ko: (p) => `1행의 열은 ${p.columns}개로, 덧붙인 열 ${p.added}개보다 적습니다.`,
  },
  'csv.predictions-ragged': {
    en: (p) => `Line ${p.line} has ${p.found} values; line 1 has ${p.expected}.`,
    ko: (p) => `${p.line}행의 값은 ${p.found}개인데 1행은 ${p.expected}개입니다.`,
  },
  'csv.too-many-columns': {
    en: (p) => `${p.file} has ${p.columns} columns; this page takes files of up to ${p.max} columns. Keep only the columns you need and load the file again.`,
    ko: (p) => `${p.file} 파일에는 열이 ${p.columns}개 있습니다. 이 페이지는 열이 ${p.max}개까지인 파일을 받습니다. 필요한 열만 남긴 뒤 파일을 다시 불러오세요.`,
  },
  'csv.encoding-reason': {
    en: (p) => `Read as ${p.encoding}: ${ENCODING_WHY_EN[p.why](p)}.`,
    ko: (p) => `${p.encoding}(으)로 읽었습니다. ${ENCODING_WHY_KO[p.why](p)}.`,
  },
  'csv.replaced-bytes': {
    en: (p) => `${p.count} ${p.count === 1 ? 'byte' : 'bytes'} of ${p.file} ${p.count === 1 ? 'is' : 'are'} not valid ${p.encoding} and show${p.count === 1 ? 's' : ''} as "\uFFFD", on line${p.lines.length === 1 ? '' : 's'} ${p.lines.join(', ')}${p.more > 0 ? ` and ${p.more} more` : ''}. Fix ${p.count === 1 ? 'it' : 'them'} in the file, or choose another encoding.`,
    ko: (p) => `${p.file}의 ${p.count}바이트가 올바른 ${p.encoding}이 아니어서 "\uFFFD"로 보입니다(${p.lines.join(', ')}행${p.more > 0 ? ` 외 ${p.more}곳` : ''}). 파일에서 고치거나 다른 인코딩을 고르세요.`,
  },
};
