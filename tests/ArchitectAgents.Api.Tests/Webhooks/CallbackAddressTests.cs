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
    [InlineData("http://[::127.0.0.1]/hook")]
    [InlineData("http://[::a9fe:a9fe]/latest/meta-data/")]
    [InlineData("http://[64:ff9b::a9fe:a9fe]/latest/meta-data/")]
    [InlineData("http://[64:ff9b:1::808:808]/hook")]
    [InlineData("http://[2002:7f00:1::1]/hook")]
    [InlineData("http://[2001:0:4136:e378:8000:63bf:5601:5601]/latest/meta-data/")]
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

    /// <summary>Every IPv6 form that carries an IPv4 address leads to that address, so a non-public one is refused.</summary>
    [Theory]
    // IPv4-mapped and IPv4-translated.
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::ffff:10.1.2.3")]
    [InlineData("::ffff:0:127.0.0.1")]
    [InlineData("::ffff:0:a9fe:a9fe")]
    // IPv4-compatible.
    [InlineData("::127.0.0.1")]
    [InlineData("::a9fe:a9fe")]
    [InlineData("::10.0.0.1")]
    [InlineData("::192.168.0.1")]
    [InlineData("::0.0.0.5")]
    // NAT64, well-known prefix, and the local-use prefix whatever it carries.
    [InlineData("64:ff9b::7f00:1")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("64:ff9b::172.16.0.1")]
    [InlineData("64:ff9b:1::808:808")]
    [InlineData("64:ff9b:1:7f00:1::")]
    // 6to4.
    [InlineData("2002:7f00:1::1")]
    [InlineData("2002:a9fe:a9fe::1")]
    [InlineData("2002:c0a8:101::1")]
    [InlineData("2002:a00:1::1")]
    // Teredo: the client (last 32 bits) is stored XOR 0xffffffff; a private server is refused as well.
    [InlineData("2001:0:4136:e378:8000:63bf:80ff:fffe")]
    [InlineData("2001:0:4136:e378:8000:63bf:5601:5601")]
    [InlineData("2001:0:4136:e378:8000:63bf:f5ff:fffe")]
    [InlineData("2001:0:a00:1:8000:63bf:f7f7:f7f7")]
    public void IsPublic_RefusesAnIPv6FormCarryingANonPublicIPv4(string address) =>
        Assert.False(CallbackAddressPolicy.IsPublic(IPAddress.Parse(address)), $"{address} leads to {string.Join(", ", EmbeddedIPv4.Of(IPAddress.Parse(address)))}");

    [Theory]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("::8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    [InlineData("2002:808:808::1")]
    [InlineData("2001:0:4136:e378:8000:63bf:f7f7:f7f7")]
    public void IsPublic_AllowsTheFormsWhenEveryEmbeddedIPv4IsPublic(string address) =>
        Assert.True(CallbackAddressPolicy.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public void EmbeddedIPv4_UndoesTheTeredoObfuscation()
    {
        var carried = EmbeddedIPv4.Of(IPAddress.Parse("2001:0:4136:e378:8000:63bf:5601:5601"));

        Assert.Equal([IPAddress.Parse("65.54.227.120"), IPAddress.Parse("169.254.169.254")], carried);
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
