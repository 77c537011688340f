using ArchitectAgents.Core.Models;
using Microsoft.Extensions.AI;

namespace ArchitectAgents.Models;

/// <summary>
/// Sits under function invocation so it sees every model call of an agent turn: checks the run's budget
/// before each call and records each call's usage in the current <see cref="ModelCallScope"/>.
/// </summary>
public sealed class BudgetGuardChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var scope = ModelCallScope.Current;
        scope?.EnsureBudget();
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        scope?.Record(response.Usage);
        return response;
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var scope = ModelCallScope.Current;
        scope?.EnsureBudget();
        UsageDetails? usage = null;
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            foreach (var content in update.Contents.OfType<UsageContent>())
            {
                usage ??= new UsageDetails();
                usage.Add(content.Details);
            }

            yield return update;
        }

        scope?.Record(usage);
    }
}
