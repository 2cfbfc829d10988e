/** The per-neuron pictures under the network (NeuronMaps.tsx). */
import { defineMessages } from '../../client/i18n/index';

export const neuronMessages = defineMessages(
  {
    title: 'What each hidden unit computes',
    intro: 'Each picture is one hidden unit’s output over the decision map’s axes ({x} across, {y} up; the other inputs held as in the map), at step {step}. Blue is positive, orange negative, white zero; each picture has its own scale. Hover or focus one to enlarge it.',
    strongest: 'Showing {shown} of {total} hidden units: in each layer, those with the largest mean |activation| over the map.',
    layer: 'Hidden layer {n} · {units} units',
    layerShown: 'Hidden layer {n} · {shown} of {units} units',
    unitLabel: 'Hidden layer {layer}, unit {unit}: output from {lo} to {hi} over the map',
    waiting: 'The pictures of the hidden units come with the decision map.',
    none: 'This network has no hidden layer: nothing to picture.',
    scaleNegative: 'negative',
    scalePositive: 'positive',
  },
  {
    title: '은닉 유닛마다 계산하는 것',
    intro: '그림 하나가 은닉 유닛 하나의 출력을 결정 지도의 축({x} 가로, {y} 세로, 나머지 입력은 지도와 같은 값) 위에 나타냅니다. 단계 {step} 기준입니다. 파란색은 양수, 주황색은 음수, 흰색은 0이며 그림마다 눈금이 따로입니다. 마우스를 올리거나 포커스를 주면 크게 보입니다.',
    strongest: '은닉 유닛 {total}개 중 {shown}개를 보여 줍니다: 층마다 지도 위 평균 |활성값|이 가장 큰 유닛입니다.',
    layer: '은닉층 {n} · 유닛 {units}개',
    layerShown: '은닉층 {n} · 유닛 {units}개 중 {shown}개',
    unitLabel: '은닉층 {layer}, 유닛 {unit}: 지도 위 출력 {lo} ~ {hi}',
    waiting: '은닉 유닛 그림은 결정 지도와 함께 나옵니다.',
    none: '이 신경망에는 은닉층이 없어 그릴 것이 없습니다.',
    scaleNegative: '음수',
    scalePositive: '양수',
  },
);
