using ArchitectAgents.Runs.Store;

namespace ArchitectAgents.Api.Tests;

/// <summary>Status reads leave out exactly the large content columns; a column added to runs later is not silently dropped from them.</summary>
public sealed class RunSummariesTests
{
    private static readonly string[] Content = [nameof(RunRecord.Brief), nameof(RunRecord.AttachmentsJson), nameof(RunRecord.DocumentJson)];

    [Fact]
    public void WithoutContent_CopiesEveryOtherProperty()
    {
        var full = new RunRecord();
        foreach (var property in typeof(RunRecord).GetProperties().Where(p => p.CanWrite))
        {
            property.SetValue(full, SampleOf(property.PropertyType));
        }

        var summary = RunSummaries.WithoutContent.Compile()(full);

        foreach (var property in typeof(RunRecord).GetProperties().Where(p => p.CanWrite))
        {
            if (Content.Contains(property.Name))
            {
                Assert.NotEqual(property.GetValue(full), property.GetValue(summary));
            }
            else
            {
                Assert.True(Equals(property.GetValue(full), property.GetValue(summary)), $"RunSummaries.WithoutContent does not copy {property.Name}");
            }
        }
    }

    private static object SampleOf(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(string) => "sample",
        var t when t == typeof(bool) => true,
        var t when t == typeof(int) => 7,
        var t when t == typeof(long) => 7L,
        var t when t == typeof(decimal) => 7m,
        var t when t == typeof(DateTimeOffset) => new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero),
        var t => throw new InvalidOperationException($"add a sample value for {t}"),
    };
}
