using System.Globalization;
using System.Text;
using ArchitectAgents.Api.Tests.Webhooks;
using StandardWebhooks;

namespace ArchitectAgents.Api.Tests.BadInput;

/// <summary>One bad request and what the answer must name: the field (null when there is none, as for a 404), and the status when it matters.</summary>
internal sealed record BadInputCase(string Name, byte[] Request, string? Field, int? Status = null)
{
    /// <summary>
    /// Refused by Kestrel while parsing the request line, before any application code runs, so it cannot carry a
    /// problem body (dotnet/aspnetcore has no hook for these); it must still be a 4xx.
    /// </summary>
    public bool BareFromKestrel { get; init; }
}

/// <summary>What the corpus needs from the server under test.</summary>
internal sealed record CorpusTarget(string ApiKey, string FinishedRunId, string GitHubSecret, string JiraSecret, string GenericSecret);

/// <summary>
/// The bad-input corpus: every input found to give a 5xx or to be wrongly accepted (issue #18), and the families
/// around them (wrong types per field, wrong content types, empty and oversized bodies, deep nesting, huge
/// numbers, unknown and malformed ids, bad headers, the server's own limits, signed webhook bodies of the wrong shape).
/// </summary>
internal static class BadInputCorpus
{
    private const string Brief = "# Notes\\nAn internal notes tool for 300 staff.";

    /// <summary>The service's own network (loopback, cloud metadata, private), however the address is spelt.</summary>
    private static readonly string[] PrivateCallbackHosts =
    [
        "127.0.0.1", "[::1]", "[::ffff:127.0.0.1]", "[::127.0.0.1]", "[::a9fe:a9fe]", "[::ffff:0:a9fe:a9fe]", "[64:ff9b::a9fe:a9fe]", "[64:ff9b:1::a00:1]",
        "[2002:a9fe:a9fe::1]", "[2001:0:4136:e378:8000:63bf:5601:5601]", "[fd00:ec2::254]", "0x7f000001", "2130706433", "017700000001", "127.1",
        "[::ffff:7f00:1]", "[0:0:0:0:0:ffff:127.0.0.1]", "[fe80::1%25eth0]", "[::ffff:127.0.0.1%25lo]", "[64:ff9b::10.0.0.1]",
    ];

    public static IReadOnlyList<BadInputCase> Build(CorpusTarget t)
    {
        var run = t.FinishedRunId;
        BadInputCase Create(string name, string body, string? field, int? status = null, string? contentType = "application/json") =>
            new("POST /v1/runs: " + name, Post("/v1/runs", t, body, contentType), field, status);
        BadInputCase CreateBytes(string name, byte[] body, string field) => new("POST /v1/runs: " + name, PostBytes("/v1/runs", t, body), field);

        var oneMegabyte = new string('x', 1024 * 1024 + 10);
        var cases = new List<BadInputCase>
        {
            // Lone surrogate escapes: they parse, then fail when read as a string.
            Create("lone high surrogate in brief", "{\"brief\":\"\\ud800 notes\"}", "brief"),
            Create("lone low surrogate in brief", "{\"brief\":\"notes \\udc00\"}", "brief"),
            Create("lone surrogate in attachment", $"{{\"brief\":\"{Brief}\",\"attachments\":[{{\"name\":\"a.md\",\"content\":\"\\ud800\"}}]}}", "attachments[0].content"),
            Create("lone surrogate in a field name", "{\"\\ud800\":1}", "body"),
            Create("lone surrogate in workflow", $"{{\"brief\":\"{Brief}\",\"workflow\":\"\\udfff\"}}", "workflow"),
            Create("reversed surrogate pair", "{\"brief\":\"\\udc00\\ud800\"}", "brief"),
            // Encodings.
            CreateBytes("invalid UTF-8 in brief", [.. "{\"brief\":\""u8, 0xFF, 0xFE, .. " x\"}"u8], "body"),
            CreateBytes("overlong UTF-8", [.. "{\"brief\":\""u8, 0xC0, 0xAF, .. "\"}"u8], "body"),
            CreateBytes("UTF-16 body", Encoding.Unicode.GetBytes($"{{\"brief\":\"{Brief}\"}}"), "body"),
            // Duplicate keys: last would win.
            Create("duplicate top-level key", $"{{\"brief\":\"{Brief}\",\"brief\":\"other\"}}", "brief"),
            Create("duplicate option", $"{{\"brief\":\"{Brief}\",\"options\":{{\"interactive\":true,\"interactive\":false}}}}", "options.interactive"),
            Create("duplicate budget", $"{{\"brief\":\"{Brief}\",\"options\":{{\"budget\":{{\"maxTokens\":100000,\"maxTokens\":1}}}}}}", "options.budget.maxTokens"),
            Create("duplicate attachment field", $"{{\"brief\":\"{Brief}\",\"attachments\":[{{\"name\":\"a\",\"name\":\"b\",\"content\":\"x\"}}]}}", "attachments[0].name"),
            // Control characters.
            Create("NUL in brief", "{\"brief\":\"notes\\u0000tool\"}", "brief"),
            Create("NUL in attachment content", $"{{\"brief\":\"{Brief}\",\"attachments\":[{{\"name\":\"a.md\",\"content\":\"x\\u0000y\"}}]}}", "attachments[0].content"),
            Create("escape in attachment content", $"{{\"brief\":\"{Brief}\",\"attachments\":[{{\"name\":\"a.md\",\"content\":\"\\u001b[31mred\"}}]}}", "attachments[0].content"),
            Create("bell in attachment name", $"{{\"brief\":\"{Brief}\",\"attachments\":[{{\"name\":\"a\\u0007.md\",\"content\":\"x\"}}]}}", "attachments[0].name"),
            Create("C1 control in attachment", $"{{\"brief\":\"{Brief}\",\"attachments\":[{{\"name\":\"a.md\",\"content\":\"x\\u0085y\"}}]}}", "attachments[0].content"),
            // Bodies of the wrong size or shape.
            Create("body over 1 MB", $"{{\"brief\":\"{oneMegabyte}\"}}", "body", 413),
            Raw("chunked body over 1 MB", RawHttp.Build("POST", "/v1/runs", [Key(t), "Content-Type: application/json"], Encoding.UTF8.GetBytes($"{{\"brief\":\"{oneMegabyte}\"}}"), chunked: true), "body", 413),
            Create("empty body", "", "body"),
            Create("whitespace body", "  \n ", "body"),
            Create("null", "null", "body"),
            Create("string", "\"brief\"", "body"),
            Create("array", "[]", "body"),
            Create("number", "42", "body"),
            Create("deeply nested arrays", new string('[', 5000) + new string(']', 5000), "body"),
            Create("deeply nested options", $"{{\"brief\":\"{Brief}\",\"options\":{{\"models\":{string.Concat(Enumerable.Repeat("{\"a\":", 100))}1{new string('}', 100)}}}}}", "body"),
            Create("trailing garbage", $"{{\"brief\":\"{Brief}\"}} trailing", "body"),
            Create("two documents", $"{{\"brief\":\"{Brief}\"}}{{}}", "body"),
            Create("comment", $"{{\"brief\":\"{Brief}\" /* why */}}", "body"),
            Create("trailing comma", $"{{\"brief\":\"{Brief}\",}}", "body"),
            Create("single quotes", "{'brief':'notes'}", "body"),
            Create("NaN", $"{{\"brief\":\"{Brief}\",\"options\":{{\"questionTimeoutSeconds\":NaN}}}}", "body"),
            Create("unterminated string", "{\"brief\":\"notes", "body"),
            Create("truncated escape", "{\"brief\":\"\\u12\"}", "body"),
            // Content types.
            Create("text/plain", $"{{\"brief\":\"{Brief}\"}}", "Content-Type", 415, "text/plain"),
            Create("form", "brief=notes", "Content-Type", 415, "application/x-www-form-urlencoded"),
            Create("multipart", "--b\r\n\r\nx\r\n--b--", "Content-Type", 415, "multipart/form-data; boundary=b"),
            Create("no content type", $"{{\"brief\":\"{Brief}\"}}", "Content-Type", 415, null),
            Create("json-looking type", $"{{\"brief\":\"{Brief}\"}}", "Content-Type", 415, "application/jsonp"),
            // Wrong types and values per field.
            Create("brief number", "{\"brief\":42}", "brief"),
            Create("brief object", "{\"brief\":{}}", "brief"),
            Create("brief array", "{\"brief\":[\"a\"]}", "brief"),
            Create("brief bool", "{\"brief\":true}", "brief"),
            Create("brief empty", "{\"brief\":\"\"}", "brief"),
            Create("brief over the limit", $"{{\"brief\":\"{new string('y', 300 * 1024)}\"}}", "brief", 413),
            Create("workflow number", $"{{\"brief\":\"{Brief}\",\"workflow\":7}}", "workflow"),
            Create("workflow unknown", $"{{\"brief\":\"{Brief}\",\"workflow\":\"../../etc/passwd\"}}", "workflow"),
            Create("options array", $"{{\"brief\":\"{Brief}\",\"options\":[]}}", "options"),
            Create("options string", $"{{\"brief\":\"{Brief}\",\"options\":\"fast\"}}", "options"),
            Create("interactive string", $"{{\"brief\":\"{Brief}\",\"options\":{{\"interactive\":\"true\"}}}}", "options.interactive"),
            Create("interactive number", $"{{\"brief\":\"{Brief}\",\"options\":{{\"interactive\":1}}}}", "options.interactive"),
            Create("timeout huge number", $"{{\"brief\":\"{Brief}\",\"options\":{{\"questionTimeoutSeconds\":1e400}}}}", "options.questionTimeoutSeconds"),
            Create("timeout 400 digits", $"{{\"brief\":\"{Brief}\",\"options\":{{\"questionTimeoutSeconds\":{new string('9', 400)}}}}}", "options.questionTimeoutSeconds"),
            Create("timeout negative", $"{{\"brief\":\"{Brief}\",\"options\":{{\"questionTimeoutSeconds\":-1}}}}", "options.questionTimeoutSeconds"),
            Create("timeout fraction", $"{{\"brief\":\"{Brief}\",\"options\":{{\"questionTimeoutSeconds\":1.5}}}}", "options.questionTimeoutSeconds"),
            Create("timeout string", $"{{\"brief\":\"{Brief}\",\"options\":{{\"questionTimeoutSeconds\":\"60\"}}}}", "options.questionTimeoutSeconds"),
            Create("maxTokens beyond long", $"{{\"brief\":\"{Brief}\",\"options\":{{\"budget\":{{\"maxTokens\":99999999999999999999999}}}}}}", "options.budget.maxTokens"),
            Create("maxTokens zero", $"{{\"brief\":\"{Brief}\",\"options\":{{\"budget\":{{\"maxTokens\":0}}}}}}", "options.budget.maxTokens"),
            Create("maxTokens fraction", $"{{\"brief\":\"{Brief}\",\"options\":{{\"budget\":{{\"maxTokens\":10.5}}}}}}", "options.budget.maxTokens"),
            Create("maxCostUsd 1e400", $"{{\"brief\":\"{Brief}\",\"options\":{{\"budget\":{{\"maxCostUsd\":1e400}}}}}}", "options.budget.maxCostUsd"),
            Create("maxCostUsd negative", $"{{\"brief\":\"{Brief}\",\"options\":{{\"budget\":{{\"maxCostUsd\":-2}}}}}}", "options.budget.maxCostUsd"),
            Create("maxCostUsd string", $"{{\"brief\":\"{Brief}\",\"options\":{{\"budget\":{{\"maxCostUsd\":\"2\"}}}}}}", "options.budget.maxCostUsd"),
            Create("budget empty", $"{{\"brief\":\"{Brief}\",\"options\":{{\"budget\":{{}}}}}}", "options.budget"),
            Create("budget array", $"{{\"brief\":\"{Brief}\",\"options\":{{\"budget\":[1]}}}}", "options.budget"),
            Create("budget unknown field", $"{{\"brief\":\"{Brief}\",\"options\":{{\"budget\":{{\"tokens\":5}}}}}}", "options.budget.tokens"),
            Create("models array", $"{{\"brief\":\"{Brief}\",\"options\":{{\"models\":[\"default\"]}}}}", "options.models"),
            Create("model number", $"{{\"brief\":\"{Brief}\",\"options\":{{\"models\":{{\"*\":5}}}}}}", "options.models.*"),
            Create("model unknown", $"{{\"brief\":\"{Brief}\",\"options\":{{\"models\":{{\"*\":\"nope\"}}}}}}", "options.models.*"),
            Create("model of an unknown agent", $"{{\"brief\":\"{Brief}\",\"options\":{{\"models\":{{\"ghost\":\"default\"}}}}}}", "options.models.ghost"),
            Create("model without a key for all agents", $"{{\"brief\":\"{Brief}\",\"options\":{{\"models\":{{\"*\":\"hosted\"}}}}}}", "options.models.*"),
            Create("model without a key for one agent", $"{{\"brief\":\"{Brief}\",\"options\":{{\"models\":{{\"designer\":\"hosted\"}}}}}}", "options.models.designer"),
            Create("callbackUrl number", $"{{\"brief\":\"{Brief}\",\"callbackUrl\":5}}", "callbackUrl"),
            Create("callbackUrl relative", $"{{\"brief\":\"{Brief}\",\"callbackUrl\":\"/hook\"}}", "callbackUrl"),
            Create("callbackUrl javascript", $"{{\"brief\":\"{Brief}\",\"callbackUrl\":\"javascript:alert(1)\"}}", "callbackUrl"),
            Create("callbackUrl file", $"{{\"brief\":\"{Brief}\",\"callbackUrl\":\"file:///etc/passwd\"}}", "callbackUrl"),
            Create("attachments object", $"{{\"brief\":\"{Brief}\",\"attachments\":{{}}}}", "attachments"),
            Create("attachments too many", $"{{\"brief\":\"{Brief}\",\"attachments\":[{string.Join(",", Enumerable.Repeat("{\"name\":\"a\",\"content\":\"b\"}", 11))}]}}", "attachments"),
            Create("attachment without content", $"{{\"brief\":\"{Brief}\",\"attachments\":[{{\"name\":\"a\"}}]}}", "attachments[0]"),
            Create("attachment content number", $"{{\"brief\":\"{Brief}\",\"attachments\":[{{\"name\":\"a\",\"content\":1}}]}}", "attachments[0]"),
            Create("attachment string", $"{{\"brief\":\"{Brief}\",\"attachments\":[\"a.md\"]}}", "attachments[0]"),
            Create("unknown field", $"{{\"brief\":\"{Brief}\",\"priority\":1}}", "priority"),
            Create("misplaced option", $"{{\"brief\":\"{Brief}\",\"interactive\":true}}", "interactive"),
            // Idempotency-Key.
            Raw("Idempotency-Key too long", Post("/v1/runs", t, $"{{\"brief\":\"{Brief}\"}}", "application/json", $"Idempotency-Key: {new string('k', 201)}"), "Idempotency-Key"),
            Raw("Idempotency-Key twice", Post("/v1/runs", t, $"{{\"brief\":\"{Brief}\"}}", "application/json", "Idempotency-Key: a", "Idempotency-Key: b"), "Idempotency-Key"),
            Raw("Idempotency-Key non-ASCII", RawHttp.Build("POST", "/v1/runs", [Key(t), "Content-Type: application/json", "Idempotency-Key: caf\u00e9"], Encoding.UTF8.GetBytes($"{{\"brief\":\"{Brief}\"}}")), "Idempotency-Key"),
            Raw("Idempotency-Key UTF-8 bytes", Concat(RawHttp.Build("POST", "/v1/runs", [Key(t), "Content-Type: application/json"], null), "Idempotency-Key: k\u00c3\u00a9\r\n", $"{{\"brief\":\"{Brief}\"}}"), "Idempotency-Key"),
            // Listing: query parameters.
            Get("crafted cursor (negative ticks)", "/v1/runs?cursor=LTF8eA", t, "cursor"),
            Get("cursor beyond the last date", $"/v1/runs?cursor={Cursor("3155378976000000000|x")}", t, "cursor"),
            Get("cursor not base64", "/v1/runs?cursor=%%%", t, "cursor"),
            Get("cursor with no separator", $"/v1/runs?cursor={Cursor("123")}", t, "cursor"),
            Get("limit zero", "/v1/runs?limit=0", t, "limit"),
            Get("limit negative", "/v1/runs?limit=-1", t, "limit"),
            Get("limit beyond int", "/v1/runs?limit=99999999999999", t, "limit"),
            Get("limit fraction", "/v1/runs?limit=1.5", t, "limit"),
            Get("status unknown", "/v1/runs?status=sleeping", t, "status"),
            Get("status invalid percent-encoding", "/v1/runs?status=%FF%FE", t, "status"),
            Get("createdAfter garbage", "/v1/runs?createdAfter=%00", t, "createdAfter"),
            Get("createdBefore garbage", "/v1/runs?createdBefore=tomorrow", t, "createdBefore"),
            Get("revision not a number", $"/v1/runs/{run}/document?revision=x", t, "revision"),
            Get("revision zero", $"/v1/runs/{run}/document?revision=0", t, "revision"),
            Get("revision beyond int", $"/v1/runs/{run}/document?revision=99999999999", t, "revision"),
            Get("deliveries limit", "/v1/deliveries?limit=abc", t, "limit"),
            Get("deliveries status", "/v1/deliveries?status=lost", t, "status"),
            // Unknown and malformed ids.
            Get("unknown run", "/v1/runs/run_nope", t, null, 404),
            Get("run id with percent-encoded NUL", "/v1/runs/%00", t, null, 400) with { BareFromKestrel = true },
            Get("run id with invalid percent-encoding", "/v1/runs/%FF%FE", t, null, 404),
            Get("run id 2000 characters", $"/v1/runs/{new string('r', 2000)}", t, null, 404),
            Get("run id with dot segments", "/v1/runs/..%2F..%2Fapi-keys", t, null, 404),
            Get("unknown run events", "/v1/runs/run_nope/events", t, null, 404),
            Get("unknown run document", "/v1/runs/run_nope/document", t, null, 404),
            Get("unknown deliverable", $"/v1/runs/{run}/deliverables/..%2F..%2Fappsettings.json", t, null, 404),
            Raw("answers to an unknown run", Post("/v1/runs/run_nope/answers", t, "{\"answers\":{}}"), null, 404),
            Raw("resume an unknown run", Post("/v1/runs/run_nope/resume", t, "{}"), null, 404),
            Raw("cancel an unknown run", Post("/v1/runs/run_nope/cancel", t, null), null, 404),
            Raw("replay an unknown delivery", Post("/v1/deliveries/dlv_nope/replay", t, null), null, 404),
            // Answers.
            Raw("answers: lone surrogate", Post($"/v1/runs/{run}/answers", t, "{\"answers\":{\"q1\":\"\\ud800\"}}"), "answers.q1"),
            Raw("answers: invalid UTF-8", PostBytes($"/v1/runs/{run}/answers", t, [.. "{\"answers\":{\"q1\":\""u8, 0xFF, .. "\"}}"u8]), "body"),
            Raw("answers: over 1 MB", Post($"/v1/runs/{run}/answers", t, $"{{\"answers\":{{\"q1\":\"{oneMegabyte}\"}}}}"), "body", 413),
            Raw("answers: chunked over 1 MB", RawHttp.Build("POST", $"/v1/runs/{run}/answers", [Key(t), "Content-Type: application/json"], Encoding.UTF8.GetBytes($"{{\"answers\":{{\"q1\":\"{oneMegabyte}\"}}}}"), chunked: true), "body", 413),
            Raw("answers: duplicate key", Post($"/v1/runs/{run}/answers", t, "{\"answers\":{\"q1\":\"a\",\"q1\":\"b\"}}"), "answers.q1"),
            Raw("answers: duplicate answers", Post($"/v1/runs/{run}/answers", t, "{\"answers\":{},\"answers\":{\"q1\":\"b\"}}"), "answers"),
            Raw("answers: text/plain", Post($"/v1/runs/{run}/answers", t, "{\"answers\":{}}", "text/plain"), "Content-Type", 415),
            Raw("answers: empty body", Post($"/v1/runs/{run}/answers", t, ""), "body"),
            Raw("answers: array", Post($"/v1/runs/{run}/answers", t, "[]"), "body"),
            Raw("answers: missing", Post($"/v1/runs/{run}/answers", t, "{}"), "answers"),
            Raw("answers: string", Post($"/v1/runs/{run}/answers", t, "{\"answers\":\"yes\"}"), "answers"),
            Raw("answers: unknown field", Post($"/v1/runs/{run}/answers", t, "{\"answers\":{},\"answer\":{}}"), "answer"),
            Raw("answers: deep nesting", Post($"/v1/runs/{run}/answers", t, "{\"answers\":" + string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 101)), "body"),
            // Resume.
            Raw("resume: budget fields at the top", Post($"/v1/runs/{run}/resume", t, "{\"maxTokens\":500000}"), "maxTokens"),
            Raw("resume: unknown field", Post($"/v1/runs/{run}/resume", t, "{\"budget\":{\"maxTokens\":500000},\"force\":true}"), "force"),
            Raw("resume: lone surrogate", Post($"/v1/runs/{run}/resume", t, "{\"budget\":\"\\ud800\"}"), "budget"),
            Raw("resume: invalid UTF-8", PostBytes($"/v1/runs/{run}/resume", t, [.. "{\"budget\":\""u8, 0xFE, .. "\"}"u8]), "body"),
            Raw("resume: over 1 MB", Post($"/v1/runs/{run}/resume", t, $"{{\"budget\":{{\"note\":\"{oneMegabyte}\"}}}}"), "body", 413),
            Raw("resume: chunked over 1 MB", RawHttp.Build("POST", $"/v1/runs/{run}/resume", [Key(t), "Content-Type: application/json"], Encoding.UTF8.GetBytes($"{{\"budget\":{{\"note\":\"{oneMegabyte}\"}}}}"), chunked: true), "body", 413),
            Raw("resume: duplicate budget", Post($"/v1/runs/{run}/resume", t, "{\"budget\":{\"maxTokens\":500000},\"budget\":null}"), "budget"),
            Raw("resume: budget string", Post($"/v1/runs/{run}/resume", t, "{\"budget\":\"more\"}"), "budget"),
            Raw("resume: maxTokens zero", Post($"/v1/runs/{run}/resume", t, "{\"budget\":{\"maxTokens\":0}}"), "budget.maxTokens"),
            Raw("resume: array", Post($"/v1/runs/{run}/resume", t, "[1]"), "body"),
            Raw("resume: text/plain body", Post($"/v1/runs/{run}/resume", t, "{\"budget\":{\"maxTokens\":5}}", "text/plain"), "Content-Type", 415),
            Raw("resume: malformed JSON", Post($"/v1/runs/{run}/resume", t, "{\"budget\":"), "body"),
            // Event stream, catalog, dashboard, unknown routes and methods, credentials.
            Raw("events: Last-Event-ID not a number", RawHttp.Build("GET", $"/v1/runs/{run}/events", [Key(t), "Last-Event-ID: abc"]), "Last-Event-ID"),
            Raw("events: Last-Event-ID negative", RawHttp.Build("GET", $"/v1/runs/{run}/events", [Key(t), "Last-Event-ID: -1"]), "Last-Event-ID"),
            Raw("events: Last-Event-ID beyond long", RawHttp.Build("GET", $"/v1/runs/{run}/events", [Key(t), "Last-Event-ID: 99999999999999999999999"]), "Last-Event-ID"),
            Get("events: lastEventId query not a number", $"/v1/runs/{run}/events?lastEventId=x", t, "Last-Event-ID"),
            Get("unknown workflow", "/v1/workflows/nope", t, null, 404),
            Get("unknown workflow graph", "/v1/workflows/%FF/graph", t, null, 404),
            Raw("dashboard path traversal", RawHttp.Build("GET", "/dashboard/..%2F..%2Fappsettings.json", []), null, 404),
            Raw("dashboard unknown vendor file", RawHttp.Build("GET", "/dashboard/vendor/..%2Fpackage.json", []), null, 404),
            Get("unknown route", "/v1/nope", t, null, 404),
            Raw("wrong method", RawHttp.Build("DELETE", "/v1/runs", [Key(t)]), null, 405),
            Raw("wrong method on a webhook", RawHttp.Build("GET", "/v1/webhooks/github", []), null, 405),
            Raw("no credentials", RawHttp.Build("GET", "/v1/runs", []), null, 401),
            Raw("unknown API key", RawHttp.Build("GET", "/v1/runs", ["X-Api-Key: ak_nope"]), null, 401),
            Raw("API key of 10 KB", RawHttp.Build("GET", "/v1/runs", ["X-Api-Key: " + new string('k', 10 * 1024)]), null, 401),
            Raw("bearer token garbage", RawHttp.Build("GET", "/v1/runs", ["Authorization: Bearer not.a.jwt"]), null, 401),
            Raw("basic auth", RawHttp.Build("GET", "/v1/runs", ["Authorization: Basic dXNlcjpwYXNz"]), null, 401),
            Raw("create run without credentials", RawHttp.Build("POST", "/v1/runs", ["Content-Type: application/json"], Encoding.UTF8.GetBytes($"{{\"brief\":\"{Brief}\"}}")), null, 401),
            // Framing Kestrel refuses itself, before any application code (no hook gives these a body).
            Raw("Content-Length not a number", RawHttp.Build("POST", "/v1/runs", [Key(t), "Content-Type: application/json", "Content-Length: abc"]), null, 400) with { BareFromKestrel = true },
            Raw("request line with junk", Encoding.ASCII.GetBytes("GET /v1/runs HTTP/1.1 junk\r\nHost: x\r\n\r\n"), null, 400) with { BareFromKestrel = true },
            Raw("no Host header", Encoding.ASCII.GetBytes("GET /v1/runs HTTP/1.1\r\nConnection: close\r\n\r\n"), null, 400) with { BareFromKestrel = true },
            Raw("control byte in a header", RawHttp.Build("GET", "/v1/runs", [Key(t), "X-Note: a\u0001b"]), "X-Note"),
            Raw("Expect 100-continue over the limit", RawHttp.Build("POST", "/v1/runs", [Key(t), "Content-Type: application/json", "Expect: 100-continue", "Content-Length: 5000000"]), "body", 413),
            // The server's own limits, on every kind of endpoint.
            Raw("cancel with a body over 1 MB", Post($"/v1/runs/{run}/cancel", t, oneMegabyte, "text/plain"), "body", 413),
            Raw("GET with a body over 1 MB", RawHttp.Build("GET", "/v1/runs", [Key(t), "Content-Type: text/plain"], Encoding.ASCII.GetBytes(oneMegabyte)), "body", 413),
            Raw("health with a body over 1 MB", RawHttp.Build("POST", "/health/live", ["Content-Type: text/plain"], Encoding.ASCII.GetBytes(oneMegabyte)), "body", 413),
            Raw("URL of 20 KB", RawHttp.Build("GET", "/v1/runs?status=" + new string('s', 20 * 1024), [Key(t)]), "url", 414),
            Raw("header of 40 KB", RawHttp.Build("GET", "/v1/runs", [Key(t), "X-Padding: " + new string('p', 40 * 1024)]), "headers", 431),
            Raw("150 headers", RawHttp.Build("GET", "/v1/runs", [Key(t), .. Enumerable.Range(0, 150).Select(i => $"X-H{i}: v")]), "headers", 431),
            Raw("non-ASCII header value", RawHttp.Build("GET", "/v1/runs", [Key(t), "X-Note: caf\u00e9"]), "X-Note"),
            Raw("non-ASCII API key", RawHttp.Build("GET", "/v1/runs", ["X-Api-Key: \u00ff\u00fe"]), "X-Api-Key"),
            Raw("broken chunked framing", Concat(RawHttp.Build("POST", "/v1/runs", [Key(t), "Content-Type: application/json", "Transfer-Encoding: chunked"], null), "", "zz\r\n{}\r\n0\r\n\r\n"), "body"),
        };

        cases.AddRange(PrivateCallbackHosts.Select(host => Create($"callback to {host}", $"{{\"brief\":\"{Brief}\",\"callbackUrl\":\"http://{host}/hook\"}}", "callbackUrl")));
        cases.AddRange(Webhooks(t));
        return cases;
    }

    private static IEnumerable<BadInputCase> Webhooks(CorpusTarget t)
    {
        byte[] Json(string s) => Encoding.UTF8.GetBytes(s);
        var opened = "{\"action\":\"opened\",\"issue\":{\"number\":7,\"title\":\"T\",\"labels\":[{\"name\":\"architecture\"}]},\"repository\":{\"full_name\":\"o/r\"}}";
        return
        [
            GitHub("GitHub: body []", t, "issues", Json("[]"), "body"),
            GitHub("GitHub: body a string", t, "issues", Json("\"x\""), "body"),
            GitHub("GitHub: issue.number a string", t, "issues", Json(opened.Replace("\"number\":7", "\"number\":\"7\"", StringComparison.Ordinal)), "issue.number"),
            GitHub("GitHub: issue.number a fraction", t, "issues", Json(opened.Replace("\"number\":7", "\"number\":7.5", StringComparison.Ordinal)), "issue.number"),
            GitHub("GitHub: issue.number negative", t, "issues", Json(opened.Replace("\"number\":7", "\"number\":-7", StringComparison.Ordinal)), "issue.number"),
            GitHub("GitHub: issue a string", t, "issues", Json("{\"action\":\"opened\",\"issue\":\"7\",\"repository\":{\"full_name\":\"o/r\"}}"), "issue.number"),
            GitHub("GitHub: lone surrogate in title", t, "issues", Json(opened.Replace("\"title\":\"T\"", "\"title\":\"\\ud800\"", StringComparison.Ordinal)), "issue.title"),
            GitHub("GitHub: lone surrogate in a comment", t, "issue_comment", Json("{\"action\":\"created\",\"issue\":{\"number\":7},\"repository\":{\"full_name\":\"o/r\"},\"comment\":{\"body\":\"\\udc00\"}}"), "comment.body"),
            GitHub("GitHub: invalid UTF-8", t, "issues", [.. Json(opened)[..^2], 0xFF, .. "}}"u8], "body"),
            GitHub("GitHub: duplicate action", t, "issues", Json(opened.Replace("{\"action\":\"opened\"", "{\"action\":\"closed\",\"action\":\"opened\"", StringComparison.Ordinal)), "action"),
            GitHub("GitHub: deep nesting", t, "issues", Json(new string('[', 3000) + new string(']', 3000)), "body"),
            GitHub("GitHub: malformed JSON", t, "issues", Json("{\"action\":"), "body"),
            GitHub("GitHub: empty body", t, "issues", [], "body"),
            GitHub("GitHub: text/plain", t, "issues", Json(opened), "Content-Type", 415, contentType: "text/plain"),
            GitHub("GitHub: no event header", t, "", Json(opened), "X-GitHub-Event"),
            GitHub("GitHub: delivery id too long", t, "issues", Json(opened), "X-GitHub-Delivery", delivery: new string('d', 200)),
            GitHub("GitHub: unsigned", t, "issues", Json(opened), "X-Hub-Signature-256", 401, signed: false),
            GitHub("GitHub: unsigned over 1 MB", t, "issues", Json(new string(' ', 1024 * 1024 + 1) + "{}"), "body", 413, signed: false),
            Jira("Jira: body []", t, Json("[]"), "body"),
            Jira("Jira: body a number", t, Json("3"), "body"),
            Jira("Jira: webhookEvent a number", t, Json("{\"webhookEvent\":5}"), "webhookEvent"),
            Jira("Jira: issue key missing", t, Json("{\"webhookEvent\":\"jira:issue_created\",\"issue\":[]}"), "issue.key"),
            Jira("Jira: comment an array", t, Json("{\"webhookEvent\":\"comment_created\",\"issue\":{\"key\":\"OPS-1\"},\"comment\":[]}"), "comment.body"),
            Jira("Jira: lone surrogate in summary", t, Json("{\"webhookEvent\":\"jira:issue_created\",\"issue\":{\"key\":\"OPS-1\",\"fields\":{\"summary\":\"\\ud800\",\"labels\":[\"architecture\"]}}}"), "issue.fields.summary"),
            Jira("Jira: unsigned", t, Json("{}"), "X-Hub-Signature", 401, signed: false),
            Generic("Generic: body []", t, Json("[]"), "body"),
            Generic("Generic: ticket key a number", t, Json("{\"type\":\"ticket.opened\",\"ticket\":{\"key\":42,\"title\":\"T\"}}"), "ticket.key"),
            Generic("Generic: lone surrogate in title", t, Json("{\"type\":\"ticket.opened\",\"ticket\":{\"key\":\"OPS-1\",\"title\":\"\\ud800\"}}"), "ticket.title"),
            Generic("Generic: callbackUrl a number", t, Json("{\"type\":\"ticket.opened\",\"ticket\":{\"key\":\"OPS-1\",\"title\":\"T\"},\"callbackUrl\":1}"), "callbackUrl"),
            Generic("Generic: callback to loopback", t, Json("{\"type\":\"ticket.opened\",\"ticket\":{\"key\":\"OPS-1\",\"title\":\"T\"},\"callbackUrl\":\"http://127.0.0.1/hook\"}"), "callbackUrl"),
            Generic("Generic: duplicate type", t, Json("{\"type\":\"ticket.closed\",\"type\":\"ticket.opened\",\"ticket\":{\"key\":\"OPS-1\",\"title\":\"T\"}}"), "type"),
        ];
    }

    private static string Key(CorpusTarget t) => $"X-Api-Key: {t.ApiKey}";

    private static string Cursor(string plain) => Convert.ToBase64String(Encoding.UTF8.GetBytes(plain)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static BadInputCase Raw(string name, byte[] request, string? field, int? status = null) => new(name, request, field, status);

    private static BadInputCase Get(string name, string target, CorpusTarget t, string? field, int? status = null) =>
        new(name, RawHttp.Build("GET", target, [Key(t)]), field, status);

    private static byte[] Post(string target, CorpusTarget t, string? body, string? contentType = "application/json", params string[] headers) =>
        RawHttp.Build("POST", target, [Key(t), .. contentType is null ? [] : new[] { $"Content-Type: {contentType}" }, .. headers], body is null ? null : Encoding.UTF8.GetBytes(body));

    private static byte[] PostBytes(string target, CorpusTarget t, byte[] body) => RawHttp.Build("POST", target, [Key(t), "Content-Type: application/json"], body);

    /// <summary>A request head with one raw header line (bytes as Latin-1 characters) and a body appended, for framing HttpClient would not send.</summary>
    private static byte[] Concat(byte[] head, string extraHeaderLines, string body)
    {
        var text = Encoding.Latin1.GetString(head);
        var end = text.LastIndexOf("\r\n\r\n", StringComparison.Ordinal);
        var bodyBytes = Encoding.UTF8.GetBytes(body);
        var length = text.Contains("Transfer-Encoding", StringComparison.Ordinal) ? "" : $"Content-Length: {bodyBytes.Length}\r\n";
        return [.. Encoding.Latin1.GetBytes(text[..end] + "\r\n" + extraHeaderLines + length + "\r\n"), .. bodyBytes];
    }

    private static BadInputCase GitHub(string name, CorpusTarget t, string eventName, byte[] body, string field, int? status = null, bool signed = true, string contentType = "application/json", string delivery = "corpus-delivery")
    {
        var headers = new List<string> { $"Content-Type: {contentType}", $"X-GitHub-Delivery: {delivery}" };
        if (eventName.Length > 0)
        {
            headers.Add($"X-GitHub-Event: {eventName}");
        }

        if (signed)
        {
            headers.Add($"X-Hub-Signature-256: {Fixtures.Sign(t.GitHubSecret, body)}");
        }

        return new(name, RawHttp.Build("POST", "/v1/webhooks/github", headers, body), field, status);
    }

    private static BadInputCase Jira(string name, CorpusTarget t, byte[] body, string field, int? status = null, bool signed = true)
    {
        var headers = new List<string> { "Content-Type: application/json", "X-Atlassian-Webhook-Identifier: corpus-jira" };
        if (signed)
        {
            headers.Add($"X-Hub-Signature: {Fixtures.Sign(t.JiraSecret, body)}");
        }

        return new(name, RawHttp.Build("POST", "/v1/webhooks/jira", headers, body), field, status);
    }

    private static BadInputCase Generic(string name, CorpusTarget t, byte[] body, string field)
    {
        var now = DateTimeOffset.UtcNow;
        var id = "msg_corpus_" + Guid.NewGuid().ToString("N");
        var signature = new StandardWebhook(t.GenericSecret).Sign(id, now, Encoding.UTF8.GetString(body));
        return new(name, RawHttp.Build("POST", "/v1/webhooks/generic",
            ["Content-Type: application/json", $"webhook-id: {id}", $"webhook-timestamp: {now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}", $"webhook-signature: {signature}"], body), field);
    }
}
