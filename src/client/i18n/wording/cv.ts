/** English and Korean words for cross-validation's message codes (src/shared/messages/cv.ts). */
import type { Wordings } from './types';
import type { CvMessages } from '../../../shared/messages/cv';

export const cvWording: Wordings<keyof CvMessages> = {
  'cv.bad-folds': {
    en: (p, f) => `Cross-validation needs between 2 and ${f.n(p.rows, 0)} folds (one per labelled row at most), got ${f.n(p.folds, 0)}.`,
    ko: (p, f) => `교차 검증의 폴드 수는 2 이상 ${f.n(p.rows, 0)} 이하여야 합니다(레이블이 있는 행마다 최대 하나). 받은 값: ${f.n(p.folds, 0)}.`,
  },
  'cv.too-many-rows': {
    en: (p, f) =>
      `Cross-validation trains one model per fold; with ${f.n(p.rows, 0)} rows (more than ${f.n(p.max, 0)}) that is too long for a browser tab, and a test split this large is already a steady estimate. Use Train with the single split.`,
    ko: (p, f) =>
      `교차 검증은 폴드마다 모델을 하나씩 학습합니다. 행이 ${f.n(p.rows, 0)}개(${f.n(p.max, 0)}개 초과)이면 브라우저 탭에서 너무 오래 걸리고, 이만큼 큰 테스트 분할이면 이미 안정된 추정입니다. 단일 분할로 학습하세요.`,
  },
  'cv.small-class': {
    en: (p, f) =>
      `Class "${p.className}" has only ${f.plural(p.rows, 'row', 'rows')}, fewer than the ${f.n(p.folds, 0)} folds: some folds test none of it, so their accuracy says nothing about that class.`,
    ko: (p, f) =>
      `클래스 "${p.className}"의 행이 ${f.n(p.rows, 0)}개뿐이라 폴드 수 ${f.n(p.folds, 0)}보다 적습니다. 일부 폴드는 이 클래스를 하나도 시험하지 않으므로, 그 폴드의 정확도는 이 클래스에 대해 아무것도 말해 주지 않습니다.`,
  },
  'cv.validation-carved': {
    en: (p, f) =>
      `Early stopping in each fold watches ${f.pct(p.fraction, 0)} of that fold's training rows, held out as a validation split, never the fold's test rows (which would flatter the estimate).`,
    ko: (p, f) =>
      `각 폴드의 조기 종료는 그 폴드의 학습 행 중 ${f.pct(p.fraction, 0)}를 검증 분할로 떼어 지켜봅니다. 폴드의 테스트 행은 보지 않습니다(보면 추정이 부풀려집니다).`,
  },
  'cv.fold-failed': {
    en: (p, f) => `Fold ${p.fold} of ${p.folds} failed: ${f.message(p.reason)}`,
    ko: (p, f) => `폴드 ${p.folds}개 중 ${p.fold}번째가 실패했습니다: ${f.message(p.reason)}`,
  },
};
