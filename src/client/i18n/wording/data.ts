/** English and Korean words for the data area's message codes (src/shared/messages/data.ts). */
import type { Wordings } from './types';
import type { DataMessages } from '../../../shared/messages/data';

export const dataWording: Wordings<keyof DataMessages> = {
  'data.tf-header': {
    en: (p) => `${p.file}: line 1 should be "<rows>,<features>,<class names...>".`,
    ko: (p) => `${p.file}: 1행은 "<rows>,<features>,<class names...>" 형식이어야 합니다.`,
  },
  'data.tf-no-features': {
    en: (p) => `${p.file}: line 1 declares no features.`,
    ko: (p) => `${p.file}: 1행에 특성이 하나도 적혀 있지 않습니다.`,
  },
  'data.tf-row-count': {
    en: (p) => `${p.file}: line 1 declares ${p.declared} rows but the file has ${p.rows}.`,
    ko: (p) => `${p.file}: 1행에는 ${p.declared}행이라고 적혀 있지만 파일에는 ${p.rows}행이 있습니다.`,
  },
  'data.tf-ragged': {
    en: (p) => `${p.file}, line ${p.line}: expected ${p.expected} values, found ${p.found}.`,
    ko: (p) => `${p.file}, ${p.line}행: 값이 ${p.expected}개여야 하는데 ${p.found}개입니다.`,
  },
  'data.tf-not-number': {
    en: (p) => `${p.file}, line ${p.line}, column ${p.column}: "${p.value}" is not a number.`,
    ko: (p) => `${p.file}, ${p.line}행 ${p.column}열: "${p.value}"은(는) 숫자가 아닙니다.`,
  },
  'data.tf-bad-class': {
    en: (p) => `${p.file}, line ${p.line}: the class "${p.value}" is not a class id.`,
    ko: (p) => `${p.file}, ${p.line}행: 클래스 "${p.value}"은(는) 클래스 번호가 아닙니다.`,
  },
  'data.tf-unnamed-class': {
    en: (p) => `${p.file}: class id ${p.id} has no name in line 1 (${p.classes} classes).`,
    ko: (p) => `${p.file}: 클래스 번호 ${p.id}의 이름이 1행에 없습니다(클래스 ${p.classes}개).`,
  },
  'data.rows-not-scored': {
    en: (p) => `${p.count} rows have no known class in the label column and are not scored.`,
    ko: (p) => `${p.count}행은 레이블 열에 아는 클래스가 없어 채점하지 않았습니다.`,
  },
  'data.cells-flagged': {
    en: (p) =>
      `${p.rows} ${p.rows === 1 ? 'row has' : 'rows have'} cells the model cannot read as it was trained (text or a number too large in a numeric column, a category training never showed, no date) in ${p.columns.join(', ')}: they took the training mean or no category. See the warnings column here and in the download.`,
    ko: (p) =>
      `${p.rows}행에 모델이 학습한 대로 읽을 수 없는 셀이 있습니다(${p.columns.join(', ')} 열: 수치형 열의 텍스트나 너무 큰 수, 학습에 없던 범주, 날짜가 아닌 값). 이 셀은 학습 데이터의 평균이나 빈 범주로 처리했습니다. 여기와 내려받은 파일의 warnings 열을 보세요.`,
  },
};
