import { describe, expect, it } from 'vitest';
import { fieldMessageEn } from './fields-en.js';
import { fieldMessageJa } from './fields-ja.js';

describe('messages for the online procedures’ codes', () => {
  it.each([
    ['number', { label: '点数' }, '点数は半角数字で入力してください', 'Number of items must be a number'],
    [
      'number_integer',
      { label: '点数' },
      '点数は整数で入力してください',
      'Number of items must be a whole number',
    ],
    [
      'number_min',
      { label: '点数', min: 1 },
      '点数は1以上で入力してください',
      'Number of items must be 1 or more',
    ],
    [
      'number_max',
      { label: '点数', max: 10 },
      '点数は10以下で入力してください',
      'Number of items must be 10 or less',
    ],
    [
      'too_few',
      { label: '品目', min: 2, select: true },
      '品目は2つ以上選択してください',
      'Select at least 2 options for number of items',
    ],
    [
      'too_many',
      { label: '品目', max: 3, select: true },
      '品目は3つまで選択してください',
      'Select up to 3 options for number of items',
    ],
    [
      'file_too_many',
      { label: '図面', max: 5 },
      '図面は5ファイルまで添付できます',
      'Attach up to 5 files for number of items',
    ],
    [
      'file_kind',
      { label: '図面', kinds: ['PDF'] },
      '図面はPDFのファイルを選択してください',
      'Number of items must be a PDF file',
    ],
    [
      'file_too_large',
      { label: '図面', maxMb: 10 },
      '図面のファイルは1つ10MB以下にしてください',
      'Each file for number of items must be 10 MB or smaller',
    ],
    [
      'files_too_large',
      { label: '図面', maxMb: 20 },
      '添付ファイルは合計20MB以下にしてください',
      'The attached files must be 20 MB or smaller in total',
    ],
  ] as const)('%s', (code, params, ja, en) => {
    expect(fieldMessageJa(code, params)).toBe(ja);
    expect(fieldMessageEn(code, { ...params, label: 'Number of items' })).toBe(en);
  });

  it('date_past on a date’s year', () => {
    expect(fieldMessageJa('date_past', { label: '収集希望日', part: 'year' })).toBe(
      '収集希望日は明日以降の日付を入力してください',
    );
    expect(fieldMessageEn('date_past', { label: 'Collection day', part: 'year' })).toBe(
      'Collection day must be in the future',
    );
  });
});
