// Compiled (tsc --noEmit --strict) against the types openapi-typescript generates from the served document, by
// tests/ArchitectAgents.Api.Tests/OpenApi/OpenApiToolTests.cs. It fails to compile when the document stops describing
// the createRun request body, its answers or its problems, which a client generated from it would need.
import type { components, paths } from "./api";

type CreateRun = paths["/v1/runs"]["post"];
type CreateRunBody = CreateRun["requestBody"]["content"]["application/json"];
type Run = CreateRun["responses"][202]["content"]["application/json"];
type Problem = CreateRun["responses"][400]["content"]["application/problem+json"];
type Budget = components["schemas"]["RunBudgetBody"];

/** A typed call to POST /v1/runs, as a client written against the document would make it. */
export async function createRun(baseUrl: string, apiKey: string, body: CreateRunBody, idempotencyKey?: string): Promise<Run> {
  const headers: Record<string, string> = { "Content-Type": "application/json", "X-Api-Key": apiKey };
  if (idempotencyKey !== undefined) {
    headers["Idempotency-Key"] = idempotencyKey;
  }

  const response = await fetch(`${baseUrl}/v1/runs`, { method: "POST", headers, body: JSON.stringify(body) });
  if (response.status !== 202) {
    const problem = (await response.json()) as Problem;
    const fields: Record<string, string[]> = problem.errors ?? {};
    throw new Error(`${problem.title ?? "error"}: ${problem.detail ?? ""} ${Object.keys(fields).join(", ")}`);
  }

  return (await response.json()) as Run;
}

const brief: CreateRunBody["brief"] = "A booking service for 40 dental clinics.";
const budget: Budget = { maxTokens: 200000, maxCostUsd: 2.5 };
const body: CreateRunBody = { brief, workflow: "architect-design", options: { interactive: true, questionTimeoutSeconds: 600, budget } };

// The service refuses fields it does not know, and so must the generated type.
// @ts-expect-error callbackURL is not a field (callbackUrl is)
const misspelt: CreateRunBody = { brief, callbackURL: "https://ci.example.org/hook" };

export async function startAndFollow(baseUrl: string, apiKey: string): Promise<string> {
  const run = await createRun(baseUrl, apiKey, body, "booking-1");
  const status: string = run.status;
  const events: string | undefined = run.links["events"];
  return `${run.id} ${status} ${events ?? ""} ${misspelt.brief}`;
}
