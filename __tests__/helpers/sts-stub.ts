import { createServer, IncomingMessage, Server } from "node:http";

/** A request the stub was not built to answer: the service (from the signature's scope) and the call. */
export interface UnansweredCall {
  readonly service: string;
  readonly call: string;
}

/**
 * A loopback HTTP server standing in for every AWS endpoint of a plan. It answers STS's
 * GetCallerIdentity with the given account, in the XML STS returns (the AWS provider calls it to
 * learn the account and to enforce `allowed_account_ids`). Anything else is answered with an error
 * and recorded, so a plan that reads from AWS fails and the test sees which call it made.
 */
export class StsStub {
  readonly answered: string[] = [];
  readonly unanswered: UnansweredCall[] = [];
  private server?: Server;
  private port = 0;

  constructor(private readonly account: string) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      let body = "";
      request.setEncoding("utf8").on("data", (text: string) => (body += text));
      request.on("end", () => {
        const service = signedService(request);
        const call = new URLSearchParams(body).get("Action") ?? `${request.headers["x-amz-target"] ?? ""} ${request.method} ${request.url}`.trim();
        if (service === "sts" && call === "GetCallerIdentity") {
          this.answered.push(`${service}:${call}`);
          response.writeHead(200, { "Content-Type": "text/xml" }).end(callerIdentity(this.account));
        } else {
          this.unanswered.push({ service, call });
          const message = `the plan test's stub answers only sts:GetCallerIdentity; got ${service}: ${call}`;
          // Services with a JSON protocol name their operation in X-Amz-Target and read JSON errors.
          if (request.headers["x-amz-target"]) {
            response.writeHead(400, { "Content-Type": "application/x-amz-json-1.1" }).end(JSON.stringify({ __type: "NotStubbed", message }));
          } else {
            response.writeHead(400, { "Content-Type": "text/xml" }).end(errorResponse(message));
          }
        }
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** The service a SigV4 request is signed for: `Credential=<key>/<date>/<region>/<service>/aws4_request`. */
function signedService(request: IncomingMessage): string {
  return /Credential=[^/]+\/\d+\/[^/]+\/([^/]+)\/aws4_request/.exec(request.headers.authorization ?? "")?.[1] ?? "unsigned";
}

function callerIdentity(account: string): string {
  return [
    `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">`,
    `  <GetCallerIdentityResult>`,
    `    <Arn>arn:aws:iam::${account}:user/offline-plan</Arn>`,
    `    <UserId>AIDACKCEVSQ6C2EXAMPLE</UserId>`,
    `    <Account>${account}</Account>`,
    `  </GetCallerIdentityResult>`,
    `  <ResponseMetadata>`,
    `    <RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId>`,
    `  </ResponseMetadata>`,
    `</GetCallerIdentityResponse>`,
  ].join("\n");
}

function errorResponse(message: string): string {
  return `<ErrorResponse><Error><Type>Sender</Type><Code>NotStubbed</Code><Message>${message.replace(/[<>&]/g, "")}</Message></Error><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ErrorResponse>`;
}
