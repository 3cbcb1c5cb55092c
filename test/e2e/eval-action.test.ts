// The bundled Action running the eval itself: a repository set up by `kaizen-gate init`, gated with
// only the workflow's inputs (eval-command, signing-key), merged (record mode stores the evidence),
// and gated again with the stored parent evidence reused from origin (test/e2e/scenarios.ts,
// evalScenario). One scenario, three Action runs in sequence.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { actionBundle, type ActionBundle } from './bundle.ts';
import { recentTranscripts, stopRunningActions } from './run-action.ts';
import { evalScenario, scenarioKit, type ScenarioKit } from './scenarios.ts';

vi.setConfig({ testTimeout: 600_000 });

let bundle: ActionBundle;
let kit: ScenarioKit;
let scenario: ReturnType<typeof evalScenario>;

beforeAll(() => {
  bundle = actionBundle();
  kit = scenarioKit(bundle.path);
  scenario = evalScenario(kit);
  scenario.catch(() => {});
}, 600_000);

afterEach(({ task }) => {
  if (task.result?.state === 'fail') console.error(`The last Action runs printed:\n${recentTranscripts()}`);
});

afterAll(async () => {
  await Promise.allSettled([scenario]);
  stopRunningActions();
  await kit?.cleanup();
  bundle?.cleanup();
});

describe('eval-command, set up by kaizen-gate init', () => {
  it('init writes a manifest validate accepts and a workflow whose only evidence input is eval-command', async () => {
    const { project } = await scenario;
    expect(project.validateCode, project.initOutput).toBe(0);
    expect(Object.keys(project.stepInputs).toSorted()).toEqual(['eval-command', 'signing-key']);
    expect(project.stepInputs['eval-command']).toMatch(
      /^npx --yes promptfoo eval -c promptfooconfig\.yaml -o "\$KAIZEN_GATE_OUTPUT"/,
    );
  });

  it('gates a pull request end to end: both sides run in worktrees of their commits, bound and signed', async () => {
    const { first, firstReport, pr1 } = await scenario;
    expect(first.stderr).toBe('');
    expect(firstReport.signature.status).toBe('signed');
    const pkg = firstReport.packages[0]!;
    expect(pkg.package_id).toBe('acme-support-r2');
    expect(pkg.evidence.eval?.parent).toMatchObject({
      status: 'ran',
      package_id: 'acme-support-r1',
      commit: pr1.base,
      evidence: 'kaizen-gate-report/eval/acme-support-r2/parent.json',
    });
    expect(pkg.evidence.eval?.candidate).toMatchObject({
      status: 'ran',
      package_id: 'acme-support-r2',
      commit: pr1.merge,
    });
    expect(pkg.evidence.binding?.parent.status).toBe('bound');
    expect(pkg.evidence.binding?.candidate.status).toBe('bound');
    expect(first.stdout).toContain('kaizen-gate eval: acme-support-r2 parent started (package acme-support-r1');
    // Each run's log is in the job log, in a collapsed group.
    expect(first.stdout).toContain('::group::eval log: acme-support-r2 parent');
    expect(first.stdout).toContain('harness: KAIZEN_GATE_SIDE=parent');
    // …between stop-commands and its resume token, so lines the eval prints are never workflow commands.
    expect(first.stdout).toMatch(
      /::group::eval log: acme-support-r2 parent\n::stop-commands::(kaizen-gate-[0-9a-f-]{36})\n[^]*?harness: KAIZEN_GATE_SIDE=parent\n[^]*?\n::\1::\n::endgroup::/,
    );
    expect(first.stdout).toContain('harness: INPUT_SIGNING-KEY=(absent)');
    expect(first.outputs['decision']).toBe(firstReport.decision.outcome);
  });

  it('on the merge (record mode) stores the evidence under its fingerprint and pushes the ref to origin', async () => {
    const { record, recordReport, originRefs, merged } = await scenario;
    expect(record.stderr).toBe('');
    expect(recordReport.subject.commit).toBe(merged.after);
    const candidate = recordReport.packages[0]!.evidence.eval!.candidate;
    const ref = `refs/kaizen-gate/evidence/${candidate.fingerprint!.slice(7)}`;
    expect(originRefs).toContain(ref);
    expect(record.stdout).toContain(
      `kaizen-gate: stored the evidence of acme-support-r2 at ${merged.after.slice(0, 12)} as ${ref} and pushed it to origin`,
    );
    expect(record.stdout).toContain('recorded the report on');
  });

  it('reuses the stored evidence for the next pull request against the same parent: fetched from origin, named in the report and the subjects', async () => {
    const { second, secondReport, recordReport, merged, server, pr2 } = await scenario;
    expect(second.stderr).toBe('');
    const parent = secondReport.packages[0]!.evidence.eval!.parent!;
    const stored = recordReport.packages[0]!.evidence.eval!.candidate;
    const ref = `refs/kaizen-gate/evidence/${stored.fingerprint!.slice(7)}`;
    expect(parent).toMatchObject({
      status: 'reused',
      package_id: 'acme-support-r2',
      commit: merged.after,
      produced_at: stored.produced_at,
      ref,
      evidence: `${ref}:evidence.json`,
    });
    expect(second.stdout).toContain(`kaizen-gate eval: acme-support-r3 parent reused from ${ref}`);
    expect(second.stdout).not.toContain('acme-support-r3 parent started');
    expect(secondReport.subject.evidence.map((e) => e.path)).toContain(`${ref}:evidence.json`);
    expect(second.summary).toContain(`parent evidence reused from ${ref}`);
    const checkRun = server.state.checkRuns.find((r) => r.head_sha === pr2.head);
    expect(checkRun?.output.text).toContain(`parent evidence reused from ${ref}`);
  });
});
