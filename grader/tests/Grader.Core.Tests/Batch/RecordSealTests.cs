using System.Collections.Immutable;
using Grader.Core.Batch;

namespace Grader.Core.Tests.Batch;

public sealed class RecordSealTests : IDisposable
{
    private static readonly BatchRecord Record = new(
        "alice", "hash", BatchStatus.Graded, null, false, [], 150, 164, ImmutableSortedDictionary<string, double>.Empty.Add("0", 39), "0.1.0", 7);

    private readonly string folder = Directory.CreateTempSubdirectory("grader-seal-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_sealed_record_verifies_and_any_change_to_it_or_its_result_does_not()
    {
        var seal = RecordSeal.ForThisRun();
        var sealedRecord = Record with { Seal = seal.Sign(Record, "{\"score\": 150}\n") };

        Assert.True(seal.Verifies(sealedRecord, "{\"score\": 150}\n"));
        Assert.False(seal.Verifies(sealedRecord, "{\"score\": 164}\n"));
        Assert.False(seal.Verifies(sealedRecord with { Score = 164 }, "{\"score\": 150}\n"));
        Assert.False(seal.Verifies(Record, "{\"score\": 150}\n"));
        Assert.False(RecordSeal.ForThisRun().Verifies(sealedRecord, "{\"score\": 150}\n"));
    }

    [Fact]
    public void The_key_file_is_created_for_its_owner_only_and_a_later_run_verifies_with_it()
    {
        var path = Path.Combine(folder, "grader", "batch-record.key");
        var first = RecordSeal.FromKeyFile(path);
        var sealedRecord = Record with { Seal = first.Sign(Record, null) };

        var later = RecordSeal.FromKeyFile(path);

        Assert.True(later.Verifies(sealedRecord, null));
        Assert.Equal(32, new FileInfo(path).Length);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void The_default_key_lives_in_the_users_data_folder()
    {
        Assert.Equal("/data/grader/batch-record.key", RecordSeal.DefaultKeyPath(new Dictionary<string, string?> { ["XDG_DATA_HOME"] = "/data" }));
        Assert.Equal("/home/u/.local/share/grader/batch-record.key", RecordSeal.DefaultKeyPath(new Dictionary<string, string?> { ["HOME"] = "/home/u" }));
    }
}
