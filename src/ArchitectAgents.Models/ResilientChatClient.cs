using System.ClientModel;
using System.Globalization;
using System.Net;
using ArchitectAgents.Core.Models;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ArchitectAgents.Models;

/// <summary>
/// Retries a model call on 429, 408, 5xx, timeouts and network errors with exponential backoff and jitter,
/// waiting what <c>Retry-After</c> asks when the server sends it, each attempt under a timeout. When the
/// retries run out the call fails with <see cref="ModelUnavailableException"/>, which pauses the run resumably.
/// </summary>
public sealed class ResilientChatClient : DelegatingChatClient
{
    private readonly ResiliencePipeline _pipeline;
    private readonly ModelSettings _settings;

    /// <summary>Wraps <paramref name="inner"/> with the entry's retry and timeout settings.</summary>
    public ResilientChatClient(IChatClient inner, ModelSettings settings, ILogger logger, TimeProvider? time = null) : base(inner)
    {
        _settings = settings;
        var builder = new ResiliencePipelineBuilder { TimeProvider = time ?? TimeProvider.System };
        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(settings.RetryBaseDelayMs),
                MaxDelay = TimeSpan.FromMilliseconds(settings.RetryMaxDelayMs),
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Exception) is { } wait
                    ? (TimeSpan?)TimeSpan.FromMilliseconds(Math.Min(wait.TotalMilliseconds, settings.RetryMaxDelayMs))
                    : null),
                OnRetry = args =>
                {
                    logger.LogWarning("Model {Model} call failed ({Reason}); retry {Attempt} of {Max} in {Delay} ms",
                        settings.Name, Describe(args.Outcome.Exception), args.AttemptNumber + 1, settings.MaxRetries, (long)args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            });
        }

        _pipeline = builder.AddTimeout(TimeSpan.FromSeconds(settings.TimeoutSeconds)).Build();
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? [.. messages];
        try
        {
            return await _pipeline.ExecuteAsync(
                async ct => await base.GetResponseAsync(list, options, ct).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsTransient(ex) && !cancellationToken.IsCancellationRequested)
        {
            throw new ModelUnavailableException(
                $"model '{_settings.Name}' is unavailable after {_settings.MaxRetries} retries: {Describe(ex)}; the run can be resumed once it is back", ex);
        }
        catch (ClientResultException ex)
        {
            // Not transient (400, 401, 404 ...): say what the provider said without echoing request headers.
            throw new ModelUnavailableException($"model '{_settings.Name}' refused the call: {Describe(ex)}", ex);
        }
    }

    private static bool IsTransient(Exception ex) => ex switch
    {
        ClientResultException c => c.Status is 408 or 409 or 429 or >= 500 or 0,
        HttpRequestException h => h.StatusCode is null or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError,
        TimeoutRejectedException => true,
        IOException => true,
        _ => false,
    };

    private static TimeSpan? RetryAfter(Exception? ex)
    {
        if (ex is not ClientResultException { } result || result.GetRawResponse() is not { } response)
        {
            return null;
        }

        if (response.Headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis) && millis >= 0)
        {
            return TimeSpan.FromMilliseconds(millis);
        }

        if (response.Headers.TryGetValue("Retry-After", out var value) && value is not null)
        {
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
            {
                var wait = when - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        return null;
    }

    private static string Describe(Exception? ex) => ex switch
    {
        ClientResultException c => $"HTTP {c.Status}{(FirstLine(c.Message) is { Length: > 0 } m ? $": {m}" : "")}",
        TimeoutRejectedException => "timed out",
        null => "unknown error",
        _ => $"{ex.GetType().Name}: {FirstLine(ex.Message)}",
    };

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length <= 200 ? line : line[..200] + "…";
    }
}
