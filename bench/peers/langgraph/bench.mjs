// LangGraph.js running the architect design workflow's shape with trivial nodes, for bench/run.sh.
// intake -> context-gatherer (-> clarify -> context-gatherer) -> docs-verifier -> designer
//   -> [security-reviewer, artifact-validator] -> checklist-gate (-> designer, `revisions` times) -> deliverables
// Usage: node bench.mjs <runs> <clarify 0|1> <revisions>; prints one JSON line.
import { readFileSync } from "node:fs";
import { Annotation, StateGraph, START, END } from "@langchain/langgraph";

const runs = Number(process.argv[2] ?? 1000);
const clarify = process.argv[3] === "1";
const revisions = Number(process.argv[4] ?? 0);

const last = () => Annotation({ reducer: (_, b) => b, default: () => undefined });
const State = Annotation.Root({
  asked: Annotation({ reducer: (_, b) => b, default: () => 0 }),
  round: Annotation({ reducer: (_, b) => b, default: () => 0 }),
  context: last(),
  verification: last(),
  design: last(),
  review: last(),
  validation: last(),
  gate: last(),
  done: last(),
});

const graph = new StateGraph(State)
  .addNode("intake", () => ({}))
  .addNode("context-gatherer", () => ({ context: "c" }))
  .addNode("clarify", (s) => ({ asked: s.asked + 1 }))
  .addNode("docs-verifier", () => ({ verification: "v" }))
  .addNode("designer", () => ({ design: "d" }))
  .addNode("security-reviewer", () => ({ review: "r" }))
  .addNode("artifact-validator", () => ({ validation: "a" }))
  .addNode("checklist-gate", (s) => ({ gate: "g", round: s.round + 1 }))
  .addNode("deliverables", () => ({ done: true }))
  .addEdge(START, "intake")
  .addEdge("intake", "context-gatherer")
  .addConditionalEdges("context-gatherer", (s) => (clarify && s.asked === 0 ? "clarify" : "docs-verifier"), ["clarify", "docs-verifier"])
  .addEdge("clarify", "context-gatherer")
  .addEdge("docs-verifier", "designer")
  .addEdge("designer", "security-reviewer")
  .addEdge("designer", "artifact-validator")
  .addEdge(["security-reviewer", "artifact-validator"], "checklist-gate")
  .addConditionalEdges("checklist-gate", (s) => (s.round <= revisions ? "designer" : "deliverables"), ["designer", "deliverables"])
  .addEdge("deliverables", END);

// Compiled once and invoked per run (compiling per run would only make LangGraph slower).
const app = graph.compile();

const warmup = Math.max(1, Math.floor(runs / 5));
for (let i = 0; i < warmup; i++) await app.invoke({});
const check = await app.invoke({});
if (check.done !== true || check.round !== revisions + 1) throw new Error("the graph did not run to the end: " + JSON.stringify(check));

globalThis.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const started = process.hrtime.bigint();
for (let i = 0; i < runs; i++) await app.invoke({});
const elapsedNs = Number(process.hrtime.bigint() - started);
const heapAfter = process.memoryUsage().heapUsed;

const version = JSON.parse(readFileSync(new URL("./node_modules/@langchain/langgraph/package.json", import.meta.url))).version;
console.log(JSON.stringify({ runs, usPerRun: elapsedNs / 1000 / runs, heapBytesPerRun: Math.max(0, heapAfter - heapBefore) / runs, langgraph: version, node: process.version }));
