import { describe, expect, it } from 'vitest';
import { parseJsonlEvidence } from '../../src/evidence/jsonl.ts';
import { pairEvidence } from '../../src/evidence/pair.ts';
import { describeAnswers, excerpt } from '../../src/report/answers.ts';

const line = (packageId: string, trial: number, fields: Record<string, unknown>): string =>
  JSON.stringify({ package_id: packageId, suite: 'golden', case_id: 'c1', category: 'refunds', trial, ...fields });

/** One case, paired from JSONL lines the way a check reads them. */
function pairOf(parent: readonly string[], candidate: readonly string[]) {
  const p = parseJsonlEvidence(parent.join('\n'), 'parent.jsonl');
  const c = parseJsonlEvidence(candidate.join('\n'), 'candidate.jsonl');
  expect([...p.problems, ...c.problems]).toEqual([]);
  const { paired, problems } = pairEvidence(p.records, c.records);
  expect(problems).toEqual([]);
  return paired.cases[0]!;
}

describe('describeAnswers', () => {
  it('shows the candidate’s worst trial and the parent’s best, the lowest trial number on ties, and says which', () => {
    const pair = pairOf(
      [
        line('p', 0, { pass: false, output: 'p0', reason: 'missed' }),
        line('p', 1, { pass: true, output: 'p1', reason: 'ok' }),
        line('p', 2, { pass: true, output: 'p2' }),
      ],
      [
        line('c', 0, { pass: true, input: 'Where is my refund?', output: 'c0' }),
        line('c', 1, { pass: false, input: 'Where is my refund?', output: 'c1', reason: 'no refund mentioned' }),
        line('c', 2, { pass: false, output: 'c2' }),
      ],
    );
    expect(describeAnswers(pair, 'pass')).toEqual({
      input: { text: 'Where is my refund?', length: 19 },
      parent: {
        trial: 1,
        trials: 3,
        pass: true,
        output: { text: 'p1', length: 2 },
        reason: { text: 'ok', length: 2 },
        source: 'parent.jsonl:2',
      },
      candidate: {
        trial: 1,
        trials: 3,
        pass: false,
        output: { text: 'c1', length: 2 },
        reason: { text: 'no refund mentioned', length: 19 },
        source: 'candidate.jsonl:2',
      },
    });
  });

  it('ranks trials by score under the score metric', () => {
    const pair = pairOf(
      [
        line('p', 0, { pass: true, score: 0.7, output: 'good' }),
        line('p', 1, { pass: true, score: 0.9, output: 'better' }),
      ],
      [
        line('c', 0, { pass: true, score: 0.6, output: 'fair' }),
        line('c', 1, { pass: true, score: 0.2, output: 'poor' }),
      ],
    );
    const answers = describeAnswers(pair, 'score');
    expect([answers?.parent?.output?.text, answers?.candidate?.output?.text]).toEqual(['better', 'poor']);
    expect(describeAnswers(pair, 'pass')?.candidate?.output?.text).toBe('fair');
  });

  it('takes the input from the parent when the candidate has none, and is undefined without any text', () => {
    const pair = pairOf([line('p', 0, { pass: true, input: 'asked' })], [line('c', 0, { pass: false, output: '' })]);
    expect(describeAnswers(pair, 'pass')).toEqual({
      input: { text: 'asked', length: 5 },
      parent: { trial: 0, trials: 1, pass: true, source: 'parent.jsonl:1' },
      candidate: { trial: 0, trials: 1, pass: false, output: { text: '', length: 0 }, source: 'candidate.jsonl:1' },
    });
    expect(
      describeAnswers(pairOf([line('p', 0, { pass: true })], [line('c', 0, { pass: false })]), 'pass'),
    ).toBeUndefined();
  });

  it('cuts a 100,000-character output to 1,200 characters, never inside a character, and keeps the length', () => {
    const output = '😀'.repeat(100_000);
    const pair = pairOf([line('p', 0, { pass: true })], [line('c', 0, { pass: false, output })]);
    const shown = describeAnswers(pair, 'pass')?.candidate?.output;
    expect(shown).toEqual({ text: '😀'.repeat(1_200), length: 100_000 });
    expect(excerpt('a😀b', 2)).toEqual({ text: 'a😀', length: 3 });
    expect(excerpt('ab', 2)).toEqual({ text: 'ab', length: 2 });
  });
});
