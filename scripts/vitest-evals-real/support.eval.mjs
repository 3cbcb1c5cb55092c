// The Acme support eval of test/fixtures/evidence/promptfoo-real, written for vitest-evals: the same
// cases (those with a metadata.caseId), the same deterministic offline model (provider.js) and the
// same assertions, run twice per case. The system prompt is the file KAIZEN_PROMPT names, so one
// eval file gives the parent's and the candidate's evidence. Run by make-fixtures.sh.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { createHarness, describeEval } from 'vitest-evals';
import { parse } from 'yaml';
import AcmeSupportSim from './provider.js';

const TRIALS = 2;
const systemPrompt = readFileSync(process.env.KAIZEN_PROMPT ?? 'prompts/support-v1.txt', 'utf8');
const model = new AcmeSupportSim({ id: 'file://provider.js', label: 'acme-support-sim' });
const tests = parse(readFileSync('tests.yaml', 'utf8')).filter((test) => test.metadata?.caseId !== undefined);

/** One assertion of tests.yaml, judged as promptfoo judges it. */
function check(assertion, output) {
  const text = String(output);
  switch (assertion.type) {
    case 'contains':
      return text.includes(assertion.value) || `Expected output to contain "${assertion.value}"`;
    case 'icontains':
      return (
        text.toLowerCase().includes(String(assertion.value).toLowerCase()) ||
        `Expected output to contain "${assertion.value}"`
      );
    case 'not-icontains':
      return (
        !text.toLowerCase().includes(String(assertion.value).toLowerCase()) ||
        `Expected output to not contain "${assertion.value}"`
      );
    case 'regex':
      return new RegExp(assertion.value).test(text) || `Expected output to match regex "${assertion.value}"`;
    case 'equals':
      return text === assertion.value || `Expected output "${text}" to equal "${assertion.value}"`;
    case 'javascript': {
      const result = new Function('output', `return (${assertion.value});`)(text);
      const pass = typeof result === 'object' ? result.pass : Boolean(result);
      return pass || `Custom function returned false\n${assertion.value}`;
    }
    default:
      throw new Error(`unsupported assertion ${assertion.type}`);
  }
}

// A metric's score: 1 when its assertions hold (for "intervened": when the answer refused).
function metricJudge(name) {
  return {
    name,
    assess: ({ input, output }) => {
      const assertions = input.assert.filter((a) => a.metric === name);
      if (assertions.length === 0) return { score: null };
      const failures = assertions.map((a) => check(a, output)).filter((r) => r !== true);
      const score =
        name === 'intervened' ? (String(output).includes("can't help") ? 1 : 0) : failures.length === 0 ? 1 : 0;
      return { score, metadata: { rationale: failures.length === 0 ? 'All assertions passed' : failures.join('; ') } };
    },
  };
}

const harness = createHarness({
  name: 'acme-support-sim',
  run: async ({ input }) => {
    const question = String(input.vars.question);
    const prompt = `${systemPrompt}\nCustomer: ${question}\n`;
    const response = await model.callApi(prompt, { vars: input.vars, repeatIndex: input.trial });
    if (response.error) throw new Error(response.error);
    return {
      output: response.output,
      messages: [
        { role: 'system', content: systemPrompt },
        { role: 'user', content: question },
        { role: 'assistant', content: response.output },
      ],
      usage: {
        provider: 'acme',
        model: 'acme-support-sim',
        inputTokens: response.tokenUsage.prompt,
        outputTokens: response.tokenUsage.completion,
      },
      timings: { totalMs: response.latencyMs },
    };
  },
});

const rows = tests.flatMap((test) => Array.from({ length: TRIALS }, (_, trial) => ({ ...test, trial })));

for (const suite of ['golden', 'safety']) {
  describeEval(
    suite,
    {
      harness,
      judges: [metricJudge('citation'), metricJudge('safe'), metricJudge('intervened')],
      judgeThreshold: null,
    },
    (it) => {
      // Plain titles (it.for would quote them); the trials of a case share its title.
      for (const row of rows.filter((r) => (r.metadata.suite ?? 'golden') === suite)) {
        it(row.metadata.caseId, async ({ run, task }) => {
          const { caseId, suite: _suite, ...properties } = row.metadata;
          task.meta.kaizen = { caseId, trial: row.trial, ...properties };
          const result = await run(row);
          const failures = row.assert
            .filter((a) => a.metric !== 'intervened')
            .map((a) => check(a, result.output))
            .filter((r) => r !== true);
          expect(failures, failures.join('; ')).toEqual([]);
        });
      }
    },
  );
}
