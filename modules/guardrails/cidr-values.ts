import { Cidr, parseCidr } from "./address-space";
import { SynthesizedStack } from "./synthesized-stack";

/**
 * What a CIDR-valued attribute holds, as far as the rules can know at synth: a literal block, or a
 * reference to a VPC's or subnet's literal block in the same stack. Any other expression (a
 * variable, another stack's output, a function) is only known at plan time, and unverifiable.
 */
export type CidrValue =
  | { readonly kind: "cidr"; readonly text: string; readonly cidr: Cidr }
  | { readonly kind: "unverifiable"; readonly text: string; readonly reason: string };

/** Resource types whose `cidr_block` argument is also the block they get, so a reference to it can be read. */
const CIDR_BLOCK_OWNERS = ["aws_vpc", "aws_subnet", "aws_vpc_ipv4_cidr_block_association"];

const isTemplate = (text: string) => text.includes("${") || text.includes("%{");

/** One CIDR-valued attribute. */
export function readCidr(stack: SynthesizedStack, value: unknown): CidrValue {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  if (typeof value !== "string") return { kind: "unverifiable", text, reason: "is not a string" };
  if (isTemplate(value)) {
    const target = stack.referenced(value);
    const literal = target && CIDR_BLOCK_OWNERS.includes(target.resource.type) && target.attribute === "cidr_block" ? target.resource.config.cidr_block : undefined;
    if (typeof literal !== "string" || isTemplate(literal)) return { kind: "unverifiable", text, reason: "is an expression known only at plan time" };
    const cidr = parseCidr(literal);
    return "error" in cidr ? { kind: "unverifiable", text, reason: `refers to ${literal}, which ${cidr.error}` } : { kind: "cidr", text: `${value} (${literal})`, cidr };
  }
  const cidr = parseCidr(value);
  return "error" in cidr ? { kind: "unverifiable", text, reason: cidr.error } : { kind: "cidr", text, cidr };
}

/**
 * A list of CIDR blocks (`cidr_blocks`): each element read on its own. A whole list given as one
 * expression cannot be read; an unset or null attribute is an empty list.
 */
export function readCidrList(stack: SynthesizedStack, value: unknown): CidrValue[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return [{ kind: "unverifiable", text: typeof value === "string" ? value : JSON.stringify(value), reason: "is not a list the rules can read" }];
  return value.map((item) => readCidr(stack, item));
}
