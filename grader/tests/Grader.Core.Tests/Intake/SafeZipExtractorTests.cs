using Grader.Core.Intake;

namespace Grader.Core.Tests.Intake;

public sealed class SafeZipExtractorTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Extracts_files_and_folders_and_reports_nothing_skipped()
    {
        var zip = TestZip.Write(temp.Path("alice.zip"), ZipItem.Text("project/0-basic_async_syntax.py"), ZipItem.Text("project/README.md", "# Async\n"));

        var extraction = SafeZipExtractor.Extract(zip, temp.Path("out"), ZipLimits.Submission);

        Assert.Equal(2, extraction.Files);
        Assert.Empty(extraction.Skipped);
        Assert.Equal("# Async\n", File.ReadAllText(temp.Path("out", "project", "README.md")));
    }

    [Theory]
    [InlineData("../evil.py", "leaves the extraction folder")]
    [InlineData("project/../../evil.py", "leaves the extraction folder")]
    [InlineData("..\\evil.py", "leaves the extraction folder")]
    [InlineData("/tmp/evil.py", "absolute path")]
    [InlineData("C:/evil.py", "drive letter")]
    [InlineData("C:\\Windows\\evil.py", "drive letter")]
    [InlineData("evil\u0000.py", "control character")]
    public void Hostile_paths_are_skipped_and_reported_and_nothing_lands_outside(string name, string reason)
    {
        var zip = TestZip.Write(temp.Path("mallory.zip"), ZipItem.Text(name, "import os\n"), ZipItem.Text("ok.py"));
        var destination = temp.Path("deep", "out");

        var extraction = SafeZipExtractor.Extract(zip, destination, ZipLimits.Submission);

        var skipped = Assert.Single(extraction.Skipped);
        Assert.Equal(name, skipped.Name);
        Assert.Contains(reason, skipped.Reason, StringComparison.Ordinal);
        Assert.Equal(["ok.py"], Directory.EnumerateFiles(destination, "*", SearchOption.AllDirectories).Select(Path.GetFileName));
        Assert.False(File.Exists(temp.Path("deep", "evil.py")));
        Assert.False(File.Exists(temp.Path("evil.py")));
        Assert.False(File.Exists("/tmp/evil.py"));
    }

    [Fact]
    public void Symbolic_links_are_skipped_and_never_created()
    {
        var zip = TestZip.Write(temp.Path("mallory.zip"), ZipItem.Link("passwd.py", "/etc/passwd"), ZipItem.Text("ok.py"));

        var extraction = SafeZipExtractor.Extract(zip, temp.Path("out"), ZipLimits.Submission);

        Assert.Equal("it is a symbolic link", Assert.Single(extraction.Skipped).Reason);
        Assert.False(Path.Exists(temp.Path("out", "passwd.py")));
    }

    [Fact]
    public void The_executable_bit_is_kept_and_not_invented()
    {
        var zip = TestZip.Write(
            temp.Path("alice.zip"),
            ZipItem.Executable("0-basic_async_syntax.py"),
            ZipItem.Text("1-concurrent_coroutines.py", unixMode: ZipItem.RegularFile | 0b110_100_100),
            ZipItem.Text("made-on-windows.py"));

        SafeZipExtractor.Extract(zip, temp.Path("out"), ZipLimits.Submission);

        Assert.True(IsExecutable(temp.Path("out", "0-basic_async_syntax.py")));
        Assert.False(IsExecutable(temp.Path("out", "1-concurrent_coroutines.py")));
        Assert.False(IsExecutable(temp.Path("out", "made-on-windows.py")));
    }

    [Fact]
    public void A_zip_bomb_stops_at_the_size_cap_without_decompressing_it_all()
    {
        var bomb = TestZip.Bomb(temp.Path("bomb.zip"), 200L * 1024 * 1024);
        var destination = temp.Path("out");
        using var stream = new CountingStream(File.OpenRead(bomb));

        var exception = Assert.Throws<IntakeException>(() => SafeZipExtractor.Extract(stream, "bomb.zip", destination, ZipLimits.Submission with { MaxFileBytes = 100L * 1024 * 1024 }));

        Assert.Equal("'bomb.zip' is too large to extract: its files add up to more than 50 MiB.", exception.Message);
        Assert.True(stream.BytesRead < stream.Length / 2, $"read {stream.BytesRead} of {stream.Length} compressed bytes");
        Assert.False(Directory.Exists(destination), "a failed extraction leaves no partial folder");
    }

    [Fact]
    public void One_file_larger_than_the_per_file_cap_stops_the_extraction()
    {
        var bomb = TestZip.Bomb(temp.Path("bomb.zip"), 4L * 1024 * 1024);

        var exception = Assert.Throws<IntakeException>(() => SafeZipExtractor.Extract(bomb, temp.Path("out"), ZipLimits.Submission with { MaxFileBytes = 1024 * 1024 }));

        Assert.Equal("'bomb.zip' is too large to extract: 'zeros.py' is larger than 1 MiB.", exception.Message);
    }

    [Fact]
    public void More_entries_than_the_cap_are_refused_before_anything_is_written()
    {
        var items = Enumerable.Range(0, ZipLimits.Submission.MaxEntries + 1).Select(i => ZipItem.Text($"f{i}.py", string.Empty)).ToArray();
        var zip = TestZip.Write(temp.Path("many.zip"), items);

        var exception = Assert.Throws<IntakeException>(() => SafeZipExtractor.Extract(zip, temp.Path("out"), ZipLimits.Submission));

        Assert.Equal("'many.zip' is too large to extract: more than 2000 entries.", exception.Message);
        Assert.False(Directory.Exists(temp.Path("out")));
    }

    [Fact]
    public void Exactly_the_entry_cap_is_accepted()
    {
        var items = Enumerable.Range(0, 2000).Select(i => ZipItem.Text($"f{i}.py", string.Empty)).ToArray();
        var zip = TestZip.Write(temp.Path("many.zip"), items);

        Assert.Equal(2000, SafeZipExtractor.Extract(zip, temp.Path("out"), ZipLimits.Submission).Files);
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3, 4, 5 })]
    [InlineData(new byte[0])]
    public void A_file_that_is_not_a_zip_gives_one_clear_line(byte[] content)
    {
        var path = temp.Path("alice.zip");
        File.WriteAllBytes(path, content);

        var exception = Assert.Throws<IntakeException>(() => SafeZipExtractor.Extract(path, temp.Path("out"), ZipLimits.Submission));

        Assert.StartsWith("'alice.zip' is not a valid zip archive: ", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', exception.Message);
    }

    [Fact]
    public void A_truncated_zip_is_not_a_valid_zip()
    {
        var zip = TestZip.Write(temp.Path("alice.zip"), ZipItem.Text("a.py", new string('x', 10_000)));
        var bytes = File.ReadAllBytes(zip);
        File.WriteAllBytes(zip, bytes[..(bytes.Length / 2)]);

        var exception = Assert.Throws<IntakeException>(() => SafeZipExtractor.Extract(zip, temp.Path("out"), ZipLimits.Submission));

        Assert.StartsWith("'alice.zip' is not a valid zip archive: ", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupted_file_data_is_not_a_valid_zip_and_leaves_nothing_behind()
    {
        var zip = TestZip.Write(temp.Path("alice.zip"), ZipItem.Text("a.py", string.Concat(Enumerable.Range(0, 2000).Select(i => $"line {i}\n"))));
        var bytes = File.ReadAllBytes(zip);
        for (var i = 60; i < 160; i++)
        {
            bytes[i] ^= 0x5A;
        }

        File.WriteAllBytes(zip, bytes);

        var exception = Assert.Throws<IntakeException>(() => SafeZipExtractor.Extract(zip, temp.Path("out"), ZipLimits.Submission));

        Assert.StartsWith("'alice.zip' is not a valid zip archive: ", exception.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Path("out")));
    }

    [Fact]
    public void A_path_given_twice_keeps_the_first()
    {
        var zip = TestZip.Write(temp.Path("alice.zip"), ZipItem.Text("a.py", "first\n"), ZipItem.Text("./a.py", "second\n"));

        var extraction = SafeZipExtractor.Extract(zip, temp.Path("out"), ZipLimits.Submission);

        Assert.Equal("first\n", File.ReadAllText(temp.Path("out", "a.py")));
        Assert.Contains("twice", Assert.Single(extraction.Skipped).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void MacOS_metadata_is_left_out_silently()
    {
        var zip = TestZip.Write(temp.Path("alice.zip"), ZipItem.Text("__MACOSX/._a.py"), ZipItem.Text("a.py"));

        var extraction = SafeZipExtractor.Extract(zip, temp.Path("out"), ZipLimits.Submission);

        Assert.Empty(extraction.Skipped);
        Assert.False(Directory.Exists(temp.Path("out", "__MACOSX")));
    }

    private static bool IsExecutable(string path) => (new FileInfo(path).UnixFileMode & UnixFileMode.UserExecute) != 0;
}
