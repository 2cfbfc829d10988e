/** English and Korean words for the mnist area's message codes (src/shared/messages/mnist.ts). */
import type { Wordings } from './types';
import type { MnistArray, MnistMessages } from '../../../shared/messages/mnist';

/** 0x00000803. */
const hex = (n: number) => `0x${n.toString(16).padStart(8, '0')}`;

const ARRAY_KO: Record<MnistArray, string> = { images: '이미지', labels: '레이블' };
/** The same with its subject particle. */
const SUBJECT_KO: Record<MnistArray, string> = { images: '이미지가', labels: '레이블이' };

export const mnistWording: Wordings<keyof MnistMessages> = {
  'mnist.idx-too-short': {
    en: (p) => `${p.file}: ${p.bytes} bytes is too short to be an IDX file.`,
    ko: (p) => `${p.file}: ${p.bytes}바이트로는 IDX 파일이 되기에 너무 짧습니다.`,
  },
  'mnist.short-header': {
    en: (p) => `${p.file}: ${p.bytes} bytes is too short for the ${p.header}-byte ${p.format === 'idx' ? 'IDX header' : 'header'}.`,
    ko: (p) => `${p.file}: ${p.bytes}바이트로는 ${p.header}바이트 ${p.format === 'idx' ? 'IDX 헤더' : '헤더'}에도 모자랍니다.`,
  },
  'mnist.bad-magic': {
    en: (p) => {
      const holds = p.holds === 'none' ? 'is not an IDX file' : `holds ${p.holds === 'other' ? 'another IDX array' : p.holds}, not ${p.want}`;
      return `${p.file} ${holds} (magic ${hex(p.found)}, expected ${hex(p.expected)}).`;
    },
    ko: (p) => {
      const magic = `(매직 넘버 ${hex(p.found)}, 기대값 ${hex(p.expected)})`;
      if (p.holds === 'none') return `${p.file} 파일은 IDX 파일이 아닙니다${magic}.`;
      const holds = p.holds === 'other' ? '다른 IDX 배열이' : SUBJECT_KO[p.holds];
      return `${p.file} 파일에는 ${SUBJECT_KO[p.want]} 아니라 ${holds} 들어 있습니다${magic}.`;
    },
  },
  'mnist.bin-bad-magic': {
    en: (p) => `${p.file}: not an MNIST digits file (magic ${hex(p.found)}, expected ${hex(p.expected)}).`,
    ko: (p) => `${p.file}: MNIST 숫자 파일이 아닙니다(매직 넘버 ${hex(p.found)}, 기대값 ${hex(p.expected)}).`,
  },
  'mnist.idx-size': {
    en: (p) => `${p.file}: the header declares ${p.what} of shape [${p.dims.join(', ')}] (${p.expected} bytes) but the file has ${p.bytes} bytes.`,
    ko: (p) => `${p.file}: 헤더에는 [${p.dims.join(', ')}] 모양의 ${ARRAY_KO[p.what]}(${p.expected}바이트)라고 적혀 있지만 파일은 ${p.bytes}바이트입니다.`,
  },
  'mnist.bin-size': {
    en: (p) => `${p.file}: the header declares ${p.count} images of ${p.rows} x ${p.cols} (${p.expected} bytes) but the file has ${p.bytes} bytes.`,
    ko: (p) => `${p.file}: 헤더에는 ${p.rows} x ${p.cols} 이미지 ${p.count}장(${p.expected}바이트)이라고 적혀 있지만 파일은 ${p.bytes}바이트입니다.`,
  },
  'mnist.no-pixels': {
    en: (p) => `${p.file}: the header declares ${p.rows} x ${p.cols} images.`,
    ko: (p) => `${p.file}: 헤더에 적힌 이미지 크기가 ${p.rows} x ${p.cols}입니다.`,
  },
  'mnist.bad-label': {
    en: (p) => `${p.file}: label ${p.label} ${p.at === 'index' ? 'at index' : 'of image'} ${p.index} is not a digit 0-9.`,
    ko: (p) => `${p.file}: ${p.at === 'index' ? `${p.index}번 위치의` : `${p.index}번 이미지의`} 레이블 ${p.label}은(는) 0-9 숫자가 아닙니다.`,
  },
  'mnist.count-mismatch': {
    en: (p) => `${p.images} has ${p.imageCount} images but ${p.labels} has ${p.labelCount} labels.`,
    ko: (p) => `${p.images}에는 이미지가 ${p.imageCount}장인데 ${p.labels}에는 레이블이 ${p.labelCount}개입니다.`,
  },
  'mnist.size-mismatch': {
    en: (p) => `${p.train} holds ${p.trainRows} x ${p.trainCols} images but ${p.test} holds ${p.testRows} x ${p.testCols}.`,
    ko: (p) => `${p.train}의 이미지는 ${p.trainRows} x ${p.trainCols}인데 ${p.test}의 이미지는 ${p.testRows} x ${p.testCols}입니다.`,
  },
  'mnist.bad-split-size': {
    en: (p) => `The ${p.split} size must be a whole number from 0 to ${p.available}, not ${p.size}.`,
    ko: (p) => `${p.split === 'test' ? '테스트' : '검증'} 세트 크기는 0부터 ${p.available}까지의 정수여야 합니다(지금은 ${p.size}).`,
  },
  'mnist.inflate-cap': {
    en: (p) => `${p.file}: inflates to more than ${p.max} bytes.`,
    ko: (p) => `${p.file}: 압축을 풀면 ${p.max}바이트가 넘습니다.`,
  },
  'mnist.bad-gzip': {
    en: (p) => `${p.file}: the gzip data is corrupt (${p.detail}).`,
    ko: (p) => `${p.file}: gzip 데이터가 손상되었습니다(${p.detail}).`,
  },
  'mnist.bad-canvas': {
    en: (p) => `A canvas of ${p.width} x ${p.height} pixels is not a canvas.`,
    ko: (p) => `${p.width} x ${p.height} 픽셀은 캔버스 크기가 될 수 없습니다.`,
  },
  'mnist.canvas-pixels': {
    en: (p) => `A ${p.width} x ${p.height} canvas has ${p.width * p.height} pixels, not ${p.found}.`,
    ko: (p) => `${p.width} x ${p.height} 캔버스의 픽셀은 ${p.found}개가 아니라 ${p.width * p.height}개입니다.`,
  },
};
