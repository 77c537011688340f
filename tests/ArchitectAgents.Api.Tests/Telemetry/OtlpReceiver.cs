using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArchitectAgents.Api.Tests.Telemetry;

/// <summary>
/// A stand-in collector: Kestrel on a loopback port accepting OTLP/HTTP protobuf on <c>POST /v1/traces</c>
/// and decoding just enough of each ExportTraceServiceRequest to list the spans (name and trace id).
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<(string Name, string TraceId)> _spans = [];

    private OtlpReceiver(WebApplication app) => _app = app;

    /// <summary>The bound address (http://127.0.0.1:port), known once started.</summary>
    public string BaseAddress => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public int Requests { get; private set; }

    public IReadOnlyList<(string Name, string TraceId)> Spans
    {
        get
        {
            lock (_spans)
            {
                return [.. _spans];
            }
        }
    }

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/traces", async (HttpContext http) =>
        {
            if (http.Request.ContentType != "application/x-protobuf")
            {
                return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
            }

            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            receiver.Receive(buffer.ToArray());
            return Results.Ok();
        });
        await app.StartAsync();
        return receiver;
    }

    private void Receive(byte[] body)
    {
        lock (_spans)
        {
            Requests++;
            // ExportTraceServiceRequest.resource_spans(1) → ResourceSpans.scope_spans(2) → ScopeSpans.spans(2) → Span.trace_id(1), name(5)
            foreach (var resource in Fields(body, 1))
            {
                foreach (var scope in Fields(resource, 2))
                {
                    foreach (var span in Fields(scope, 2))
                    {
                        var traceId = Convert.ToHexStringLower(Fields(span, 1).Single());
                        var name = System.Text.Encoding.UTF8.GetString(Fields(span, 5).Single());
                        _spans.Add((name, traceId));
                    }
                }
            }
        }
    }

    /// <summary>The length-delimited fields with the given number, skipping everything else.</summary>
    private static List<byte[]> Fields(ReadOnlySpan<byte> message, int number)
    {
        var found = new List<byte[]>();
        var i = 0;
        while (i < message.Length)
        {
            var key = Varint(message, ref i);
            var wireType = (int)(key & 7);
            switch (wireType)
            {
                case 0:
                    Varint(message, ref i);
                    break;
                case 1:
                    i += 8;
                    break;
                case 2:
                    var length = (int)Varint(message, ref i);
                    if ((int)(key >> 3) == number)
                    {
                        found.Add(message.Slice(i, length).ToArray());
                    }

                    i += length;
                    break;
                case 5:
                    i += 4;
                    break;
                default:
                    throw new InvalidDataException($"unexpected protobuf wire type {wireType}");
            }
        }

        return found;
    }

    private static ulong Varint(ReadOnlySpan<byte> data, ref int i)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = data[i++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
