/** Play / Pause and Step (TensorFlow Playground's controls), with the step and epoch beside them. */
import { defineMessages } from '../../client/i18n/index';

export const playMessages = defineMessages(
  {
    group: 'Run controls',
    play: 'Play',
    pause: 'Pause',
    playHint: 'Train until paused; the curves and the maps follow as it goes.',
    step: 'Step',
    stepHint: 'Train up to the next evaluation ({n} steps), then stop.',
    counter: 'step {step} · epoch {epoch}',
  },
  {
    group: '실행 조작',
    play: '재생',
    pause: '일시 정지',
    playHint: '일시 정지할 때까지 학습합니다. 곡선과 지도가 함께 움직입니다.',
    step: '한 단계',
    stepHint: '다음 평가까지({n}단계) 학습하고 멈춥니다.',
    counter: '단계 {step} · 에포크 {epoch}',
  },
);
