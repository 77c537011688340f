using System.Text;

namespace ArchitectAgents.Cli;

/// <summary>Reads a brief from a file or standard input and refuses anything that is not a usable text.</summary>
internal static class BriefReader
{
    public const int MaxBytes = 256 * 1024;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Read(string path, TextReader stdin)
    {
        byte[] bytes;
        string name;
        if (path == "-")
        {
            name = "standard input";
            using var buffer = new MemoryStream();
            using var input = Console.OpenStandardInput();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > MaxBytes)
                {
                    throw new BadInputException($"the brief on {name} is larger than {MaxBytes / 1024} KiB");
                }
            }

            bytes = buffer.ToArray();
            _ = stdin;
        }
        else
        {
            name = $"'{path}'";
            if (Directory.Exists(path))
            {
                throw new BadInputException($"the brief {name} is a directory, not a file");
            }

            if (!File.Exists(path))
            {
                throw new BadInputException($"the brief file {name} does not exist");
            }

            var length = new FileInfo(path).Length;
            if (length > MaxBytes)
            {
                throw new BadInputException($"the brief {name} is {length / 1024} KiB; the limit is {MaxBytes / 1024} KiB");
            }

            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new BadInputException($"cannot read the brief {name}: {ex.Message}");
            }
        }

        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            throw new BadInputException($"the brief {name} is a binary file, not text");
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw new BadInputException($"the brief {name} is not UTF-8 text");
        }

        if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            throw new BadInputException($"the brief {name} contains control characters; it does not look like a text document");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new BadInputException($"the brief {name} is empty");
        }

        return text;
    }
}
