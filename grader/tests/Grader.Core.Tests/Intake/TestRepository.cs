using System.Collections.Immutable;
using Grader.Core.Processes;
using Grader.Python.Tools;

namespace Grader.Core.Tests.Intake;

/// <summary>A real git repository built by a test, with commits at chosen dates.</summary>
internal sealed class TestRepository(string folder)
{
    private readonly ProcessRunner runner = new();

    public string Folder { get; } = Directory.CreateDirectory(folder).FullName;

    public static async Task<TestRepository> InitAsync(string folder, string branch = "main")
    {
        var repository = new TestRepository(folder);
        await repository.GitAsync("init", "--quiet", "--initial-branch", branch);
        return repository;
    }

    public string Write(string relativePath, string content = "#!/usr/bin/env python3\n", bool executable = false)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, executable ? (UnixFileMode)0b111_101_101 : (UnixFileMode)0b110_100_100);
        }

        return path;
    }

    /// <summary>Commits everything with both dates set to <paramref name="date"/> (ISO 8601), or the author date apart.</summary>
    public async Task<string> CommitAsync(string date, string? authorDate = null)
    {
        await GitAsync("add", "--all");
        await GitAsync(ImmutableSortedDictionary<string, string>.Empty.Add("GIT_AUTHOR_DATE", authorDate ?? date).Add("GIT_COMMITTER_DATE", date), "commit", "--quiet", "--allow-empty", "-m", "work of " + date);
        return (await GitAsync("rev-parse", "HEAD")).Trim();
    }

    public Task<string> GitAsync(params string[] arguments) => GitAsync(ImmutableSortedDictionary<string, string>.Empty, arguments);

    public async Task<string> GitAsync(ImmutableSortedDictionary<string, string> extra, params string[] arguments)
    {
        var environment = PythonChildEnvironment.For(Path.GetTempPath(), Environment.GetEnvironmentVariable("PATH")).SetItems(extra).SetItems(new Dictionary<string, string>
        {
            ["GIT_CONFIG_GLOBAL"] = "/dev/null",
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_AUTHOR_NAME"] = "Student",
            ["GIT_AUTHOR_EMAIL"] = "student@example.com",
            ["GIT_COMMITTER_NAME"] = "Student",
            ["GIT_COMMITTER_EMAIL"] = "student@example.com",
        });
        var outcome = await runner.RunAsync(new ProcessRequest("git", [.. arguments], Folder, environment, null, TimeSpan.FromSeconds(60)), CancellationToken.None);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {outcome.StartError}{outcome.StandardError.Text}");
        }

        return outcome.StandardOutput.Text;
    }

    /// <summary>Every path under .git with its size and write time, to prove that reading the repository changed nothing.</summary>
    public ImmutableSortedDictionary<string, string> GitFolderState() =>
        new DirectoryInfo(Path.Combine(Folder, ".git")).EnumerateFileSystemInfos("*", SearchOption.AllDirectories)
            .ToImmutableSortedDictionary(
                entry => Path.GetRelativePath(Folder, entry.FullName),
                entry => $"{(entry as FileInfo)?.Length} {entry.LastWriteTimeUtc.Ticks}",
                StringComparer.Ordinal);
}
