// Drives the service's LangGraph-compatible API with the official LangGraph JS client, the way a team already
// using @langchain/langgraph-sdk would: assistants, threads, a streamed run, an interrupt and its resume, thread
// state and history, runs.wait / join / list, a stream rejoined with Last-Event-ID, and a cancelled run.
//
//   node drive.mjs --url http://127.0.0.1:5000/langgraph --key KEY
//   (or LANGGRAPH_URL / LANGGRAPH_API_KEY)
//
// Prints one JSON object (every check with its outcome) and exits 1 when any check failed, 2 on bad arguments.
import { Client } from "@langchain/langgraph-sdk";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith("--") ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const apiUrl = args.url ?? process.env.LANGGRAPH_URL;
const apiKey = args.key ?? process.env.LANGGRAPH_API_KEY;
if (!apiUrl || !apiKey) {
  console.error("usage: node drive.mjs --url BASE_URL --key API_KEY (or LANGGRAPH_URL, LANGGRAPH_API_KEY)");
  process.exit(2);
}

// Complete enough that the context gatherer has nothing to ask; the second one leaves out scale and team on purpose.
const completeBrief = args["complete-brief"] ?? process.env.LANGGRAPH_COMPLETE_BRIEF ??
  "# Shop\nA web shop where customers browse products, place orders and pay by card. 20k customers, team of 5. GDPR applies; all data stays in the EU. 99.9% availability.";
const askingBrief = args["asking-brief"] ?? process.env.LANGGRAPH_ASKING_BRIEF ??
  "# Gym app\nMembers book classes and get reminders.";

const client = new Client({ apiUrl, apiKey });
const checks = [];
const result = { apiUrl, checks };

function check(name, ok, detail) {
  checks.push({ name, ok: Boolean(ok), ...(detail === undefined ? {} : { detail }) });
  return Boolean(ok);
}

async function collect(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

const lastValues = (chunks) => chunks.filter((c) => c.event === "values").at(-1)?.data;
const interruptsIn = (chunks) => chunks.filter((c) => c.event === "updates" && c.data?.__interrupt__).flatMap((c) => c.data.__interrupt__);
const isDocument = (values) => Boolean(values && values.brief && values.design && values.gate);

async function expectHttpError(name, status, fieldOrText, call) {
  try {
    await call();
    return check(name, false, "no error was raised");
  } catch (error) {
    const message = String(error?.message ?? error);
    return check(name, error?.status === status && message.includes(fieldOrText), message.slice(0, 300));
  }
}

async function main() {
  // Assistants: one per workflow; search by graph id, get by assistant id.
  const assistants = await client.assistants.search({ graphId: "architect-design" });
  check("assistants.search finds the workflow", assistants.length === 1 && assistants[0].graph_id === "architect-design", assistants.map((a) => a.assistant_id));
  const assistantId = assistants[0]?.assistant_id ?? "architect-design";
  const assistant = await client.assistants.get(assistantId);
  check("assistants.get", assistant.assistant_id === assistantId && assistant.graph_id === "architect-design");

  // A run streamed to completion, with the three stream modes.
  const thread = await client.threads.create({ metadata: { purpose: "compat-test" } });
  check("threads.create", typeof thread.thread_id === "string" && thread.status === "idle", thread);
  let createdRunId;
  const chunks = await collect(client.runs.stream(thread.thread_id, assistantId, {
    input: { brief: completeBrief },
    streamMode: ["values", "updates", "events"],
    onRunCreated: ({ run_id }) => { createdRunId = run_id; },
  }));
  const events = chunks.map((c) => c.event);
  result.streamEvents = [...new Set(events)];
  check("stream starts with metadata", chunks[0]?.event === "metadata" && typeof chunks[0].data?.run_id === "string", chunks[0]);
  const runId = chunks[0]?.data?.run_id;
  check("onRunCreated saw the run id (Content-Location)", createdRunId === runId, createdRunId);
  check("stream has values, updates and events", ["values", "updates", "events"].every((e) => events.includes(e)), result.streamEvents);
  check("stream has no error", !events.includes("error"), chunks.filter((c) => c.event === "error"));
  check("stream ends with the final document", isDocument(lastValues(chunks)) && !lastValues(chunks).__interrupt__, Object.keys(lastValues(chunks) ?? {}));
  const updatedNodes = chunks.filter((c) => c.event === "updates").flatMap((c) => Object.keys(c.data ?? {}));
  check("updates name the nodes", updatedNodes.includes("designer") && updatedNodes.includes("checklist-gate"), [...new Set(updatedNodes)]);
  const run = await client.runs.get(thread.thread_id, runId);
  check("runs.get says success", run.status === "success" && run.run_id === runId, run.status);
  const afterRun = await client.threads.get(thread.thread_id);
  check("threads.get: idle with the document as values", afterRun.status === "idle" && isDocument(afterRun.values), afterRun.status);

  // Rejoining the finished stream part-way with Last-Event-ID gives exactly the rest, nothing repeated.
  const full = await collect(client.runs.joinStream(thread.thread_id, runId, { streamMode: ["values", "updates", "events"] }));
  const cut = Math.floor(full.length / 2);
  const rest = await collect(client.runs.joinStream(thread.thread_id, runId, { lastEventId: full[cut - 1].id, streamMode: ["values", "updates", "events"] }));
  const ids = (list) => list.filter((c) => c.event !== "end").map((c) => c.id);
  check("joinStream replays the same stream", JSON.stringify(ids(full)) === JSON.stringify(ids(chunks)), { full: ids(full).length, streamed: ids(chunks).length });
  check("joinStream with Last-Event-ID resumes after it", JSON.stringify(ids(rest)) === JSON.stringify(ids(full).slice(cut)), { rest: ids(rest).length, expected: ids(full).length - cut });

  // A brief that leaves out what matters: the run stops at an interrupt carrying the questions.
  const asking = await client.threads.create();
  const first = await collect(client.runs.stream(asking.thread_id, assistantId, { input: { brief: askingBrief }, streamMode: ["values", "updates"] }));
  const interrupts = interruptsIn(first);
  const questions = interrupts[0]?.value?.questions ?? [];
  check("stream stops at an __interrupt__ with questions", interrupts.length === 1 && questions.length > 0, questions.map((q) => q.id));
  check("values carry the __interrupt__ too", Array.isArray(lastValues(first)?.__interrupt__));
  const interrupted = await client.threads.get(asking.thread_id);
  check("thread is interrupted, with thread.interrupts", interrupted.status === "interrupted" && Object.values(interrupted.interrupts ?? {}).flat().length === 1, interrupted.status);
  const waitingState = await client.threads.getState(asking.thread_id);
  check("state: next and tasks[].interrupts", waitingState.next.length === 1 && waitingState.tasks[0]?.interrupts?.[0]?.id === interrupts[0]?.id, { next: waitingState.next, tasks: waitingState.tasks.length });
  await expectHttpError("a resume with an unknown question id is a 400 naming it", 400, "command.resume.q-nope",
    () => client.runs.create(asking.thread_id, assistantId, { command: { resume: { "q-nope": "x" } } }));
  await expectHttpError("an empty brief is a 400 naming input.brief", 400, "input.brief",
    () => client.runs.create(asking.thread_id, assistantId, { input: { brief: "" } }));

  const answers = Object.fromEntries(questions.map((q) => [q.id, q.id === "q-scale" ? "About 4,000 members" : q.id === "q-team" ? "Team of 2 developers (Python)" : "No preference; choose what fits"]));
  const resumed = await collect(client.runs.stream(asking.thread_id, assistantId, { command: { resume: answers }, streamMode: ["values", "updates"] }));
  check("resume streams to the final document", resumed[0]?.event === "metadata" && isDocument(lastValues(resumed)) && interruptsIn(resumed).length === 0, resumed.map((c) => c.event).slice(-3));
  check("the answers reached the document", lastValues(resumed)?.context?.figures?.users?.value === 4000, lastValues(resumed)?.context?.figures?.users);
  const afterResume = await client.threads.get(asking.thread_id);
  check("thread is idle after the resume", afterResume.status === "idle", afterResume.status);

  // Thread state and history: the document now, and at each revision.
  const state = await client.threads.getState(asking.thread_id);
  check("getState: the document, nothing next", isDocument(state.values) && state.next.length === 0 && typeof state.checkpoint.checkpoint_id === "string", state.checkpoint);
  const history = await client.threads.getHistory(asking.thread_id, { limit: 5 });
  check("getHistory: newest first, one state per revision", history.length === 5 && history[0].checkpoint.checkpoint_id === state.checkpoint.checkpoint_id
    && new Set(history.map((h) => h.checkpoint.checkpoint_id)).size === 5 && history[1].checkpoint.checkpoint_id === history[0].parent_checkpoint?.checkpoint_id,
    history.map((h) => h.checkpoint.checkpoint_id));
  const older = await client.threads.getHistory(asking.thread_id, { limit: 2, before: history[1].checkpoint });
  check("getHistory before a checkpoint pages on", older.length === 2 && older[0].checkpoint.checkpoint_id === history[2].checkpoint.checkpoint_id, older.map((h) => h.checkpoint.checkpoint_id));
  const past = await client.threads.getState(asking.thread_id, history[4].checkpoint.checkpoint_id);
  check("getState at a checkpoint is that revision", JSON.stringify(past.values) === JSON.stringify(history[4].values));
  const runsOnThread = await client.runs.list(asking.thread_id);
  check("runs.list: the interrupted run and its resume, both success", runsOnThread.length === 2 && runsOnThread.every((r) => r.status === "success"), runsOnThread.map((r) => r.status));
  const joined = await client.runs.join(asking.thread_id, runsOnThread[1].run_id);
  check("runs.join of the first run gives its interrupt", Array.isArray(joined?.__interrupt__), Object.keys(joined ?? {}));

  // runs.wait with chat-style input: the last user message is the brief.
  const chat = await client.threads.create();
  const waited = await client.runs.wait(chat.thread_id, assistantId, { input: { messages: [{ role: "user", content: completeBrief }] } });
  check("runs.wait with messages input returns the document", isDocument(waited) && waited.brief?.text?.includes("web shop"), Object.keys(waited ?? {}));

  // A run cancelled while queued or running.
  const cancelThread = await client.threads.create();
  const toCancel = await client.runs.create(cancelThread.thread_id, assistantId, { input: { brief: completeBrief } });
  check("runs.create returns a pending or running run", ["pending", "running"].includes(toCancel.status), toCancel.status);
  await client.runs.cancel(cancelThread.thread_id, toCancel.run_id, true);
  const cancelled = await client.runs.get(cancelThread.thread_id, toCancel.run_id);
  check("a cancelled run is interrupted", cancelled.status === "interrupted", cancelled.status);
  await expectHttpError("cancelling it again is a 409", 409, "ended", () => client.runs.cancel(cancelThread.thread_id, toCancel.run_id));
  await expectHttpError("an unknown assistant is a 404 naming assistant_id", 404, "assistant_id", () => client.runs.create(cancelThread.thread_id, "no-such-graph", { input: { brief: completeBrief } }));
  await expectHttpError("a stream mode not offered is a 400 naming stream_mode", 400, "stream_mode", () => client.runs.create(cancelThread.thread_id, assistantId, { input: { brief: completeBrief }, streamMode: ["messages"] }));
}

try {
  await main();
} catch (error) {
  check("no unexpected error", false, String(error?.stack ?? error).slice(0, 2000));
}

result.passed = checks.filter((c) => c.ok).length;
result.failed = checks.filter((c) => !c.ok).length;
console.log(JSON.stringify(result, null, 2));
process.exit(result.failed === 0 ? 0 : 1);
