import { exampleConfig } from "../helpers/config-fixtures";
import { StackJson, synthEnvironment } from "../helpers/synth";

/** `${data.terraform_remote_state.<input>.outputs.<output>}` references in a stack. */
function remoteOutputs(stack: StackJson): { input: string; output: string }[] {
  return [...JSON.stringify(stack).matchAll(/data\.terraform_remote_state\.([\w-]+)\.outputs\.([\w-]+)/g)].map((m) => ({ input: m[1], output: m[2] }));
}

describe.each([
  ["S3 state", exampleConfig()],
  ["HCP Terraform state", exampleConfig((raw) => (raw.state = { backend: "hcp", organization: "acme" }))],
])("cross-stack references with %s", (_, config) => {
  const environment = synthEnvironment(config);
  const stacks: Record<string, StackJson> = { "example-network": environment.network, "example-mwaa": environment.mwaa };
  if (environment.state) stacks["example-state"] = environment.state;

  it("point only at outputs the producing stack writes", () => {
    const references = Object.values(stacks).flatMap(remoteOutputs);
    expect(references.length).toBe(3);
    for (const { input, output } of references) {
      const producer = input.replace(/^state-of-/, "");
      expect({ producer, output, written: output in (stacks[producer]?.output ?? {}) }).toEqual({ producer, output, written: true });
    }
  });

  it("exist only in the MWAA stack, the one stack handed another stack's values", () => {
    expect(remoteOutputs(environment.network)).toEqual([]);
    if (environment.state) expect(remoteOutputs(environment.state)).toEqual([]);
  });
});
