/** The drawer of less-used panels under the workspace: its tabs. */
import { defineMessages } from '../../client/i18n/index';

export const drawerMessages = defineMessages(
  {
    drawer: 'More about the run',
    close: 'Close the drawer',
    evaluation: 'Evaluation',
    baselines: 'Baselines',
    cv: 'Cross-validation',
    binary: 'ROC and precision-recall',
    batch: 'Classify a file',
    runs: 'Runs',
    checkpoints: 'Checkpoints',
    about: 'About this run',
    log: 'Status log',
    doEval: 'do_eval',
    gallery: 'Test digits',
    confusion: 'Confusion matrix',
    mnistFiles: 'MNIST files',
  },
  {
    drawer: '실행 자세히 보기',
    close: '서랍 닫기',
    evaluation: '평가',
    baselines: '기준 모델',
    cv: '교차 검증',
    binary: 'ROC와 정밀도-재현율',
    batch: '파일 분류하기',
    runs: '실행 기록',
    checkpoints: '체크포인트',
    about: '이번 실행에 대하여',
    log: '상태 로그',
    doEval: 'do_eval',
    gallery: '테스트 숫자',
    confusion: '혼동 행렬',
    mnistFiles: 'MNIST 파일',
  },
);
