namespace Grader.Cli.Tests;

public sealed class BatchCommandTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("grader-cli-batch-").FullName;

    [Fact]
    public async Task A_class_folder_gives_results_a_gradebook_a_report_and_similarity()
    {
        var source = Path.Combine(work, "class");
        Copy(CliRunner.Path("reference-solution", "python"), Path.Combine(source, "alice"));
        Copy(CliRunner.Path("grader", "tests", "Grader.Core.Tests", "Fixtures", "submissions", "gather-then-sort"), Path.Combine(source, "bob"));
        var output = Path.Combine(work, "out");

        var (exitCode, stdout, stderr) = await CliRunner.RunAsync("batch", source, "--out", output, "--jobs", "2", "--seed", "3");

        Assert.Equal(0, exitCode);
        Assert.Contains("graded 2 of 2", stdout, StringComparison.Ordinal);
        Assert.Contains("[2/2]", stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "results", "alice.json")));
        var grades = await File.ReadAllLinesAsync(Path.Combine(output, "grades.csv"));
        Assert.Equal(3, grades.Length);
        Assert.StartsWith("alice,graded,", grades[1], StringComparison.Ordinal);
        Assert.StartsWith("bob,graded,", grades[2], StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "report.html")));
        Assert.Contains("alice,bob,", await File.ReadAllTextAsync(Path.Combine(output, "similarity.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deadline_grades_the_last_commit_before_it_and_marks_later_work_late()
    {
        var repository = Path.Combine(work, "class", "dave");
        Copy(CliRunner.Path("reference-solution", "python"), repository);
        await GitAsync(repository, null, "init", "-q");
        await GitAsync(repository, null, "add", "-A");
        await GitAsync(repository, "2026-11-29T12:00:00+01:00", "commit", "-qm", "on time");
        File.Delete(Path.Combine(repository, "4-tasks.py"));
        await GitAsync(repository, null, "add", "-A");
        await GitAsync(repository, "2026-12-01T09:00:00+01:00", "commit", "-qm", "after the deadline");
        var output = Path.Combine(work, "out");

        var (exitCode, _, _) = await CliRunner.RunAsync(
            "batch", Path.Combine(work, "class"), "--out", output, "--seed", "3", "--deadline", "2026-11-30T23:59:00+01:00");

        Assert.Equal(0, exitCode);
        var header = (await File.ReadAllLinesAsync(Path.Combine(output, "grades.csv")))[0].TrimStart('\uFEFF').Split(',');
        var row = (await File.ReadAllLinesAsync(Path.Combine(output, "grades.csv")))[1].Split(',');
        string Column(string name) => row[Array.IndexOf(header, name)];
        Assert.Equal("dave", Column("student"));
        Assert.Equal("graded", Column("status"));
        Assert.Equal("late", Column("late"));
        Assert.Equal(Column("max_score"), Column("score")); // the on-time commit still has 4-tasks.py
    }

    [Fact]
    public async Task A_class_folder_mixing_python_and_csharp_grades_each_submission_with_its_track()
    {
        var source = Path.Combine(work, "mixed");
        Copy(CliRunner.Path("reference-solution", "python"), Path.Combine(source, "alice"));
        Copy(CliRunner.Path("reference-solution", "csharp"), Path.Combine(source, "carol"));
        Copy(CliRunner.Path("grader", "tests", "Grader.CSharp.Tests", "Fixtures", "submissions", "when-all-then-orderby"), Path.Combine(source, "dave"));
        var output = Path.Combine(work, "out");

        var (exitCode, stdout, _) = await CliRunner.RunAsync("batch", source, "--out", output, "--jobs", "2", "--seed", "5");

        Assert.Equal(0, exitCode);
        Assert.Contains("graded 3 of 3", stdout, StringComparison.Ordinal);
        string Track(string student) => System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "results", student + ".json"))).RootElement.GetProperty("track").GetString()!;
        Assert.Equal("python", Track("alice"));
        Assert.Equal("csharp", Track("carol"));
        Assert.Equal("csharp", Track("dave"));
        var grades = (await File.ReadAllLinesAsync(Path.Combine(output, "grades.csv"))).Skip(1).Select(line => line.Split(',')).ToDictionary(row => row[0]);
        Assert.All(grades.Values, row => Assert.Equal("graded", row[1]));
        Assert.Equal(grades["carol"][10], grades["carol"][9]);
        Assert.NotEqual(grades["dave"][10], grades["dave"][9]);
        // dave's code is carol's with one fault: a C# pair; the Python submission is never compared with C# code.
        var similar = (await File.ReadAllLinesAsync(Path.Combine(output, "similarity.csv"))).Skip(1).Select(line => line.Split(',')).ToList();
        var pair = Assert.Single(similar);
        Assert.Equal(["carol", "dave"], pair[..2]);
    }

    [Theory]
    [InlineData("--deadline", "yesterday")]
    [InlineData("--jobs", "0")]
    public async Task Bad_options_exit_2_with_one_line(string option, string value)
    {
        var (exitCode, _, stderr) = await CliRunner.RunAsync("batch", work, "--out", Path.Combine(work, "out"), option, value);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("grader: ", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(work, recursive: true);

    private static async Task GitAsync(string repository, string? date, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = repository, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in new[] { ("GIT_AUTHOR_NAME", "Dave"), ("GIT_AUTHOR_EMAIL", "dave@example.invalid"), ("GIT_COMMITTER_NAME", "Dave"), ("GIT_COMMITTER_EMAIL", "dave@example.invalid") })
        {
            start.Environment[name] = value;
        }

        if (date is not null)
        {
            start.Environment["GIT_AUTHOR_DATE"] = date;
            start.Environment["GIT_COMMITTER_DATE"] = date;
        }

        using var git = System.Diagnostics.Process.Start(start)!;
        await git.WaitForExitAsync();
        Assert.Equal(0, git.ExitCode);
    }

    internal static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
