/** The page around the panels: title, header, skip link, language switch, alerts. */
import { defineMessages } from '../../client/i18n/index';

export const appMessages = defineMessages(
  {
    title: 'Neural-network classifier playground',
    subtitle:
      'Train a classifier in your browser: the tf.estimator Iris tutorial, TensorFlow Mechanics 101 on MNIST, or your own CSV. Nothing leaves this machine.',
    skipToMain: 'Skip to the main content',
    testAccuracy: 'test accuracy',
    testR2: 'test R²',
    dataColumn: 'Data',
    modelColumn: 'Model',
    outputColumn: 'Output',
    // Bilingual in both languages on purpose: whoever cannot read the current one still finds the switch.
    language: 'Language / 언어',
    dismissError: 'Dismiss error',
    ignoredParam: 'Ignored {param}={raw}: not a valid value; using {fallback}.',
    ignoredParamRange: 'Ignored {param}={raw}: {param} takes {range}; using {fallback}.',
    earlyStopOne: 'Early stopping at step {step}: the {split} loss has not improved for 1 evaluation (best {best} at step {bestStep}); the weights of step {bestStep} are back.',
    earlyStopMany: 'Early stopping at step {step}: the {split} loss has not improved for {patience} evaluations (best {best} at step {bestStep}); the weights of step {bestStep} are back.',
    splitTest: 'test',
    splitValidation: 'validation',
    splitTrain: 'training',
  },
  {
    title: '신경망 분류기 플레이그라운드',
    subtitle:
      '브라우저에서 바로 분류기를 학습시켜 보세요. tf.estimator의 붓꽃(Iris) 튜토리얼, MNIST로 하는 TensorFlow Mechanics 101, 또는 직접 가져온 CSV로 학습할 수 있습니다. 데이터는 이 컴퓨터 밖으로 나가지 않습니다.',
    skipToMain: '본문으로 건너뛰기',
    testAccuracy: '테스트 정확도',
    testR2: '테스트 R²',
    dataColumn: '데이터',
    modelColumn: '모델',
    outputColumn: '결과',
    language: 'Language / 언어',
    dismissError: '오류 메시지 닫기',
    ignoredParam: '{param}={raw}은(는) 올바른 값이 아니어서 무시하고 {fallback}을(를) 사용합니다.',
    ignoredParamRange: '{param}={raw}은(는) 무시하고 {fallback}을(를) 사용합니다. {param}에는 {range}를 적을 수 있습니다.',
    earlyStopOne: '조기 종료: {step}단계에서 멈췄습니다. {split} 손실이 1번의 평가 동안 나아지지 않았습니다 (최저 {best}, {bestStep}단계). {bestStep}단계의 가중치로 되돌렸습니다.',
    earlyStopMany: '조기 종료: {step}단계에서 멈췄습니다. {split} 손실이 {patience}번의 평가 동안 나아지지 않았습니다 (최저 {best}, {bestStep}단계). {bestStep}단계의 가중치로 되돌렸습니다.',
    splitTest: '테스트',
    splitValidation: '검증',
    splitTrain: '학습',
  },
);
