import { describe, expect, it } from 'vitest';
import { readFactorTable } from '../../../src/data/tables/index.js';
import { formatDay } from '../../../src/util/dayNumber.js';
import { dataError, fixture } from './helpers.js';

const read = (text: string, percent?: 'auto' | boolean) => readFactorTable(text, { file: 'f.csv', percent });

describe('readFactorTable', () => {
  it('Ken French famafrench.csv: YYYYMMDD, padded cells, percent detected', () => {
    const t = readFactorTable(fixture('famafrench.csv'), { file: 'famafrench.csv', percent: 'auto' });
    expect(t.days.length).toBe(30);
    expect(formatDay(t.days[0])).toBe('1926-07-01');
    expect(t.dateFormat).toBe('YYYYMMDD');
    expect(t.percentDetected).toBe(true);
    expect(t.percentSource).toBe('auto');
    expect(t.mktRf[0]).toBeCloseTo(0.001, 15);
    expect(t.smb[0]).toBeCloseTo(-0.0024, 15);
    expect(t.hml[0]).toBeCloseTo(-0.0028, 15);
    expect(t.rf![0]).toBeCloseTo(0.00009, 15);
    expect(t.mom).toBeNull();
    expect(t.columnNames).toEqual({ mktRf: 'Mkt-RF', smb: 'SMB', hml: 'HML', mom: null, rf: 'RF' });
  });

  it('decimal files stay as they are; the caller can override auto', () => {
    const text = 'date,mkt_rf,smb,hml,rf\n2012-01-02,0.0067,-0.0016,-0.0055,0.0001\n2012-01-03,0.0049,0.0070,-0.0044,0.0001\n';
    const t = read(text);
    expect(t.percentDetected).toBe(false);
    expect(t.mktRf[0]).toBe(0.0067);
    const forced = read(text, true);
    expect(forced.percentDetected).toBe(true);
    expect(forced.percentSource).toBe('option');
    expect(forced.mktRf[0]).toBeCloseTo(0.000067, 15);
    expect(read(fixture('famafrench.csv'), false).mktRf[0]).toBe(0.1);
  });

  it('the auto rule is the median |Mkt-RF| against 0.05', () => {
    expect(read('date,MKT,SMB,HML\n20200102,0.04,1,1\n20200103,-0.06,1,1\n20200106,0.049,1,1\n').percentDetected).toBe(false);
    expect(read('date,MKT,SMB,HML\n20200102,0.04,1,1\n20200103,-0.06,1,1\n20200106,0.051,1,1\n').percentDetected).toBe(true);
  });

  it('recognises Carhart momentum under MOM / UMD / WML, case-insensitively', () => {
    for (const mom of ['MOM', 'umd', 'Wml']) {
      const t = read(`Date,mkt-rf,smb,hml,${mom},rf\n2020-01-02,0.01,0.02,0.03,0.04,0.0001\n`, false);
      expect(t.mom![0]).toBe(0.04);
      expect(t.columnNames.mom).toBe(mom);
    }
  });

  it('reads the raw Ken French download: preamble, nameless date column, annual trailer', () => {
    const raw = [
      'This file was created by CMPT_ME_BEME_RETS using the 202309 CRSP database.',
      'The 1-month TBill return is from Ibbotson and Associates, Inc.',
      '',
      ',Mkt-RF,SMB,HML,RF',
      '19260701,    0.10,   -0.24,   -0.28,   0.009',
      '19260702,    0.45,   -0.32,   -0.08,   0.009',
      '',
      ' Annual Factors: January-December ',
      ',Mkt-RF,SMB,HML,RF',
      '1927,   29.47,   -2.46,   -3.75,    3.12',
      '',
      'Copyright 2023 Kenneth R. French',
    ].join('\r\n');
    const t = read(raw);
    expect(t.days.length).toBe(2);
    expect(t.percentDetected).toBe(true);
    expect(t.warnings.map((w) => w.code)).toEqual(['preamble-skipped', 'trailer-skipped']);
    expect(t.warnings[1].location.line).toBe(8);
  });

  it('missing factors: error at the header listing what it has', () => {
    const e = dataError(() => read('date,Mkt-RF,SMB,RF\n20200102,1,2,3\n'), { file: 'f.csv', line: 1, field: 'HML' }, /needs Mkt-RF, SMB and HML/);
    expect(e.message).toContain('"date", "Mkt-RF", "SMB", "RF"');
    dataError(() => read('date,a,b\n20200102,1,2\n'), { file: 'f.csv', line: 1, field: 'Mkt-RF' }, /no market factor column/);
    // Without a date column the first column is taken as the date, so Mkt-RF is missing.
    dataError(() => read('Mkt-RF,SMB,HML\n20200102,1,2\n'), { file: 'f.csv', line: 1, field: 'Mkt-RF' }, /needs Mkt-RF, SMB and HML/);
  });

  it('value errors name file, line, column and value', () => {
    dataError(() => read('date,Mkt-RF,SMB,HML\n20200102,0.1,x,0.3\n'), { file: 'f.csv', line: 2, field: 'SMB', value: 'x' }, /not a number/);
    dataError(() => read('date,Mkt-RF,SMB,HML\n20200102,NA,1,2\n'), { line: 1, field: 'Mkt-RF' }, /no values/);
  });

  it('notes columns it does not use (Fama-French 5)', () => {
    const t = read('date,Mkt-RF,SMB,HML,RMW,CMA,RF\n20200102,0.1,0.2,0.3,0.4,0.5,0.01\n');
    expect(t.warnings).toMatchObject([{ code: 'columns-ignored', message: expect.stringContaining('"RMW", "CMA"') }]);
  });
});
