namespace ArchitectAgents.Runs.Deliveries;

/// <summary>
/// Sends one stored delivery once. Retries, backoff and dead-lettering are the caller's business
/// (<see cref="DeliveryProcessor"/>), so a channel is only "make this HTTP request and say how it went".
/// </summary>
public interface IDeliveryChannel
{
    /// <summary>The <see cref="DeliveryRecord.Channel"/> value this channel sends.</summary>
    string Name { get; }

    /// <summary>Makes one attempt.</summary>
    Task<DeliveryAttempt> SendAsync(DeliveryRecord delivery, CancellationToken ct);
}

/// <summary>How one attempt went.</summary>
/// <param name="Delivered">The receiver accepted it.</param>
/// <param name="StatusCode">The HTTP status, when there was a response.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="Permanent">Retrying cannot help (a refused address, a channel that is not configured): park it at once.</param>
public sealed record DeliveryAttempt(bool Delivered, int? StatusCode, string? Error, bool Permanent = false)
{
    /// <summary>An accepted delivery.</summary>
    public static DeliveryAttempt Success(int statusCode) => new(true, statusCode, null);

    /// <summary>A failure worth retrying.</summary>
    public static DeliveryAttempt Retry(string error, int? statusCode = null) => new(false, statusCode, error);

    /// <summary>A failure retrying cannot fix.</summary>
    public static DeliveryAttempt Refused(string error) => new(false, null, error, Permanent: true);

    /// <summary>Sends JSON with <paramref name="client"/> and classifies the outcome (2xx delivered, anything else retried).</summary>
    public static async Task<DeliveryAttempt> PostAsync(HttpClient client, HttpRequestMessage request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            using var response = await client.SendAsync(request, ct).ConfigureAwait(false);
            var code = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? Success(code) : Retry($"HTTP {code} {response.ReasonPhrase}", code);
        }
        catch (HttpRequestException ex) when (Refusal(ex) is { } refused)
        {
            return Refused(refused.Message);
        }
        catch (HttpRequestException ex)
        {
            return Retry(ex.InnerException?.Message ?? ex.Message);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return Retry("timed out");
        }
    }

    private static CallbackAddressRefusedException? Refusal(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is CallbackAddressRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }
}
