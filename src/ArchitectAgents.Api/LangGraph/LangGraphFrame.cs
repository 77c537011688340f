using System.Text.Json.Nodes;

namespace ArchitectAgents.Api.LangGraph;

/// <summary>One server-sent event of a LangGraph stream: its resumable id (<c>{store event id}-{index}</c>), event name and data.</summary>
internal sealed record LangGraphFrame(string Id, string Event, JsonNode? Data);
