namespace Grader.Cli.Tests.Sandbox;

/// <summary>
/// A case of the hostile gallery (Fixtures/hostile/python/&lt;case&gt;): the reference solution with the case's files on top,
/// an attack.py that runs at import and a task 0 whose wait_random goes wrong when the attack succeeded (the gallery's
/// shared one, Fixtures/hostile/python/0-basic_async_syntax.py, unless the case has its own). Honest statuses are
/// therefore the reference's: full marks.
/// </summary>
internal static class HostileSubmission
{
    public static string Gallery(string name) => CliRunner.Path("grader", "tests", "Grader.Cli.Tests", "Fixtures", "hostile", "python", name);

    public static string Create(string name, string folder)
    {
        BatchCommandTests.Copy(CliRunner.Path("reference-solution", "python"), folder);
        const string TaskZero = "0-basic_async_syntax.py";
        File.Copy(System.IO.Path.Combine(Gallery(name), "..", TaskZero), System.IO.Path.Combine(folder, TaskZero), overwrite: true);
        Overlay(Gallery(name), folder);
        return folder;
    }

    /// <summary>The C# reference solution with the files of Fixtures/hostile/csharp/&lt;case&gt; on top.</summary>
    public static string CreateCSharp(string name, string folder)
    {
        BatchCommandTests.Copy(CliRunner.Path("reference-solution", "csharp"), folder);
        Overlay(CliRunner.Path("grader", "tests", "Grader.Cli.Tests", "Fixtures", "hostile", "csharp", name), folder);
        return folder;
    }

    /// <summary>Copies the files of <paramref name="from"/> over those of <paramref name="to"/>, keeping their modes.</summary>
    public static void Overlay(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetFileName(file)), overwrite: true);
        }
    }
}

/// <summary>A folder outside every submission with a secret in it, where the read and write attacks look (/tmp/grader-canary-*).</summary>
internal sealed class Canary : IDisposable
{
    public Canary()
    {
        Folder = Directory.CreateTempSubdirectory("grader-canary-").FullName;
        File.WriteAllText(System.IO.Path.Combine(Folder, "secret.txt"), Secret);
    }

    public string Folder { get; }

    public string Secret { get; } = "secret-" + Guid.NewGuid().ToString("N");

    /// <summary>The names in the folder: only secret.txt unless something wrote beside it.</summary>
    public IReadOnlyList<string> Names => [.. Directory.GetFiles(Folder).Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal)!];

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
