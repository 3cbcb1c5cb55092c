import { describe, expect, it } from 'vitest';
import { closestName, didYouMean } from '../src/suggest.ts';

describe('closestName: the one did-you-mean', () => {
  it.each([
    ['scroe', ['score', 'pass'], 'score'],
    ['pakage_id', ['package_id', 'case_id'], 'package_id'],
    ['Score', ['score'], 'score'],
    ['parent-evidenc', ['parent-evidence', 'candidate-evidence'], 'parent-evidence'],
    ['id', ['x', 'ids'], 'ids'],
    ['zz', ['score', 'pass'], undefined],
    ['categorie', ['category', 'critical'], 'category'],
    ['tokens_in', ['tokens', 'trial'], 'tokens'],
  ])('%s among %j → %s', (name, known, expected) => {
    expect(closestName(name, known)).toBe(expected);
  });

  it('formats the hint, or nothing', () => {
    expect(didYouMean('scroe', ['score'])).toBe(' (did you mean "score"?)');
    expect(didYouMean('flag', ['flags'], (f) => `--${f}`)).toBe(' (did you mean --flags?)');
    expect(didYouMean('qqqq', ['score'])).toBe('');
  });
});
