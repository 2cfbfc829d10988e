/** English and Korean words for the checkpoint area's message codes (src/shared/messages/checkpoint.ts). */
import type { Fmt } from './format';
import type { Wording, Wordings } from './types';
import { rangeWords } from './range';
import type { CheckpointMessages, LoadFailure, LoadFailureMessages, MetaProblem, MetaProblemMessages } from '../../../shared/messages/checkpoint';

type Lang = 'en' | 'ko';
type Stored = { what: 'checkpoint' | 'session'; step: number; previous?: number | null };

/** 1.5 MB (the unit reads the same in Korean). */
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
/** 2,052: grouped as the English sentences always were. */
const grouped = (n: number) => n.toLocaleString('en');
const list = (values: readonly (string | number | null)[]) => values.join(', ');
const shape = (values: readonly number[]) => `[${values.join(',')}]`;

const storedEn = (p: Stored) => (p.what === 'checkpoint' ? `the checkpoint at step ${p.step}` : 'the page state');
/** What is still stored after a failed save, as the store found it: never a checkpoint that is not there. */
const keptEn = (p: Pick<Stored, 'what' | 'previous'>) =>
  p.what !== 'checkpoint'
    ? 'the state saved before is kept'
    : p.previous === null
      ? 'no earlier checkpoint is stored, so a reload now starts from a fresh model'
      : p.previous === undefined
        ? 'the previous checkpoint, if any, is kept'
        : `the checkpoint at step ${p.previous} is kept`;
const storedKo = (p: Stored) => (p.what === 'checkpoint' ? `${p.step}단계 체크포인트` : '페이지 상태');
const keptKo = (p: Pick<Stored, 'what' | 'previous'>) =>
  p.what !== 'checkpoint'
    ? '전에 저장한 상태는 그대로 남아 있습니다'
    : p.previous === null
      ? '저장된 이전 체크포인트가 없으므로 지금 새로 고침하면 새 모델로 시작합니다'
      : p.previous === undefined
        ? '이전 체크포인트가 있다면 그대로 남아 있습니다'
        : `${p.previous}단계 체크포인트는 그대로 남아 있습니다`;

const NO_STORAGE_EN = 'checkpoints are kept in memory only, and a reload starts afresh';
const NO_STORAGE_KO = '체크포인트는 메모리에만 보관되며, 새로 고침하면 처음부터 시작합니다';

/** `layer 2 ("dense_1")` / `2번째 층("dense_1")`. */
const layerEn = (p: { layer: number; name: string }) => `layer ${p.layer}${p.name !== '' ? ` ("${p.name}")` : ''}`;
const layerKo = (p: { layer: number; name: string }) => `${p.layer}번째 층${p.name !== '' ? `("${p.name}")` : ''}`;

const COLUMN_FAULT_EN = { name: 'has no name or the wrong index', role: 'has an unknown role or kind', stats: 'needs a finite mean and a positive std', vocabulary: 'has a bad vocabulary' };
const COLUMN_FAULT_KO = { name: '이름이 없거나 위치가 틀립니다', role: '역할이나 종류를 알 수 없습니다', stats: '유한한 평균과 양수인 표준편차가 있어야 합니다', vocabulary: '어휘 목록이 잘못되었습니다' };

const TARGET_FAULT_EN = {
  name: 'must be a name (text)',
  finite: 'must be a finite number',
  sd: 'must be a positive finite number',
  label: "does not name the schema's label column, or that column is not numeric",
};
const TARGET_FAULT_KO = {
  name: '이름(텍스트)이어야 합니다',
  finite: '유한한 수여야 합니다',
  sd: '유한한 양수여야 합니다',
  label: '스키마의 레이블 열 이름과 다르거나, 그 열이 숫자 열이 아닙니다',
};

/** What a model of `task` predicts, for checkpoint.task-differs. */
const predictsEn = (task: 'classification' | 'regression', target: string, classes: readonly string[]) =>
  task === 'regression' ? `predicts a number ("${target}")` : `predicts a class${classes.length > 0 ? ` (${list(classes)})` : ''}`;
const predictsKo = (task: 'classification' | 'regression', target: string, classes: readonly string[]) =>
  task === 'regression' ? `숫자("${target}")를 예측합니다` : `클래스${classes.length > 0 ? `(${list(classes)})` : ''}를 예측합니다`;

export const loadFailureWording: Wordings<keyof LoadFailureMessages> = {
  'checkpoint.read-failed': {
    en: (p) => `Could not read checkpoint ${p.id}: ${p.detail}.`,
    ko: (p) => `체크포인트 ${p.id}을(를) 읽지 못했습니다: ${p.detail}.`,
  },
  'checkpoint.missing': {
    en: (p) => `There is no checkpoint ${p.id} (it may have been pruned or deleted).`,
    ko: (p) => `체크포인트 ${p.id}이(가) 없습니다(정리되었거나 삭제되었을 수 있습니다).`,
  },
  'checkpoint.damaged': {
    en: (p) =>
      `Checkpoint ${p.id} is damaged: its weights are ${p.bytes} bytes with checksum ${p.checksum || 'none'}, but ${p.written} bytes with checksum ${p.writtenChecksum} were written.`,
    ko: (p) =>
      `체크포인트 ${p.id}이(가) 손상되었습니다: 가중치가 ${p.bytes}바이트(체크섬 ${p.checksum || '없음'})인데, 저장할 때는 ${p.written}바이트(체크섬 ${p.writtenChecksum})였습니다.`,
  },
};

export const metaProblemWording: Wordings<keyof MetaProblemMessages> = {
  'checkpoint.meta-missing': { en: (p) => `${p.field} is missing`, ko: (p) => `${p.field}이(가) 없습니다` },
  'checkpoint.meta-object': { en: (p) => `${p.field} is not an object`, ko: (p) => `${p.field}이(가) 객체가 아닙니다` },
  'checkpoint.meta-list': { en: (p) => `${p.field} must be a list`, ko: (p) => `${p.field}은(는) 목록이어야 합니다` },
  'checkpoint.meta-date': { en: (p) => `${p.field} is not a date`, ko: (p) => `${p.field}이(가) 날짜가 아닙니다` },
  'checkpoint.meta-setting': {
    en: (p) => `${p.field} is ${p.value}; the page (and its URL parameter ${p.param}) takes ${rangeWords(p.range, 'en')}`,
    ko: (p) => `${p.field} 값이 ${p.value}입니다. 이 페이지(와 URL 매개변수 ${p.param})는 ${rangeWords(p.range, 'ko')}만 받습니다`,
  },
  'checkpoint.meta-whole': { en: (p) => `${p.field} must be a whole number`, ko: (p) => `${p.field}은(는) 정수여야 합니다` },
  'checkpoint.meta-whole-min': {
    en: (p) => `${p.field} must be a whole number of at least ${p.min}`,
    ko: (p) => `${p.field}은(는) ${p.min} 이상의 정수여야 합니다`,
  },
  'checkpoint.meta-positive': { en: (p) => `${p.field} must be a positive number`, ko: (p) => `${p.field}은(는) 양수여야 합니다` },
  'checkpoint.meta-min': { en: (p) => `${p.field} must be a number of at least ${p.min}`, ko: (p) => `${p.field}은(는) ${p.min} 이상의 수여야 합니다` },
  'checkpoint.meta-range': {
    en: (p) => `${p.field} must be a number from ${p.min} to ${p.max}`,
    ko: (p) => `${p.field}은(는) ${p.min}부터 ${p.max}까지의 수여야 합니다`,
  },
  'checkpoint.meta-fraction': { en: (p) => `${p.field} is not in [0, 1)`, ko: (p) => `${p.field}이(가) [0, 1) 범위에 있지 않습니다` },
  'checkpoint.meta-one-of': {
    en: (p) => `${p.field} must be one of ${list(p.options)}`,
    ko: (p) => `${p.field}은(는) ${list(p.options)} 중 하나여야 합니다`,
  },
  'checkpoint.meta-names': {
    en: (p) => `${p.field} must be ${p.min} to ${p.max} names`,
    ko: (p) => `${p.field}에는 이름이 ${p.min}개에서 ${p.max}개까지 있어야 합니다`,
  },
  'checkpoint.meta-hidden-units': {
    en: (p) => `config.hiddenUnits must be up to ${p.layers} whole numbers from 1 to ${p.units}`,
    ko: (p) => `config.hiddenUnits는 1부터 ${p.units}까지의 정수 최대 ${p.layers}개여야 합니다`,
  },
  'checkpoint.meta-version': {
    en: (p) => `version is ${p.found}; this playground reads version ${p.supported}`,
    ko: (p) => `version이 ${p.found}입니다. 이 플레이그라운드는 버전 ${p.supported}을(를) 읽습니다`,
  },
  'checkpoint.meta-evaluation': {
    en: (p) => `evaluation ${p.index} is not an evaluation`,
    ko: (p) => `${p.index}번째 평가 기록이 올바르지 않습니다`,
  },
  'checkpoint.meta-needs-schema': { en: () => 'a CSV model needs its schema', ko: () => 'CSV 모델에는 스키마가 있어야 합니다' },
  'checkpoint.meta-not-schema': { en: () => 'schema is not a CSV schema (version 1)', ko: () => 'schema가 CSV 스키마(버전 1)가 아닙니다' },
  'checkpoint.meta-label-index': {
    en: () => 'schema.labelIndex does not point at the label column',
    ko: () => 'schema.labelIndex가 레이블 열을 가리키지 않습니다',
  },
  'checkpoint.meta-differ': { en: (p) => `${p.field} differ from ${p.other}`, ko: (p) => `${p.field}이(가) ${p.other}와(과) 다릅니다` },
  'checkpoint.meta-schema-width': {
    en: (p) => `the schema's columns encode ${p.encoded} inputs, not the ${p.features} featureNames`,
    ko: (p) => `스키마의 열은 입력 ${p.encoded}개로 인코딩되는데 featureNames는 ${p.features}개입니다`,
  },
  'checkpoint.meta-column': {
    en: (p) => `schema column ${p.column} ${COLUMN_FAULT_EN[p.fault]}`,
    ko: (p) => `스키마의 ${p.column}번째 열: ${COLUMN_FAULT_KO[p.fault]}`,
  },
  'checkpoint.meta-parameters': {
    en: (p) => `parameterCount is ${p.found}, but ${p.inputs} inputs, hidden units [${list(p.hidden)}] and ${p.classes} classes make ${p.expected}`,
    ko: (p) => `parameterCount가 ${p.found}인데, 입력 ${p.inputs}개, 은닉 유닛 [${list(p.hidden)}], 클래스 ${p.classes}개라면 ${p.expected}입니다`,
  },
  'checkpoint.meta-target': {
    en: (p) => `${p.field} ${TARGET_FAULT_EN[p.fault]}`,
    ko: (p) => `${p.field}: ${TARGET_FAULT_KO[p.fault]}`,
  },
  'checkpoint.meta-target-classes': {
    en: (p) => `a regression model (target "${p.target}") must have classNames ["${p.target}"], not ${p.found}`,
    ko: (p) => `회귀 모델(target "${p.target}")의 classNames는 ${p.found}이(가) 아니라 ["${p.target}"]이어야 합니다`,
  },
};

/** A nested message of one of the small unions above, in `lang`. */
function inner(m: LoadFailure | MetaProblem, lang: Lang, f: Fmt): string {
  const all = { ...loadFailureWording, ...metaProblemWording } as unknown as Record<string, Wording<unknown>>;
  return all[m.code][lang](m.params, f);
}

export const checkpointWording: Wordings<keyof CheckpointMessages> = {
  ...loadFailureWording,
  ...metaProblemWording,
  'checkpoint.quota': {
    en: (p) =>
      `Browser storage is full: ${storedEn(p)} (${mb(p.bytes)}) was not saved; ${keptEn(p)}. Delete old checkpoints or clear this site's data to save again.`,
    ko: (p) =>
      `브라우저 저장 공간이 가득 찼습니다: ${storedKo(p)}(${mb(p.bytes)})을(를) 저장하지 못했고, ${keptKo(p)}. 다시 저장하려면 오래된 체크포인트를 지우거나 이 사이트의 데이터를 지우세요.`,
  },
  'checkpoint.save-failed': {
    en: (p) => `Could not save ${storedEn(p)}: ${p.detail}; ${keptEn(p)}.`,
    ko: (p) => `${storedKo(p)}을(를) 저장하지 못했습니다: ${p.detail}. ${keptKo(p)}.`,
  },
  'checkpoint.read-back': {
    en: (p, f) => `The checkpoint at step ${p.step} did not read back intact (${inner(p.cause, 'en', f)}); it was removed and ${keptEn({ what: 'checkpoint', previous: p.previous })}.`,
    ko: (p, f) => `${p.step}단계 체크포인트를 다시 읽어 보니 온전하지 않아(${inner(p.cause, 'ko', f)}) 지웠습니다. ${keptKo({ what: 'checkpoint', previous: p.previous })}.`,
  },
  'checkpoint.reopened': {
    en: (p) => `This site's stored data was cleared during the visit: the checkpoint store was opened again, empty, and the checkpoint at step ${p.step} saved in it. Earlier checkpoints are gone; saving goes on.`,
    ko: (p) => `방문 중에 이 사이트의 저장 데이터가 지워졌습니다. 비어 있는 체크포인트 저장소를 다시 열어 ${p.step}단계 체크포인트를 저장했습니다. 이전 체크포인트는 사라졌고, 저장은 계속됩니다.`,
  },
  'checkpoint.prune-failed': {
    en: (p) => `The checkpoint is saved, but older ones were not pruned: ${p.detail}.`,
    ko: (p) => `체크포인트는 저장했지만 오래된 체크포인트를 정리하지 못했습니다: ${p.detail}.`,
  },
  'checkpoint.list-failed': {
    en: (p) => `Could not list the checkpoints: ${p.detail}.`,
    ko: (p) => `체크포인트 목록을 읽지 못했습니다: ${p.detail}.`,
  },
  'checkpoint.delete-failed': {
    en: (p) => `Could not delete checkpoint ${p.id}: ${p.detail}.`,
    ko: (p) => `체크포인트 ${p.id}을(를) 지우지 못했습니다: ${p.detail}.`,
  },
  'checkpoint.latest-failed': {
    en: (p) => `Could not read the latest checkpoint: ${p.detail}.`,
    ko: (p) => `최근 체크포인트를 읽지 못했습니다: ${p.detail}.`,
  },
  'checkpoint.session-read-failed': {
    en: (p) => `Could not read the saved page state: ${p.detail}.`,
    ko: (p) => `저장된 페이지 상태를 읽지 못했습니다: ${p.detail}.`,
  },
  'checkpoint.no-indexeddb': {
    en: () => `This browser offers no IndexedDB here (a private window?): ${NO_STORAGE_EN}.`,
    ko: () => `이 브라우저에서는 여기서 IndexedDB를 쓸 수 없습니다(사생활 보호 창인가요?). ${NO_STORAGE_KO}.`,
  },
  'checkpoint.open-failed': {
    en: (p) => `IndexedDB cannot be opened (${p.detail}): ${NO_STORAGE_EN}.`,
    ko: (p) => `IndexedDB를 열 수 없습니다(${p.detail}). ${NO_STORAGE_KO}.`,
  },
  'checkpoint.open-blocked': {
    en: () => `Another tab holds an older version of the checkpoint database open: ${NO_STORAGE_EN}. Close the other tabs and reload.`,
    ko: () => `다른 탭이 체크포인트 데이터베이스의 예전 버전을 열어 두고 있습니다. ${NO_STORAGE_KO}. 다른 탭을 닫고 새로 고침하세요.`,
  },
  'checkpoint.no-save-handler': {
    en: () => 'LayersModel.save() did not call the save handler.',
    ko: () => 'LayersModel.save()가 저장 처리기를 호출하지 않았습니다.',
  },
  'checkpoint.build-failed': {
    en: (p) => `tfjs could not build the model: ${p.detail}`,
    ko: (p) => `tfjs가 모델을 만들지 못했습니다: ${p.detail}`,
  },
  'checkpoint.tensor-count': {
    en: (p) => `The checkpoint has ${p.saved} weight tensors; the model has ${p.model}.`,
    ko: (p) => `체크포인트의 가중치 텐서는 ${p.saved}개인데 모델은 ${p.model}개입니다.`,
  },
  'checkpoint.tensor-shape': {
    en: (p) => `Weight ${p.name} is [${list(p.saved)}] in the checkpoint but [${list(p.model)}] in the model.`,
    ko: (p) => `가중치 ${p.name}의 모양이 체크포인트에서는 [${list(p.saved)}], 모델에서는 [${list(p.model)}]입니다.`,
  },
  'checkpoint.decode-failed': {
    en: (p) => `The checkpoint's weights do not decode: ${p.detail}`,
    ko: (p) => `체크포인트의 가중치를 디코딩할 수 없습니다: ${p.detail}`,
  },
  'checkpoint.no-model-file': {
    en: (p) => `${p.model} is missing: choose ${p.model} and its weights file together (got ${p.got.length > 0 ? list(p.got) : 'no files'}).`,
    ko: (p) => `${p.model}이(가) 없습니다. ${p.model}과(와) 가중치 파일을 함께 고르세요(고른 파일: ${p.got.length > 0 ? list(p.got) : '없음'}).`,
  },
  'checkpoint.model-too-large': {
    en: (p) => `${p.file} is ${mb(p.bytes)}; a playground ${p.model} is at most ${mb(p.max)}.`,
    ko: (p) => `${p.file}은(는) ${mb(p.bytes)}입니다. 플레이그라운드의 ${p.model}은(는) ${mb(p.max)}까지입니다.`,
  },
  'checkpoint.meta-too-large': {
    en: (p) => `${p.file} is ${mb(p.bytes)}; at most ${mb(p.max)} is accepted.`,
    ko: (p) => `${p.file}은(는) ${mb(p.bytes)}입니다. ${mb(p.max)}까지만 받습니다.`,
  },
  'checkpoint.weights-too-large': {
    en: (p) => `The weight files are ${mb(p.bytes)}; at most ${mb(p.max)} is accepted.`,
    ko: (p) => `가중치 파일이 ${mb(p.bytes)}입니다. ${mb(p.max)}까지만 받습니다.`,
  },
  'checkpoint.not-json': {
    en: (p) => `${p.file} is not valid JSON (is it cut short?): ${p.detail}`,
    ko: (p) => `${p.file}은(는) 올바른 JSON이 아닙니다(파일이 잘렸나요?): ${p.detail}`,
  },
  'checkpoint.not-object': {
    en: (p) => `${p.file} is not a TF.js model.json (not a JSON object).`,
    ko: (p) => `${p.file}은(는) TF.js model.json이 아닙니다(JSON 객체가 아닙니다).`,
  },
  'checkpoint.wrong-format': {
    en: (p) =>
      `${p.file} has the format ${p.format}; the playground imports TF.js "layers-model" files.${p.graph ? ' It is a graph-model (a converted SavedModel or frozen graph).' : ''}`,
    ko: (p) =>
      `${p.file}의 형식은 ${p.format}입니다. 플레이그라운드는 TF.js "layers-model" 파일을 가져옵니다.${p.graph ? ' 이 파일은 graph-model(변환된 SavedModel이나 고정 그래프)입니다.' : ''}`,
  },
  'checkpoint.manifest-empty': { en: (p) => `${p.file}: weightsManifest is missing or empty.`, ko: (p) => `${p.file}: weightsManifest가 없거나 비어 있습니다.` },
  'checkpoint.manifest-group': {
    en: (p) => `${p.file}: a weightsManifest group lacks paths or weights.`,
    ko: (p) => `${p.file}: weightsManifest의 한 그룹에 paths나 weights가 없습니다.`,
  },
  'checkpoint.manifest-path': {
    en: (p) => `${p.file}: a weightsManifest path is not a file name.`,
    ko: (p) => `${p.file}: weightsManifest의 경로 하나가 파일 이름이 아닙니다.`,
  },
  'checkpoint.manifest-entry': {
    en: (p) => `${p.file}: a weightsManifest entry has no name.`,
    ko: (p) => `${p.file}: weightsManifest의 항목 하나에 이름이 없습니다.`,
  },
  'checkpoint.no-meta': {
    en: (p) =>
      `${p.file} has no playground metadata (userDefinedMetadata.${p.key}) and no ${p.metaFile} was chosen with it: the playground needs the feature and class names.`,
    ko: (p) =>
      `${p.file}에 플레이그라운드 메타데이터(userDefinedMetadata.${p.key})가 없고 ${p.metaFile}도 함께 고르지 않았습니다. 플레이그라운드에는 특성과 클래스 이름이 필요합니다.`,
  },
  'checkpoint.meta-not-object': {
    en: (p) => `${p.file}: the playground metadata is not an object.`,
    ko: (p) => `${p.file}: 플레이그라운드 메타데이터가 객체가 아닙니다.`,
  },
  'checkpoint.meta-invalid': {
    en: (p, f) => `${p.file}: the playground metadata is invalid: ${inner(p.problem, 'en', f)}.`,
    ko: (p, f) => `${p.file}: 플레이그라운드 메타데이터가 잘못되었습니다: ${inner(p.problem, 'ko', f)}.`,
  },
  'checkpoint.inputs-differ': {
    en: (p) => `${p.file}: the model reads ${p.inputs} inputs, but the metadata names ${p.features} features.`,
    ko: (p) => `${p.file}: 모델의 입력은 ${p.inputs}개인데 메타데이터의 특성은 ${p.features}개입니다.`,
  },
  'checkpoint.classes-differ': {
    en: (p) => `${p.file}: the logits layer has ${p.units} units, but the metadata names ${p.classes} classes.`,
    ko: (p) => `${p.file}: 로짓 층의 유닛은 ${p.units}개인데 메타데이터의 클래스는 ${p.classes}개입니다.`,
  },
  'checkpoint.hidden-differ': {
    en: (p) => `${p.file}: the hidden layers have [${list(p.layers)}] units, but the metadata says [${list(p.meta)}].`,
    ko: (p) => `${p.file}: 은닉층의 유닛은 [${list(p.layers)}]인데 메타데이터에는 [${list(p.meta)}]로 적혀 있습니다.`,
  },
  'checkpoint.activation-differ': {
    en: (p) => `${p.file}: the hidden layer "${p.name}" applies ${p.activation}, but the metadata says ${p.meta}.`,
    ko: (p) => `${p.file}: 은닉층 "${p.name}"의 활성화 함수는 ${p.activation}인데 메타데이터에는 ${p.meta}로 적혀 있습니다.`,
  },
  'checkpoint.parameters-differ': {
    en: (p) => `${p.file}: weightsManifest holds ${p.parameters} parameters, but the metadata says ${p.meta}.`,
    ko: (p) => `${p.file}: weightsManifest의 파라미터는 ${p.parameters}개인데 메타데이터에는 ${p.meta}개로 적혀 있습니다.`,
  },
  'checkpoint.weights-missing': {
    en: (p) => `${p.path} is missing: ${p.file} reads its weights from it. Choose ${p.file} and ${list(p.paths)} together.`,
    ko: (p) => `${p.path}이(가) 없습니다. ${p.file}은(는) 이 파일에서 가중치를 읽습니다. ${p.file}과(와) ${list(p.paths)}을(를) 함께 고르세요.`,
  },
  'checkpoint.weights-size': {
    en: (p) => {
      const what = p.paths.length === 1 ? `${p.paths[0]} is` : `The weight files (${list(p.paths)}) are`;
      const short = p.bytes < p.floats * 4 ? ': the file is cut short' : '';
      return `${what} ${grouped(p.bytes)} bytes, but ${p.file}'s weightsManifest needs ${grouped(p.floats * 4)} (${grouped(p.floats)} float32 values)${short}.`;
    },
    ko: (p) => {
      const short = p.bytes < p.floats * 4 ? ' 파일이 잘렸습니다.' : '';
      return `가중치 파일(${list(p.paths)})은 ${grouped(p.bytes)}바이트인데 ${p.file}의 weightsManifest에는 ${grouped(p.floats * 4)}바이트(float32 값 ${grouped(p.floats)}개)가 필요합니다.${short}`;
    },
  },
  'checkpoint.non-finite': {
    en: (p) => `${list(p.paths)}: the weight "${p.name}" holds ${p.value} at index ${p.index}; a model with NaN or infinite weights cannot predict.`,
    ko: (p) => `${list(p.paths)}: 가중치 "${p.name}"의 ${p.index}번 값이 ${p.value}입니다. NaN이나 무한대 가중치가 있는 모델은 예측할 수 없습니다.`,
  },
  'checkpoint.built-shape': {
    en: (p) => `${p.file}: the built model maps ${p.inputs} inputs to ${p.outputs} outputs, not ${p.features} to ${p.classes}.`,
    ko: (p) => `${p.file}: 만든 모델은 입력 ${p.inputs}개를 출력 ${p.outputs}개로 보내는데, 입력 ${p.features}개와 출력 ${p.classes}개여야 합니다.`,
  },
  'checkpoint.topology-not-object': {
    en: (p) => `${p.file}: modelTopology is not an object.`,
    ko: (p) => `${p.file}: modelTopology가 객체가 아닙니다.`,
  },
  'checkpoint.not-sequential': {
    en: (p) => `${p.file}: the model is a "${p.className}"; the playground imports Sequential stacks of Dense layers.`,
    ko: (p) => `${p.file}: 이 모델은 "${p.className}"입니다. 플레이그라운드는 Dense 층을 쌓은 Sequential 모델만 가져옵니다.`,
  },
  'checkpoint.no-layers': { en: (p) => `${p.file}: modelTopology lists no layers.`, ko: (p) => `${p.file}: modelTopology에 층이 없습니다.` },
  'checkpoint.too-many-layers': {
    en: (p) => `${p.file}: modelTopology has ${p.layers} layers; at most ${p.max} are accepted.`,
    ko: (p) => `${p.file}: modelTopology의 층이 ${p.layers}개입니다. ${p.max}개까지만 받습니다.`,
  },
  'checkpoint.unknown-layer': {
    en: (p) => `${p.file}: ${layerEn(p)} is a "${p.className}" layer; the playground imports only ${list(p.known)} layers.`,
    ko: (p) => `${p.file}: ${layerKo(p)}은(는) "${p.className}" 층입니다. 플레이그라운드는 ${list(p.known)} 층만 가져옵니다.`,
  },
  'checkpoint.layer-no-config': {
    en: (p) => `${p.file}: ${layerEn(p)} has no config or name.`,
    ko: (p) => `${p.file}: ${layerKo(p)}에 config나 name이 없습니다.`,
  },
  'checkpoint.bad-units': {
    en: (p) => `${p.file}: ${layerEn(p)} has "${p.units}" units; expected a whole number from 1 to ${p.max}.`,
    ko: (p) => `${p.file}: ${layerKo(p)}의 유닛 수가 "${p.units}"입니다. 1부터 ${p.max}까지의 정수여야 합니다.`,
  },
  'checkpoint.no-input-shape': {
    en: (p) => `${p.file}: the first layer declares no input shape [null, features].`,
    ko: (p) => `${p.file}: 첫 층에 입력 모양 [null, features]이 없습니다.`,
  },
  'checkpoint.bad-activation': {
    en: (p) => `${p.file}: ${layerEn(p)} has the activation "${p.activation}", which the playground does not run.`,
    ko: (p) => `${p.file}: ${layerKo(p)}의 활성화 함수 "${p.activation}"은(는) 플레이그라운드에서 실행할 수 없습니다.`,
  },
  'checkpoint.no-dense': { en: (p) => `${p.file}: the model has no Dense layer.`, ko: (p) => `${p.file}: 모델에 Dense 층이 없습니다.` },
  'checkpoint.logits-activation': {
    en: (p) => `${p.file}: the last Dense layer ("${p.name}") applies "${p.activation}"; the playground reads logits, so it must be linear.`,
    ko: (p) => `${p.file}: 마지막 Dense 층("${p.name}")이 "${p.activation}"을(를) 적용합니다. 플레이그라운드는 로짓을 읽으므로 linear여야 합니다.`,
  },
  'checkpoint.unknown-tensor': {
    en: (p) => `${p.file}: weightsManifest has the tensor "${p.name}", which no Dense layer of modelTopology has.`,
    ko: (p) => `${p.file}: weightsManifest의 텐서 "${p.name}"은(는) modelTopology의 어느 Dense 층에도 없습니다.`,
  },
  'checkpoint.tensor-twice': {
    en: (p) => `${p.file}: weightsManifest lists "${p.name}" twice.`,
    ko: (p) => `${p.file}: weightsManifest에 "${p.name}"이(가) 두 번 있습니다.`,
  },
  'checkpoint.not-float32': {
    en: (p) => `${p.file}: "${p.name}" is ${p.quantized ? 'quantized' : `"${p.dtype}"`}; the playground imports float32 weights.`,
    ko: (p) => `${p.file}: "${p.name}"은(는) ${p.quantized ? '양자화되어 있습니다' : `"${p.dtype}"입니다`}. 플레이그라운드는 float32 가중치만 가져옵니다.`,
  },
  'checkpoint.manifest-shape': {
    en: (p) => `${p.file}: weightsManifest gives "${p.name}" the shape ${p.shape}, but the layers make it ${shape(p.expected)}.`,
    ko: (p) => `${p.file}: weightsManifest에는 "${p.name}"의 모양이 ${p.shape}인데, 층 구성으로는 ${shape(p.expected)}입니다.`,
  },
  'checkpoint.manifest-lacks': {
    en: (p) => `${p.file}: weightsManifest lacks "${p.name}" ${shape(p.shape)}.`,
    ko: (p) => `${p.file}: weightsManifest에 "${p.name}" ${shape(p.shape)}이(가) 없습니다.`,
  },
  'checkpoint.task-differs': {
    en: (p) =>
      `${p.file !== '' ? `${p.file}: ` : ''}this model (trained on ${p.dataset}) ${predictsEn(p.model, p.target, p.classes)}, but the loaded data set ${p.loaded} ${p.data === 'regression' ? `has a number to predict ("${p.target}")` : 'has classes to predict'}. A ${p.model === 'regression' ? 'regression' : 'classification'} model fits only ${p.model === 'regression' ? 'regression' : 'classification'} data: load the data set it was trained on, with the same label column.`,
    ko: (p) =>
      `${p.file !== '' ? `${p.file}: ` : ''}이 모델(${p.dataset}(으)로 학습)은 ${predictsKo(p.model, p.target, p.classes)}. 그런데 불러온 데이터 세트 ${p.loaded}은(는) ${p.data === 'regression' ? `숫자("${p.target}")를 예측하는 데이터입니다` : '클래스를 예측하는 데이터입니다'}. ${p.model === 'regression' ? '회귀' : '분류'} 모델은 ${p.model === 'regression' ? '회귀' : '분류'} 데이터에만 쓸 수 있습니다. 학습에 쓴 데이터 세트를 같은 레이블 열로 불러오세요.`,
  },
  'checkpoint.broken-import': {
    en: (p) => `Could not import ${p.files.join(', ')}: the files are broken or do not belong together (${p.detail}). Export the model again and import its model.json and weights.bin together.`,
    ko: (p) => `${p.files.join(', ')} 파일을 가져오지 못했습니다. 파일이 깨졌거나 서로 짝이 맞지 않습니다(${p.detail}). 모델을 다시 내보낸 뒤 model.json과 weights.bin을 함께 가져오세요.`,
  },
};
