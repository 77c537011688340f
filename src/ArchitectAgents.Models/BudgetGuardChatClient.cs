using ArchitectAgents.Core.Models;
using Microsoft.Extensions.AI;

namespace ArchitectAgents.Models;

/// <summary>
/// Sits under function invocation so it sees every model call of an agent turn: checks the run's budget
/// before each call, caps the call's output to what is left of it (so a call cannot spend past the budget
/// by more than its own input), and records each call's usage in the current <see cref="ModelCallScope"/>.
/// </summary>
public sealed class BudgetGuardChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var scope = ModelCallScope.Current;
        scope?.EnsureBudget();
        var response = await base.GetResponseAsync(messages, CapOutput(options, scope), cancellationToken).ConfigureAwait(false);
        scope?.Record(response.Usage);
        return response;
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var scope = ModelCallScope.Current;
        scope?.EnsureBudget();
        UsageDetails? usage = null;
        await foreach (var update in base.GetStreamingResponseAsync(messages, CapOutput(options, scope), cancellationToken).ConfigureAwait(false))
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

    /// <summary>The options with max output tokens lowered to what the budget leaves; the caller's options are not changed.</summary>
    private static ChatOptions? CapOutput(ChatOptions? options, ModelCallScope? scope)
    {
        if (scope?.OutputTokensLeft is not { } left)
        {
            return options;
        }

        // EnsureBudget has passed, so at least one token is left; a provider refuses a cap of zero.
        var cap = (int)Math.Clamp(left, 1, int.MaxValue);
        if (options?.MaxOutputTokens is { } own && own <= cap)
        {
            return options;
        }

        var capped = options?.Clone() ?? new ChatOptions();
        capped.MaxOutputTokens = cap;
        return capped;
    }
}
