import { awsService, isS3Gateway } from "../../../modules/guardrails/vpc-endpoint-services";

describe("the AWS service an endpoint connects to", () => {
  it("is read from a literal service name, regional or global", () => {
    expect(awsService("com.amazonaws.eu-west-1.ecr.dkr")).toEqual({ region: "eu-west-1", name: "ecr.dkr" });
    expect(awsService("com.amazonaws.s3-global.accesspoint")).toEqual({ name: "s3-global.accesspoint" });
  });

  it.each([["another account's PrivateLink service", "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0"], ["an expression", "${var.service}"], ["not text", 42]])(
    "is none for %s",
    (_, name) => {
      expect(awsService(name)).toBeUndefined();
    },
  );
});

describe("the S3 gateway endpoint", () => {
  it("is a Gateway endpoint, the default type, of S3 in a Region", () => {
    expect(isS3Gateway({ service_name: "com.amazonaws.eu-west-1.s3" })).toBe(true);
    expect(isS3Gateway({ service_name: "com.amazonaws.eu-west-1.s3", vpc_endpoint_type: "Gateway" })).toBe(true);
  });

  it.each([
    ["an interface endpoint of S3", { service_name: "com.amazonaws.eu-west-1.s3", vpc_endpoint_type: "Interface" }],
    ["S3 Express", { service_name: "com.amazonaws.eu-west-1.s3express" }],
    ["a name whose Region is no Region", { service_name: "com.amazonaws.example.s3" }],
    ["a PrivateLink service", { service_name: "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0" }],
  ])("is not %s", (_, config) => {
    expect(isS3Gateway(config)).toBe(false);
  });
});
