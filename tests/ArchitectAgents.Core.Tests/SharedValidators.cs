using ArchitectAgents.Core.Validation;
using ArchitectAgents.Tests.Common;

namespace ArchitectAgents.Core.Tests;

/// <summary>One set of real validators (one Node process) for the whole test assembly.</summary>
internal static class SharedValidators
{
    private static readonly Lazy<ValidatorSet> Set = new(() => new ValidatorSet(new ValidatorOptions { NodeToolsPath = Path.Combine(RepoPaths.Root, "tools", "validators") }));

    public static IReadOnlyList<IArtifactValidator> All => Set.Value.Validators;
}
