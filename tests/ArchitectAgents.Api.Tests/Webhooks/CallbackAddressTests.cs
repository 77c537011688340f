using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using ArchitectAgents.Runs.Deliveries;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ArchitectAgents.Api.Tests.Webhooks;

/// <summary>Callback URLs that would reach the service's own network are refused, at creation and at delivery.</summary>
public sealed class CallbackAddressTests : IAsyncLifetime
{
    private readonly TestResolver _resolver = new();
    private ApiFactory _api = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _api = new ApiFactory(
            new() { ["Webhooks:Callbacks:Secret"] = "callback-secret", ["Webhooks:Callbacks:PollIntervalMs"] = "50" },
            services: s => s.Replace(ServiceDescriptor.Singleton<IHostResolver>(_resolver)));
        _client = await _api.ClientAsync();
    }

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://[::ffff:127.0.0.1]/hook")]
    [InlineData("http://[fd00:ec2::254]/latest/meta-data/")]
    [InlineData("http://10.0.0.8/hook")]
    [InlineData("http://0.0.0.0/hook")]
    [InlineData("http://localhost:5000/hook")]
    [InlineData("http://internal.example.test/hook")]
    [InlineData("https://metadata.example.test/computeMetadata/v1/")]
    public async Task CreateRun_WithCallbackToAPrivateAddress_Is400NamingCallbackUrl(string url)
    {
        using var response = await _client.PostAsJsonAsync("/v1/runs", new { brief = "# Notes\nA notes tool.", callbackUrl = url }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Contains("AllowedHosts", problem.GetProperty("errors").GetProperty("callbackUrl")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await _client.GetFromJsonAsync<System.Text.Json.JsonElement>("/v1/runs", TestContext.Current.CancellationToken)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task NameThatRebindsToLoopbackAfterCreation_IsRefusedAtDelivery_NoConnectionMade()
    {
        await using var receiver = await StubServer.StartAsync();
        _resolver.Rebinding("rebind.example.test", IPAddress.Parse("93.184.216.34"), IPAddress.Loopback);

        var run = await _client.CreateWithCallbackAsync("# Notes\nAn internal notes tool for 300 staff. Team of 3 engineers (C#).", $"http://rebind.example.test:{receiver.Port}/hook");
        await _client.WaitForAsync(run, "completed", "completed_with_issues");

        var deadline = DateTime.UtcNow.AddSeconds(90);
        System.Text.Json.JsonElement items;
        while ((items = (await _client.GetFromJsonAsync<System.Text.Json.JsonElement>("/v1/deliveries?status=dead", TestContext.Current.CancellationToken)).GetProperty("items")).GetArrayLength() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the delivery was never refused");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Contains("127.0.0.1", items[0].GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, items[0].GetProperty("attempts").GetInt32());
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public void IsPublic_SeparatesRoutableFromInternalAddresses()
    {
        Assert.True(CallbackAddressPolicy.IsPublic(IPAddress.Parse("93.184.216.34")));
        Assert.True(CallbackAddressPolicy.IsPublic(IPAddress.Parse("2606:4700::1111")));
        Assert.False(CallbackAddressPolicy.IsPublic(IPAddress.Parse("172.20.1.1")));
        Assert.False(CallbackAddressPolicy.IsPublic(IPAddress.Parse("100.100.100.200")));
        Assert.False(CallbackAddressPolicy.IsPublic(IPAddress.Parse("fe80::1")));
    }

    /// <summary>Test DNS: fixed answers for made-up names, a name that changes its answer, the system resolver otherwise.</summary>
    private sealed class TestResolver : IHostResolver
    {
        private readonly ConcurrentDictionary<string, Queue<IPAddress>> _answers = new(StringComparer.OrdinalIgnoreCase)
        {
            ["internal.example.test"] = new([IPAddress.Parse("10.1.2.3")]),
            ["metadata.example.test"] = new([IPAddress.Parse("169.254.169.254")]),
        };

        public void Rebinding(string host, IPAddress first, IPAddress then) => _answers[host] = new([first, then]);

        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
        {
            if (!_answers.TryGetValue(host, out var queue))
            {
                return Dns.GetHostAddressesAsync(host, ct);
            }

            lock (queue)
            {
                return Task.FromResult<IPAddress[]>([queue.Count > 1 ? queue.Dequeue() : queue.Peek()]);
            }
        }
    }
}

internal static class CallbackRunClient
{
    public static async Task<string> CreateWithCallbackAsync(this HttpClient client, string brief, string callbackUrl)
    {
        using var response = await client.PostAsJsonAsync("/v1/runs", new { brief, callbackUrl }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }
}
