import { KMS_KEY_POLICY_TYPE, KMS_KEY_TYPES } from "../../iam/policy-routes";
import { PolicyReading } from "../../iam/policy-document";
import { SynthesizedStack, SynthResource } from "../../synthesized-stack";

/** One key policy: the resource that sets it (the key, or an aws_kms_key_policy) and its reading. */
export interface KeyPolicy {
  readonly via: SynthResource;
  readonly reading: PolicyReading;
}

/**
 * What the KMS rules judge: a key of this stack with every policy set for it (its own `policy`
 * argument and each aws_kms_key_policy whose key_id references it), or the aws_kms_key_policy
 * resources for one key the stack does not hold, judged on their own statements.
 */
export interface KeyPolicySubject {
  /** What findings name: the key, or the (first) key-policy resource. */
  readonly resource: string;
  readonly key?: SynthResource;
  readonly policies: KeyPolicy[];
}

/** Whether a key_id names `key` (by its id, key_id or ARN). */
const names = (keyId: unknown, key: SynthResource) => ["id", "key_id", "arn"].some((a) => keyId === SynthesizedStack.reference(key, a));

export function keyPolicySubjects(stack: SynthesizedStack): KeyPolicySubject[] {
  const keys = KMS_KEY_TYPES.flatMap((type) => stack.resources(type));
  const standalone = stack.resources(KMS_KEY_POLICY_TYPE);
  const policy = (via: SynthResource): KeyPolicy => ({ via, reading: stack.readPolicy(via.config.policy) });
  const subjects: KeyPolicySubject[] = keys.map((key) => ({
    resource: key.path,
    key,
    policies: [...(key.config.policy !== undefined ? [policy(key)] : []), ...standalone.filter((p) => names(p.config.key_id, key)).map(policy)],
  }));
  const untied = new Map<string, SynthResource[]>();
  for (const p of standalone.filter((p) => !keys.some((key) => names(p.config.key_id, key)))) {
    const id = JSON.stringify(p.config.key_id ?? null);
    untied.set(id, [...(untied.get(id) ?? []), p]);
  }
  for (const group of untied.values()) subjects.push({ resource: group[0].path, policies: group.map(policy) });
  return subjects;
}

/** How a key policy's origin reads in evidence. */
export const origin = (p: KeyPolicy): string => (p.via.type === KMS_KEY_POLICY_TYPE ? `${p.via.type} ${p.via.path}` : `the key's policy argument`);
