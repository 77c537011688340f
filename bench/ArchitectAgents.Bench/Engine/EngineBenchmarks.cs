using ArchitectAgents.Core.Engine;
using BenchmarkDotNet.Attributes;

namespace ArchitectAgents.Bench.Engine;

/// <summary>BenchmarkDotNet: one design run of ours versus one run of the raw MAF twin.</summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private EngineFixture _fixture = null!;

    /// <summary>Repository root, passed through an environment variable because BenchmarkDotNet creates this class itself.</summary>
    public static string RootVariable => "ARCHITECT_BENCH_ROOT";

    [GlobalSetup]
    public void Setup()
    {
        _fixture = new EngineFixture(Environment.GetEnvironmentVariable(RootVariable) ?? Repo.FindRoot());
        _fixture.PrepareAsync().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "raw MAF")]
    public Task<string?> RawMaf() => _fixture.RunRawAsync();

    [Benchmark(Description = "ours")]
    public Task<DesignRunStatus> Ours() => _fixture.RunOursAsync();
}
