import { mwaaAllLoggingEnabled } from "../../../../../modules/guardrails/rules/mwaa/all-logging-enabled";
import { SynthesizedStack } from "../../../../../modules/guardrails/synthesized-stack";

const TYPES = ["dag_processing_logs", "scheduler_logs", "task_logs", "webserver_logs", "worker_logs"];

/** An environment with every log type enabled at WARNING (task at INFO), then `levels` applied. */
function judged(levels: Record<string, unknown> = {}): string[] {
  const logging = Object.fromEntries(TYPES.map((t) => [t, { enabled: true, log_level: t in levels ? levels[t] : t === "task_logs" ? "INFO" : "WARNING" }]));
  const stack = new SynthesizedStack("m", { resource: { aws_mwaa_environment: { e: { logging_configuration: logging } } } });
  return mwaaAllLoggingEnabled.evaluate(stack).map((e) => `${e.compliant ? "PASS" : "FAIL"} ${e.evidence}`);
}

describe("MWAA.ALL_LOGGING judges log levels as well as whether logs are enabled", () => {
  it("passes task logs at INFO and the others at WARNING, and more verbose levels", () => {
    expect(judged()[0]).toMatch(/^PASS/);
    expect(judged({ task_logs: "DEBUG", scheduler_logs: "INFO" })[0]).toMatch(/^PASS/);
  });

  it("fails task logs at CRITICAL or WARNING: nothing a task prints is kept", () => {
    expect(judged({ task_logs: "CRITICAL" })).toEqual(["FAIL task_logs log_level = CRITICAL: drops INFO"]);
    expect(judged({ task_logs: "WARNING" })).toEqual(["FAIL task_logs log_level = WARNING: drops INFO"]);
  });

  it("fails a webserver at ERROR, and a level unset or not a level", () => {
    expect(judged({ webserver_logs: "ERROR" })).toEqual(["FAIL webserver_logs log_level = ERROR: drops WARNING"]);
    expect(judged({ worker_logs: undefined })[0]).toMatch(/^FAIL worker_logs log_level = unset/);
    expect(judged({ worker_logs: "${var.level}" })[0]).toMatch(/^FAIL worker_logs log_level = .*not a level the rules can read/);
  });
});
