/** English and Korean words for the workspace's, data sets' and views' message codes (src/shared/messages/app.ts). */
import type { Wordings } from './types';
import type { AppMessages } from '../../../shared/messages/app';

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

export const appWording: Wordings<keyof AppMessages> = {
  'app.unexpected': {
    en: (p) => `Something went wrong: ${p.detail}`,
    ko: (p) => `문제가 생겼습니다: ${p.detail}`,
  },
  'app.nothing-loaded': { en: () => 'No data set is loaded yet.', ko: () => '아직 불러온 데이터 세트가 없습니다.' },
  'app.stop-first': { en: () => 'Stop training before loading another data set.', ko: () => '다른 데이터 세트를 불러오기 전에 학습을 멈추세요.' },
  'app.no-csv': { en: () => 'No CSV is loaded: drop one first.', ko: () => '불러온 CSV가 없습니다. 먼저 파일을 놓으세요.' },
  'app.no-drawing': { en: () => 'This data set does not read drawings: only MNIST does.', ko: () => '이 데이터 세트는 그림을 읽지 않습니다. MNIST만 읽습니다.' },
  'app.no-file-prediction': {
    en: () => 'Classifying a file needs a model trained on a CSV: drop a CSV and train first.',
    ko: () => '파일을 분류하려면 CSV로 학습한 모델이 필요합니다. CSV를 놓고 먼저 학습하세요.',
  },
  'app.not-evaluated': { en: () => 'The test split has not been evaluated yet: train first.', ko: () => '테스트 분할을 아직 평가하지 않았습니다. 먼저 학습하세요.' },
  'app.resume-failed': {
    en: (p, f) => `The last session could not be restored (${f.message(p.reason)}); starting afresh.`,
    ko: (p, f) => `지난 세션을 되살리지 못했습니다(${f.message(p.reason)}). 새로 시작합니다.`,
  },
  'app.no-stored-csv': {
    en: () => 'This link opens a dropped CSV (dataset=csv), but this browser keeps none: drop the file again. Iris is loaded meanwhile.',
    ko: () => '이 링크는 놓았던 CSV(dataset=csv)를 열지만 이 브라우저에 보관된 파일이 없습니다. 파일을 다시 놓으세요. 그동안 Iris를 불러왔습니다.',
  },
  'app.test-needs-training-file': {
    en: (p) => `${p.file} was not loaded: drop the training file again first, then its test file (after a reload the page no longer holds the training file).`,
    ko: (p) => `${p.file}을(를) 불러오지 않았습니다. 먼저 학습 파일을 다시 놓은 뒤 테스트 파일을 놓으세요(새로 고친 뒤에는 페이지가 학습 파일을 갖고 있지 않습니다).`,
  },
  'app.backend-moved': { en: (p, f) => `Training goes on from step ${f.n(p.step, 0)}.`, ko: (p, f) => `학습은 스텝 ${f.n(p.step, 0)}부터 이어집니다.` },
  'app.backend-moved-fresh': { en: () => 'No weights survived: the model starts again at step 0.', ko: () => '남은 가중치가 없어 모델이 스텝 0부터 다시 시작합니다.' },
  'app.checkpoint-other-data': {
    en: (p) => `That checkpoint belongs to another data set (${p.dataset}): load it first.`,
    ko: (p) => `이 체크포인트는 다른 데이터 세트(${p.dataset})의 것입니다. 먼저 그 데이터를 불러오세요.`,
  },
  'app.import-other-data': {
    en: (p, f) => `${p.files.join(' + ')}: this model was trained on ${p.dataset} (${f.n(p.inputs, 0)} inputs, classes ${p.classes.join(', ')}); load that data set first.`,
    ko: (p, f) => `${p.files.join(' + ')}: 이 모델은 ${p.dataset}(입력 ${f.n(p.inputs, 0)}개, 클래스 ${p.classes.join(', ')})로 학습했습니다. 먼저 그 데이터 세트를 불러오세요.`,
  },
  'app.weights-dtype': { en: (p) => `Weight ${p.name} is ${p.dtype}, not float32.`, ko: (p) => `가중치 ${p.name}의 형식이 float32가 아니라 ${p.dtype}입니다.` },
  'app.weights-short': { en: (p) => `The weights end before ${p.name}.`, ko: (p) => `가중치 데이터가 ${p.name} 앞에서 끝납니다.` },
  'app.csv-not-kept': {
    en: (p) => `${p.file} is ${mb(p.bytes)} MB; files over ${mb(p.maxBytes)} MB are not kept in the browser. Drop it again to go on.`,
    ko: (p) => `${p.file}은(는) ${mb(p.bytes)} MB입니다. ${mb(p.maxBytes)} MB가 넘는 파일은 브라우저에 보관하지 않습니다. 계속하려면 다시 놓으세요.`,
  },
  'app.idx-not-kept': {
    en: () => "MNIST's IDX files are too large to keep in the browser: drop them again, or use the digits the app ships.",
    ko: () => 'MNIST IDX 파일은 브라우저에 보관하기에 너무 큽니다. 다시 놓거나 앱에 들어 있는 숫자를 쓰세요.',
  },
  'app.idx-missing': {
    en: (p) => `Drop all four MNIST files: ${p.wanted} is missing (got ${p.got.join(', ') || 'none'}).`,
    ko: (p) => `MNIST 파일 네 개를 모두 놓으세요. ${p.wanted}이(가) 없습니다(받은 파일: ${p.got.join(', ') || '없음'}).`,
  },
  'app.idx-too-large': {
    en: (p) => `${p.file} is ${(p.bytes / 1e6).toFixed(0)} MB; MNIST files are at most ${p.maxBytes / 1e6} MB.`,
    ko: (p) => `${p.file}은(는) ${(p.bytes / 1e6).toFixed(0)} MB입니다. MNIST 파일은 최대 ${p.maxBytes / 1e6} MB입니다.`,
  },
  'app.iris-features': { en: (p) => `The Iris files must have ${p.expected} features.`, ko: (p) => `Iris 파일에는 특성이 ${p.expected}개 있어야 합니다.` },
  'app.mnist-draw': { en: () => 'MNIST reads drawn digits: draw one on the pad.', ko: () => 'MNIST는 그린 숫자를 읽습니다. 패드에 숫자를 그리세요.' },
  'app.value-count': { en: (p) => `Expected ${p.expected} values, got ${p.found}.`, ko: (p) => `값이 ${p.expected}개 필요한데 ${p.found}개입니다.` },
  'app.enter-number': { en: (p) => `Enter a number for ${p.input}.`, ko: (p) => `${p.input}에 숫자를 입력하세요.` },
  'app.split-iris': {
    en: () => 'iris_training.csv for training and iris_test.csv for testing, as in the tutorial.',
    ko: () => '튜토리얼처럼 iris_training.csv로 학습하고 iris_test.csv로 테스트합니다.',
  },
  'app.split-mnist-shipped': {
    en: (p, f) =>
      `${f.n(p.train, 0)} / ${f.n(p.validation, 0)} / ${f.n(p.test, 0)} of the 10,000 digits the app ships (train / validation / test), split as read_data_sets does. Drop the original IDX files for 55,000 / 5,000 / 10,000.`,
    ko: (p, f) =>
      `앱에 들어 있는 숫자 10,000개를 read_data_sets처럼 ${f.n(p.train, 0)} / ${f.n(p.validation, 0)} / ${f.n(p.test, 0)}(학습 / 검증 / 테스트)으로 나눴습니다. 원래 IDX 파일을 놓으면 55,000 / 5,000 / 10,000입니다.`,
  },
  'app.split-mnist-idx': {
    en: (p, f) => `${f.n(p.train, 0)} / ${f.n(p.validation, 0)} / ${f.n(p.test, 0)}: the first 5,000 training images are the validation split, t10k is the test split, as read_data_sets does.`,
    ko: (p, f) => `${f.n(p.train, 0)} / ${f.n(p.validation, 0)} / ${f.n(p.test, 0)}: read_data_sets처럼 학습 이미지의 처음 5,000개가 검증 분할, t10k가 테스트 분할입니다.`,
  },
  'app.split-csv': {
    en: (p, f) =>
      `A stratified, seeded split: ${f.n(p.test, 0)} of ${f.n(p.rows, 0)} rows held out for testing` +
      (p.validation ? `, and ${f.n(p.validation, 0)} of the training rows for validation (what early stopping watches).` : '.'),
    ko: (p, f) =>
      `층화·시드 고정 분할: ${f.n(p.rows, 0)}행 중 ${f.n(p.test, 0)}행을 테스트용으로 떼어 두었습니다` +
      (p.validation ? `. 학습 행 중 ${f.n(p.validation, 0)}행은 검증용입니다(조기 종료가 지켜보는 행).` : '.'),
  },
  'app.split-csv-file': { en: (p) => `${p.file} is the test set.`, ko: (p) => `${p.file}이(가) 테스트 세트입니다.` },
  'app.map-no-inputs': {
    en: () => 'This data set has no inputs to put on axes (MNIST reads 784 pixels): there is no two-input map of it.',
    ko: () => '이 데이터 세트에는 축에 놓을 입력이 없습니다(MNIST는 픽셀 784개를 읽습니다). 두 입력의 지도를 그릴 수 없습니다.',
  },
  'app.map-two-numeric': { en: (p) => `The map needs two numeric inputs; this data set has ${p.numeric}.`, ko: (p) => `지도에는 숫자 입력이 두 개 필요한데 이 데이터 세트에는 ${p.numeric}개 있습니다.` },
  'app.map-no-input': { en: (p) => `There is no input ${p.input}.`, ko: (p) => `입력 ${p.input}이(가) 없습니다.` },
  'app.map-categorical': { en: (p) => `"${p.input}" is categorical: an axis needs a numeric input.`, ko: (p) => `"${p.input}"은(는) 범주형입니다. 축에는 숫자 입력이 필요합니다.` },
  'app.map-same-axes': { en: () => 'Pick two different inputs for the axes.', ko: () => '두 축에 서로 다른 입력을 고르세요.' },
  'app.map-resolution': {
    en: (p) => `The resolution must be a whole number from ${p.min} to ${p.max} (it is ${p.resolution}).`,
    ko: (p) => `해상도는 ${p.min}에서 ${p.max} 사이의 정수여야 합니다(지금 ${p.resolution}).`,
  },
  'app.no-class': { en: (p) => `There is no class ${p.classId}.`, ko: (p) => `클래스 ${p.classId}이(가) 없습니다.` },
  'app.not-started': { en: () => 'The worker got a request before it started.', ko: () => '워커가 시작하기 전에 요청을 받았습니다.' },
  'app.fetch-failed': { en: (p) => `Could not load ${p.path} (HTTP ${p.status}).`, ko: (p) => `${p.path}을(를) 불러오지 못했습니다(HTTP ${p.status}).` },
  'app.backend-asked': { en: (p) => `asked for ${p.backend} in the URL`, ko: (p) => `URL에서 ${p.backend}을(를) 지정함` },
  'app.backend-no-webgl': { en: () => 'this browser has no WebGL in workers', ko: () => '이 브라우저는 워커에서 WebGL을 쓸 수 없음' },
  'app.backend-software': {
    en: (p) => `WebGL here is a software renderer (${p.renderer}), slower than wasm for small networks`,
    ko: (p) => `여기의 WebGL은 소프트웨어 렌더러(${p.renderer})라 작은 신경망에는 wasm보다 느림`,
  },
  'app.backend-gpu': { en: (p) => `WebGL on ${p.renderer}`, ko: (p) => `${p.renderer}의 WebGL` },
  'app.backend-webgpu': { en: (p) => `WebGPU on a hardware adapter (${p.adapter})`, ko: (p) => `하드웨어 어댑터(${p.adapter})의 WebGPU` },
  'app.backend-fallback': {
    en: (p, f) => `${f.message(p.reason)}; ${p.failed.join(' and ')} failed to start`,
    ko: (p, f) => `${f.message(p.reason)}. ${p.failed.join(', ')}은(는) 시작하지 못함`,
  },
  'app.backend-none': { en: (p) => `No tfjs backend could start (tried ${p.tried.join(', ')}).`, ko: (p) => `tfjs 백엔드를 하나도 시작하지 못했습니다(시도: ${p.tried.join(', ')}).` },
  'app.backend-after-loss': { en: (p, f) => `the WebGL context was lost; ${f.message(p.reason)}`, ko: (p, f) => `WebGL 컨텍스트를 잃음. ${f.message(p.reason)}` },
  'app.webgl-lost': {
    en: (p, f) => `The WebGL context was lost (a GPU reset?); training moved to another backend. ${f.message(p.outcome)}`,
    ko: (p, f) => `WebGL 컨텍스트를 잃었습니다(GPU 재설정?). 학습을 다른 백엔드로 옮겼습니다. ${f.message(p.outcome)}`,
  },
  'app.worker-crashed': {
    en: (p) => `The training worker crashed (${p.detail || 'an uncaught error'})`,
    ko: (p) => `학습 워커가 멈췄습니다(${p.detail || '처리되지 않은 오류'})`,
  },
  'app.worker-hung': {
    en: (p) => `The training worker stopped answering for ${p.seconds} s`,
    ko: (p) => `학습 워커가 ${p.seconds}초 동안 응답하지 않았습니다`,
  },
  'app.worker-replaced': {
    en: (p, f) => `${f.message(p.what)}. A new worker was started: it re-opens the data set (a dropped file from the page, however large) and its newest checkpoint, and a notice says so if it cannot; you can go on training.`,
    ko: (p, f) => `${f.message(p.what)}. 새 워커를 시작했습니다. 데이터 세트(놓았던 파일은 크기와 상관없이 페이지에서 다시 읽음)와 그 최신 체크포인트를 다시 열며, 열지 못하면 알림으로 알려 줍니다. 학습을 계속할 수 있습니다.`,
  },
  'app.webgl-lost-failed': {
    en: (p, f) => `The WebGL context was lost and no other backend could take over: ${f.message(p.reason)}`,
    ko: (p, f) => `WebGL 컨텍스트를 잃었고 다른 백엔드도 이어받지 못했습니다: ${f.message(p.reason)}`,
  },
  'app.not-binary': {
    en: (p) => `ROC and precision-recall curves need exactly two classes; this data set has ${p.classes}.`,
    ko: (p) => `ROC 곡선과 정밀도-재현율 곡선은 클래스가 정확히 두 개여야 합니다. 이 데이터 세트의 클래스는 ${p.classes}개입니다.`,
  },
  'app.no-test-rows': {
    en: () => 'The test split has no rows: raise the test fraction or drop a test file.',
    ko: () => '테스트 분할에 행이 없습니다. 테스트 비율을 높이거나 테스트 파일을 놓으세요.',
  },
  'app.baselines-failed': {
    en: (p, f) => `The baselines of this data set could not be computed: ${f.message(p.reason)}`,
    ko: (p, f) => `이 데이터 세트의 기준 모델 점수를 계산하지 못했습니다: ${f.message(p.reason)}`,
  },
};
