using ArchitectAgents.Core.Catalog;
using ArchitectAgents.Core.Models;

namespace ArchitectAgents.Core.Engine;

/// <summary>Turns a failed executor's exception into one line a user can act on.</summary>
public static class WorkflowErrors
{
    /// <summary>The innermost meaningful message, prefixed with the node when the message does not name it.</summary>
    public static string Describe(string? node, Exception? exception)
    {
        var inner = exception;
        while (inner is { InnerException: not null } && inner is not AgentOutputRejectedException and not CatalogException and not BudgetExceededException and not ModelUnavailableException)
        {
            inner = inner.InnerException;
        }

        var message = inner?.Message ?? "unknown error";
        return node is null || message.Contains(node, StringComparison.Ordinal) ? message : $"node '{node}' failed: {message}";
    }

    /// <summary>A machine-readable code for a failure: budget_exceeded, model_unavailable, output_rejected, configuration or workflow_error.</summary>
    public static string Classify(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case BudgetExceededException:
                    return "budget_exceeded";
                case ModelUnavailableException:
                    return "model_unavailable";
                case AgentOutputRejectedException:
                    return "output_rejected";
                case CatalogException:
                    return "configuration";
            }
        }

        return "workflow_error";
    }
}
