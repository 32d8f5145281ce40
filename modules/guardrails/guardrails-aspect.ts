import { IAspect, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import { Acknowledgement, evaluateStack, Finding } from "./evaluate";
import { SynthesizedStack } from "./synthesized-stack";

/**
 * Applies the rule pack to a stack at synth time. It reads the stack as Terraform will: the
 * `toTerraform()` output with every override and escape hatch merged in, so a construct patched
 * with `addOverride` is judged by what it synthesizes, not by what it was constructed with.
 *
 * cdktf invokes aspects inside the stack's synthesis, just before it serializes the stack. The
 * aspect hands that same configuration to the serializer, so what is judged is what is written,
 * and the stack's tokens are resolved once, not twice (the costliest step of a synth).
 */
export class GuardrailsAspect implements IAspect {
  /** Findings by stack name, filled as stacks are visited. */
  readonly findings = new Map<string, Finding[]>();
  /** The configuration each stack was judged on, by stack name. */
  readonly stacks = new Map<string, SynthesizedStack>();

  constructor(
    private readonly acknowledgements: readonly Acknowledgement[],
    private readonly today: string,
  ) {}

  visit(node: IConstruct): void {
    if (!TerraformStack.isStack(node)) return;
    const json = node.toTerraform();
    node.toTerraform = () => json;
    const stack = new SynthesizedStack(node.node.id, json);
    this.stacks.set(node.node.id, stack);
    this.findings.set(node.node.id, evaluateStack(stack, this.acknowledgements, this.today));
  }
}
