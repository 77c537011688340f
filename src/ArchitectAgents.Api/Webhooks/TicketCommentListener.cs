using ArchitectAgents.Runs.Deliveries;
using ArchitectAgents.Runs.Lifecycle;
using ArchitectAgents.Runs.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ArchitectAgents.Api.Webhooks;

/// <summary>Queues a comment on the ticket a run came from (questions, then the result) and frees the ticket when the run ends.</summary>
internal sealed class TicketCommentListener(IOptionsMonitor<PublicLinks> links, TimeProvider time) : IRunLifecycleListener
{
    public async Task OnTransitionAsync(RunTransition transition, ArchitectDbContext db, CancellationToken ct)
    {
        var run = transition.Run;
        var link = await db.TicketLinks.FirstOrDefaultAsync(l => l.RunId == run.Id, ct);
        if (link is null)
        {
            return;
        }

        if (RunStatuses.IsTerminal(run.Status))
        {
            // The ticket may start a new run from now on (labelled again, say).
            link.ActiveKey = null;
        }

        if (link.CommentsUrl is null)
        {
            return;
        }

        var message = TicketMessage.For(transition, links.CurrentValue);
        var (channel, payload) = link.Source switch
        {
            TicketSources.GitHub => (GitHubCommentChannel.ChannelName, message.ToGitHubPayload()),
            TicketSources.Jira => (JiraCommentChannel.ChannelName, message.ToJiraPayload()),
            _ => (null, null),
        };
        if (channel is not null)
        {
            DeliveryOutbox.Enqueue(db, channel, run, transition.EventType, link.CommentsUrl, payload!, time.GetUtcNow());
        }
    }
}

/// <summary>Ticket sources.</summary>
internal static class TicketSources
{
    public const string GitHub = "github";
    public const string Jira = "jira";
    public const string Generic = "generic";
}
