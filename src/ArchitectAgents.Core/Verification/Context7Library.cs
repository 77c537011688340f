namespace ArchitectAgents.Core.Verification;

/// <summary>One library from context7's <c>resolve-library-id</c> answer.</summary>
/// <param name="Id">Context7-compatible library id, for example <c>/fastify/fastify</c>.</param>
/// <param name="Title">Title the server gave.</param>
/// <param name="Reputation">Source reputation (High, Medium, Low, Unknown), when given.</param>
/// <param name="Versions">Versions context7 has docs for, when given.</param>
public sealed record Context7Library(string Id, string Title, string? Reputation, IReadOnlyList<string> Versions);
