import { iamTable } from "../../../modules/review/iam-summary";
import { documentJson, stackOf } from "../guardrails/iam/policy-stacks";

const readBucket = { aws_iam_policy_document: { read: { statement: [{ sid: "Read", actions: ["s3:GetObject"], resources: ["${aws_s3_bucket.dags.arn}/*"] }] } } };

describe("the IAM table of the review", () => {
  it("marks a policy no rule can read UNVERIFIABLE, with why, instead of leaving it out", () => {
    const stack = stackOf({ aws_iam_role_policy: { policy: { name: "opaque", role: "${aws_iam_role.worker.name}", policy: '${jsonencode({"Statement" = []})}' } }, aws_iam_role: { worker: { name: "worker", assume_role_policy: documentJson("read") } } }, readBucket);
    expect(iamTable(stack)).toContain("| policy opaque of worker | role worker | UNVERIFIABLE | built with jsonencode(...), whose result only terraform plan knows |  |  |");
  });

  it("lists managed policies attached from outside the stack, and who holds the stack's own", () => {
    const stack = stackOf(
      {
        aws_s3_bucket: { dags: { bucket: "dags" } },
        aws_iam_role: { worker: { name: "worker", assume_role_policy: documentJson("read") } },
        aws_iam_policy: { own: { name: "read-dags", policy: documentJson("read") } },
        aws_iam_policy_attachment: { both: { name: "both", roles: ["${aws_iam_role.worker.name}"], users: ["alice"], policy_arn: "${aws_iam_policy.own.arn}" } },
        aws_iam_role_policy_attachment: { admin: { role: "${aws_iam_role.worker.name}", policy_arn: "arn:aws:iam::aws:policy/AdministratorAccess" } },
      },
      readBucket,
    );
    const table = iamTable(stack);
    expect(table).toContain("| managed policy read-dags | role worker, user alice | Allow | s3:GetObject | dags.arn/\\* |  |");
    expect(table).toContain("| managed policy AWS-managed AdministratorAccess (aws_iam_role_policy_attachment admin) | role worker | UNVERIFIABLE | its document is not in this stack |  |  |");
  });

  it("shows key policies set by aws_kms_key_policy", () => {
    const stack = stackOf({ aws_kms_key: { key: {} }, aws_kms_key_policy: { policy: { key_id: "${aws_kms_key.key.id}", policy: documentJson("key") } } }, {
      aws_iam_policy_document: { key: { statement: [{ sid: "Root", actions: ["kms:*"], resources: ["*"], principals: [{ type: "AWS", identifiers: ["arn:aws:iam::111122223333:root"] }] }] } },
    });
    expect(iamTable(stack)).toContain("| key policy of key (policy) | AWS: arn:aws:iam::111122223333:root | Allow | kms:\\* | \\* |  |");
  });
});
