import { describe, expect, it } from 'vitest';
import { createChunkDecoder, decodeInChunks } from '../../src/ml/csv/decode';
import { binaryReason, decodesCp949Extension, detectEncoding, isValidUtf8, scoreKorean } from '../../src/ml/csv/sniff';
import { readTable } from '../../src/ml/csv/readTable';
import type { CsvEncoding } from '../../src/ml/csv/types';
import { english } from './words';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: (number[] | Uint8Array)[]) => Uint8Array.from(parts.flatMap((p) => Array.from(p)));
const comma = [0x2c];
const newline = [0x0a];

/** UTF-16 with a BOM, built by hand (TextEncoder only writes UTF-8). */
function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const out = [order === 'le' ? 0xff : 0xfe, order === 'le' ? 0xfe : 0xff];
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    out.push(...(order === 'le' ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff]));
  }
  return Uint8Array.from(out);
}

// EUC-KR (KS X 1001) bytes, hard-coded: Node has no EUC-KR encoder. The first test checks them.
const KO = {
  petalLength: [0xb2, 0xc9, 0xc0, 0xd9, 0x20, 0xb1, 0xe6, 0xc0, 0xcc], // 꽃잎 길이
  sepalWidth: [0xb2, 0xc9, 0xb9, 0xde, 0xc4, 0xa7, 0x20, 0xb3, 0xca, 0xba, 0xf1], // 꽃받침 너비
  species: [0xc7, 0xb0, 0xc1, 0xbe], // 품종
  iris: [0xba, 0xce, 0xc3, 0xa4, 0xba, 0xd7, 0xb2, 0xc9], // 부채붓꽃
};
const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

/** A small Korean CSV in EUC-KR: 꽃잎 길이,꽃받침 너비,품종 then rows of two numbers and a class. */
const eucKrCsv = bytes(
  KO.petalLength, comma, KO.sepalWidth, comma, KO.species, newline,
  ascii('1.4,3.5,'), KO.iris, newline,
  ascii('4.7,3.2,setosa'), newline,
  ascii('1.3,3.0,'), KO.iris, newline,
  ascii('5.1,2.9,setosa'), newline,
);

describe('hard-coded EUC-KR bytes', () => {
  it.each([
    ['petalLength', '꽃잎 길이'],
    ['sepalWidth', '꽃받침 너비'],
    ['species', '품종'],
    ['iris', '부채붓꽃'],
  ] as const)('%s decodes to %s', (key, text) => {
    expect(new TextDecoder('euc-kr').decode(Uint8Array.from(KO[key]))).toBe(text);
  });
});

describe('encoding detection', () => {
  it.each<[string, Uint8Array, CsvEncoding]>([
    ['plain ASCII', utf8('a,b\n1,2\n'), 'utf-8'],
    ['UTF-8 Korean', utf8('꽃잎 길이,품종\n1,부채붓꽃\n'), 'utf-8'],
    ['UTF-8 with BOM', bytes([0xef, 0xbb, 0xbf], utf8('a,b\n')), 'utf-8'],
    ['UTF-16 LE with BOM', utf16('꽃,b\n1,2\n', 'le'), 'utf-16le'],
    ['UTF-16 BE with BOM', utf16('꽃,b\n1,2\n', 'be'), 'utf-16be'],
    ['UTF-16 LE without BOM', utf16('name,class\n1,2\n', 'le').subarray(2), 'utf-16le'],
    ['EUC-KR Korean CSV', eucKrCsv, 'euc-kr'],
    ['Windows-1252 French', bytes(ascii('caf'), [0xe9], ascii(',cr'), [0xe8], ascii('me\n1,2\n')), 'windows-1252'],
    ['Windows-1252 euro and umlaut', bytes([0x80], ascii(' price,M'), [0xfc], ascii('ller\n')), 'windows-1252'],
    ['UTF-8 cut mid-character is not UTF-8', bytes(utf8('ab,'), [0xea, 0xbd]), 'windows-1252'],
  ])('%s -> %s', (_, input, encoding) => {
    expect(detectEncoding(input).encoding).toBe(encoding);
  });

  it('scores EUC-KR Hangul pairs and CP949 extension pairs', () => {
    expect(scoreKorean(Uint8Array.from(KO.petalLength))).toEqual({ pairs: 4, hangul: 4, extended: 0, invalid: 0 });
    // 똠 is 0x8C 0x63 in CP949 (UHC extension); é followed by a comma is no CP949 pair.
    expect(scoreKorean(Uint8Array.from([0x8c, 0x63]))).toMatchObject({ pairs: 1, extended: 1, invalid: 0 });
    expect(scoreKorean(Uint8Array.from([0xe9, 0x2c]))).toMatchObject({ pairs: 0, invalid: 1 });
  });

  it.each([
    [[0xc0, 0xaf], false], // overlong
    [[0xed, 0xa0, 0x80], false], // surrogate
    [[0xf4, 0x90, 0x80, 0x80], false], // above U+10FFFF
    [[0xf0, 0x9f, 0x8c, 0xb8], true], // 🌸
    [[0xea, 0xbd, 0x83], true], // 꽃
  ])('isValidUtf8(%j) is %s', (input, valid) => {
    expect(isValidUtf8(Uint8Array.from(input))).toBe(valid);
  });

  it('Korean headers and labels survive an EUC-KR file intact', () => {
    const table = readTable(eucKrCsv, 'iris-ko.csv');
    expect(table.ok).toBe(true);
    if (!table.ok) return;
    expect(table.value.encoding).toBe('euc-kr');
    expect(table.value.columns).toEqual(['꽃잎 길이', '꽃받침 너비', '품종']);
    expect(table.value.rows.map((r) => r[2])).toEqual(['부채붓꽃', 'setosa', '부채붓꽃', 'setosa']);
  });

  it.each<[string, Uint8Array, string]>([
    ['UTF-16 LE', utf16('꽃잎,품종\n1,부채붓꽃\n2,x\n', 'le'), '꽃잎'],
    ['UTF-16 BE', utf16('꽃잎,품종\n1,부채붓꽃\n2,x\n', 'be'), '꽃잎'],
    ['UTF-8 BOM', bytes([0xef, 0xbb, 0xbf], utf8('꽃잎,품종\n1,부채붓꽃\n2,x\n')), '꽃잎'],
  ])('reads %s with the BOM removed from the first name', (_, input, first) => {
    const table = readTable(input, 'f.csv');
    expect(table.ok && table.value.columns[0]).toBe(first);
  });

  it('an encoding option overrides detection, and bad bytes are counted in a warning', () => {
    const forced = readTable(eucKrCsv, 'iris-ko.csv', { encoding: 'utf-8' });
    expect(forced.ok).toBe(true);
    if (!forced.ok) return;
    expect(forced.value.encoding).toBe('utf-8');
    expect(english(forced.value.warnings[0])).toMatch(/bytes of iris-ko\.csv are not valid utf-8 .* on lines? [\d, ]+.*choose another encoding/);
    const latin = readTable(eucKrCsv, 'iris-ko.csv', { encoding: 'windows-1252' });
    expect(latin.ok && latin.value.columns[0]).toBe('²ÉÀÙ ±æÀÌ');
  });

  it('knows whether this runtime decodes CP949 extension characters (Node: no; browsers: yes)', () => {
    expect(typeof decodesCp949Extension()).toBe('boolean');
  });
});

describe('binary files renamed .csv', () => {
  it.each<[string, number[], RegExp]>([
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], /PNG image/],
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0, 0, 0x10], /JPEG image/],
    ['ZIP / xlsx', [0x50, 0x4b, 0x03, 0x04, 0x14, 0], /ZIP archive.*xlsx/],
    ['PDF', ascii('%PDF-1.7\n'), /PDF document/],
    ['NUL bytes', [0x61, 0x2c, 0x62, 0x0a, 0, 0, 0, 0x31], /NUL bytes/],
    ['control bytes', [...ascii('a,b\n'), 1, 2, 3, 4, 5, 6, 7, 8], /control bytes/],
  ])('%s is refused with a reason', (_, input, reason) => {
    expect(english(binaryReason(Uint8Array.from(input), 'photo.csv'))).toMatch(reason);
    const table = readTable(Uint8Array.from(input), 'photo.csv');
    expect(table.ok).toBe(false);
    if (!table.ok) expect(english(table.reason)).toMatch(/^photo\.csv .*Choose a \.csv or \.txt file\.$/);
  });
});

describe('chunked decoding', () => {
  const cases: [string, Uint8Array, CsvEncoding][] = [
    ['UTF-8', utf8('꽃잎 길이,품종\n1.4,부채붓꽃 🌸\n'), 'utf-8'],
    ['EUC-KR', eucKrCsv, 'euc-kr'],
    ['UTF-16 LE', utf16('꽃잎,품종\n1,부채붓꽃\n', 'le'), 'utf-16le'],
  ];

  it.each(cases)('%s split in two at every byte offset decodes identically', (_, input, encoding) => {
    const whole = new TextDecoder(encoding).decode(input);
    for (let cut = 0; cut <= input.length; cut++) {
      const decoder = createChunkDecoder(encoding);
      const text = decoder.push(input.subarray(0, cut)) + decoder.push(input.subarray(cut)) + decoder.end();
      expect(text, `cut at byte ${cut}`).toBe(whole);
      expect(decoder.replaced).toBe(0);
    }
  });

  it.each(cases)('%s in chunks of every size from 1 byte decodes identically', (_, input, encoding) => {
    const whole = new TextDecoder(encoding).decode(input);
    for (let size = 1; size <= input.length; size++) expect(decodeInChunks(input, encoding, size)).toBe(whole);
  });

  it.each(cases)('%s read by readTable in chunks of every size gives the same table', (_, input) => {
    const whole = readTable(input, 'f.csv');
    expect(whole.ok).toBe(true);
    for (let size = 1; size <= input.length; size += 1) {
      const chunked = readTable(input, 'f.csv', { chunkBytes: size });
      expect(chunked.ok && chunked.value.rows, `chunks of ${size}`).toEqual(whole.ok && whole.value.rows);
      expect(chunked.ok && chunked.value.columns).toEqual(whole.ok && whole.value.columns);
    }
  });

  it('reports progress after every chunk, ending at the file size', () => {
    const input = utf8('a,b\n' + '1,x\n2,y\n'.repeat(100));
    const seen: number[] = [];
    readTable(input, 'f.csv', { chunkBytes: 100, onProgress: (p) => seen.push(p.bytesRead) });
    expect(seen.length).toBe(Math.ceil(input.length / 100));
    expect(seen[seen.length - 1]).toBe(input.length);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });
});
