import fs from "node:fs";
import { createRequire } from "node:module";
import { sign } from "@octokit/webhooks-methods";
const require = createRequire(import.meta.url);
const events = require("@octokit/webhooks-examples/api.github.com/index.json");
const out = process.argv[2];
const pick = (name, action, i = 0) => structuredClone(events.find(e => e.name === name).examples.filter(x => x.action === action)[i]);
const relabel = x => { if (x.label) x.label.name = "architecture"; x.issue.labels.forEach(l => l.name = "architecture"); return x; };
const files = {
  "github.issues.labeled.json": relabel(pick("issues", "labeled")),
  "github.issues.opened.json": pick("issues", "opened"),
  "github.issues.opened-architecture.json": relabel(pick("issues", "opened")),
  "github.issues.edited.json": pick("issues", "edited"),
  "github.ping.json": events.find(e => e.name === "ping").examples[0],
  "github.issue_comment.created.json": (() => { const x = pick("issue_comment", "created"); x.comment.body = "Thanks for looking at this!\r\n\r\n1. About 4,000 members at launch\r\n2. Team of 2 developers (Python)\r\n"; return x; })(),
};
for (const [name, value] of Object.entries(files)) fs.writeFileSync(`${out}/${name}`, JSON.stringify(value, null, 2) + "\n");
const secret = "It's a Secret to Everybody";
const signatures = {};
for (const name of fs.readdirSync(out).filter(f => f.endsWith(".json") && f !== "signatures.json").sort())
  signatures[name] = await sign(secret, fs.readFileSync(`${out}/${name}`, "utf8"));
fs.writeFileSync(`${out}/signatures.json`, JSON.stringify({ secret, signer: "@octokit/webhooks-methods 6.0.0 sign(secret, payload)", signatures }, null, 2) + "\n");
