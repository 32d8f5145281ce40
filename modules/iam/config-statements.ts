import { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { defaultStatementSid, ExecutionRoleStatementConfig } from "../../config/execution-role-statements";
import { terraformLiteral } from "../terraform/template-syntax";

const list = (value: string | string[]): string[] => (Array.isArray(value) ? value : [value]);

/**
 * Statements of a config file, in IAM's JSON shape, as statements of a `data.aws_iam_policy_document`:
 * one condition block per operator and key. Config text is data: every string passes through
 * terraformLiteral, although validation has refused `${`, `%{` and `&{` already, so that no change
 * of validation can make a statement an expression.
 */
export function policyDocumentStatements(statements: readonly ExecutionRoleStatementConfig[]): DataAwsIamPolicyDocumentStatement[] {
  return statements.map((statement, index) => ({
    sid: statement.Sid ?? defaultStatementSid(index),
    effect: statement.Effect,
    actions: list(statement.Action).map(terraformLiteral),
    resources: list(statement.Resource).map(terraformLiteral),
    ...(statement.Condition
      ? {
          condition: Object.entries(statement.Condition).flatMap(([test, byKey]) =>
            Object.entries(byKey).map(([variable, values]) => ({
              test: terraformLiteral(test),
              variable: terraformLiteral(variable),
              values: list(values).map(terraformLiteral),
            })),
          ),
        }
      : {}),
  }));
}
