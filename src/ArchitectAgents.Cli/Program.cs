using System.CommandLine;
using ArchitectAgents.Cli;

var root = Commands.Build();

// With no command at all, show what there is rather than an error.
var parse = root.Parse(args.Length == 0 ? ["--help"] : args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        Console.Error.WriteLine($"error: {error.Message}");
    }

    Console.Error.WriteLine("Run 'architect --help' for usage.");
    return ExitCodes.BadInput;
}

try
{
    // Ctrl+C cancels the run; it gets a moment to record where it stopped and print how to resume.
    return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = TimeSpan.FromSeconds(15) });
}
catch (BadInputException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return ExitCodes.BadInput;
}
catch (Exception ex)
{
    Console.Error.WriteLine($"error: internal failure: {ex.Message}");
    if (Environment.GetEnvironmentVariable("ARCHITECT_DEBUG") == "1")
    {
        Console.Error.WriteLine(ex);
    }

    return ExitCodes.InternalFailure;
}
