using ArchitectAgents.Core.Catalog;

namespace ArchitectAgents.Core.Engine;

/// <summary>Turns a failed executor's exception into one line a user can act on.</summary>
public static class WorkflowErrors
{
    /// <summary>The innermost meaningful message, prefixed with the node when the message does not name it.</summary>
    public static string Describe(string? node, Exception? exception)
    {
        var inner = exception;
        while (inner is { InnerException: not null } && inner is not AgentOutputRejectedException and not CatalogException)
        {
            inner = inner.InnerException;
        }

        var message = inner?.Message ?? "unknown error";
        return node is null || message.Contains(node, StringComparison.Ordinal) ? message : $"node '{node}' failed: {message}";
    }
}
