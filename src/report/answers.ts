// What changed in the answers of a regressed case: the parent's and the candidate's output and the
// grader's reason, one trial per side, cut to a size a report can carry. Pure.
import type { CaseOutcome, PairedCase } from '../evidence/pair.ts';
import { type EvidenceRecord, formatSource } from '../evidence/record.ts';
import type { CaseAnswers, Excerpt, SideAnswer } from './model.ts';

/** Code points of each text the report keeps; the Markdown shows them all, the terminal a line. */
export const EXCERPT_LENGTH = { input: 600, output: 1200, reason: 600 } as const;

/**
 * The answers of both sides to one case, or undefined when neither side's evidence carries text.
 * Each side shows one trial: the candidate its worst (lowest pass, or score under the score
 * metric), the parent its best, the lowest trial number on ties — the contrast that explains the
 * regression. The input is the candidate's trial's, else the parent's.
 */
export function describeAnswers(pair: PairedCase, metric: 'pass' | 'score'): CaseAnswers | undefined {
  const parent = pickTrial(pair.parent, metric, 'best');
  const candidate = pickTrial(pair.candidate, metric, 'worst');
  if (parent === undefined && candidate === undefined) return undefined;
  const input = candidate?.input ?? parent?.input;
  return {
    ...(input === undefined ? {} : { input: excerpt(input, EXCERPT_LENGTH.input) }),
    ...(parent === undefined ? {} : { parent: sideAnswer(parent, pair.parent) }),
    ...(candidate === undefined ? {} : { candidate: sideAnswer(candidate, pair.candidate) }),
  };
}

/** `text` cut to at most `max` code points (never inside a surrogate pair), with the length of the whole. */
export function excerpt(text: string, max: number): Excerpt {
  // Only a string longer than `max` UTF-16 units can be longer than `max` code points.
  if (text.length <= max) return { text, length: Array.from(text).length };
  const points = Array.from(text);
  return { text: points.length <= max ? text : points.slice(0, max).join(''), length: points.length };
}

function pickTrial(outcome: CaseOutcome, metric: 'pass' | 'score', want: 'best' | 'worst'): EvidenceRecord | undefined {
  let chosen: EvidenceRecord | undefined;
  let chosenValue = 0;
  for (const trial of outcome.answered ?? []) {
    const value = metric === 'score' ? (trial.score ?? Number(trial.pass)) : Number(trial.pass);
    const better = want === 'best' ? value > chosenValue : value < chosenValue;
    if (chosen === undefined || better || (value === chosenValue && trial.trial < chosen.trial)) {
      chosen = trial;
      chosenValue = value;
    }
  }
  return chosen;
}

function sideAnswer(trial: EvidenceRecord, outcome: CaseOutcome): SideAnswer {
  return {
    trial: trial.trial,
    trials: outcome.trials,
    pass: trial.pass,
    ...(trial.score === undefined ? {} : { score: trial.score }),
    ...(trial.output === undefined ? {} : { output: excerpt(trial.output, EXCERPT_LENGTH.output) }),
    ...(trial.reason === undefined ? {} : { reason: excerpt(trial.reason, EXCERPT_LENGTH.reason) }),
    source: formatSource(trial.source),
  };
}
