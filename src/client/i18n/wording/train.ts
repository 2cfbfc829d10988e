/** English and Korean words for training's message codes (src/shared/messages/train.ts). */
import type { Wordings } from './types';
import type { TrainMessages } from '../../../shared/messages/train';

export const trainWording: Wordings<keyof TrainMessages> = {
  'train.engine-asked': {
    en: (p) => `asked for ${p.engine} in the URL`,
    ko: (p) => `URL에서 ${p.engine}을(를) 지정함`,
  },
  'train.engine-gpu': {
    en: (p, f) => `a large network (${f.n(p.work, 0)} multiply-adds a step) on a GPU: tfjs kernels`,
    ko: (p, f) => `GPU에서 큰 신경망(한 스텝에 곱셈·덧셈 ${f.n(p.work, 0)}번): tfjs 커널`,
  },
  'train.engine-fused': {
    en: (p, f) => `fused JS loops: at ${f.n(p.work, 0)} multiply-adds a step tfjs would spend its time dispatching kernels`,
    ko: (p, f) => `합친 JS 루프: 한 스텝에 곱셈·덧셈 ${f.n(p.work, 0)}번이면 tfjs는 커널을 부르는 데 시간을 다 씁니다`,
  },
  'train.engine-fused-simd': {
    en: (p, f) => `fused loops, matrix products in WebAssembly SIMD: at ${f.n(p.work, 0)} multiply-adds a step tfjs would spend its time dispatching kernels`,
    ko: (p, f) => `합친 루프, 행렬 곱은 WebAssembly SIMD: 한 스텝에 곱셈·덧셈 ${f.n(p.work, 0)}번이면 tfjs는 커널을 부르는 데 시간을 다 씁니다`,
  },
  'train.busy': {
    en: () => 'A run is going: stop it first.',
    ko: () => '학습이 진행 중입니다. 먼저 멈추세요.',
  },
  'train.no-model': {
    en: () => 'There is no model: load a data set first.',
    ko: () => '모델이 없습니다. 먼저 데이터 세트를 불러오세요.',
  },
  'train.bad-patience': {
    en: (p) => `Patience must be a whole number of at least 1, got ${p.patience}.`,
    ko: (p) => `인내심(patience)은 1 이상의 정수여야 합니다. 받은 값: ${p.patience}.`,
  },
  'train.no-held-out-split': {
    en: () =>
      'Early stopping watches a validation split, never the test rows (a score chosen on them is no test score), and this data set has none: the run goes on to its last step. A dropped CSV holds out validation rows by default.',
    ko: () =>
      '조기 종료는 검증 분할만 지켜봅니다. 테스트 행으로 고르면 그 점수는 더 이상 테스트 점수가 아니기 때문입니다. 이 데이터 세트에는 검증 분할이 없어 학습은 마지막 스텝까지 계속됩니다. 끌어다 놓은 CSV는 기본으로 검증 행을 떼어 둡니다.',
  },
  'train.loss-not-finite': {
    en: (p) => `The loss became ${p.loss} at step ${p.step}. Training stopped and the weights went back to step ${p.backTo}, the last finite loss. Try a lower learning rate.`,
    ko: (p) => `스텝 ${p.step}에서 손실이 ${p.loss}이(가) 되었습니다. 학습을 멈추고 가중치를 마지막으로 손실이 유한했던 스텝 ${p.backTo}(으)로 되돌렸습니다. 학습률을 낮춰 보세요.`,
  },
  'train.diverged-loss': {
    en: (p, f) =>
      `Training diverged at step ${p.step}: the training loss rose from ${f.n(p.start, 3)} to ${f.n(p.loss, 3)}. The run stopped. Try a lower learning rate (${f.n(p.suggest)} instead of ${f.n(p.learningRate)}), then Reset.`,
    ko: (p, f) =>
      `스텝 ${p.step}에서 학습이 발산했습니다. 학습 손실이 ${f.n(p.start, 3)}에서 ${f.n(p.loss, 3)}(으)로 올랐습니다. 학습을 멈췄습니다. 학습률을 낮춰(${f.n(p.learningRate)} 대신 ${f.n(p.suggest)}) 다시 시작(Reset)해 보세요.`,
  },
  'train.diverged-chance': {
    en: (p, f) =>
      `Training diverged at step ${p.step}: training accuracy ${f.n(p.accuracy, 3)} is below chance (${f.n(p.chance, 3)}) and the loss is rising. The run stopped. Try a lower learning rate (${f.n(p.suggest)} instead of ${f.n(p.learningRate)}), then Reset.`,
    ko: (p, f) =>
      `스텝 ${p.step}에서 학습이 발산했습니다. 학습 정확도 ${f.n(p.accuracy, 3)}이(가) 우연 수준(${f.n(p.chance, 3)})보다 낮고 손실이 오르고 있습니다. 학습을 멈췄습니다. 학습률을 낮춰(${f.n(p.learningRate)} 대신 ${f.n(p.suggest)}) 다시 시작(Reset)해 보세요.`,
  },
  'train.weights-misfit': {
    en: (p) => `The weights do not fit the model (${p.found} arrays for a network of ${p.expected}).`,
    ko: (p) => `가중치가 모델에 맞지 않습니다(${p.expected}개가 필요한 신경망에 ${p.found}개).`,
  },
  'train.too-large': {
    en: (p, f) =>
      `This network is too large to train here: ${f.n(p.parameters)} parameters (about ${f.n(p.megabytes)} MB while training), so one step of batch ${f.n(p.batch)} is ${f.n(p.work)} multiply-adds, over the ${f.n(p.limit)} this page trains on one core (a step would hold the worker for seconds). Use fewer or smaller hidden layers, or a smaller batch, then Reset.`,
    ko: (p, f) =>
      `이 신경망은 여기서 학습하기에 너무 큽니다. 매개변수 ${f.n(p.parameters)}개(학습 중 약 ${f.n(p.megabytes)} MB)라서 배치 ${f.n(p.batch)}의 한 스텝이 곱셈-덧셈 ${f.n(p.work)}번으로, 이 페이지가 코어 하나로 학습하는 한도 ${f.n(p.limit)}번을 넘습니다(한 스텝이 워커를 몇 초씩 붙잡습니다). 은닉층을 줄이거나 작게 하거나 배치를 줄인 뒤 다시 시작(Reset)하세요.`,
  },
};
