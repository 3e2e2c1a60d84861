using System.Text.Json;
using Grader.Core.Reporting;
using Grader.Core.Tests.Support;

namespace Grader.Core.Tests.Reporting;

/// <summary>The grader.result/1 contract that later reporters, batch mode and CI formats rely on.</summary>
public sealed class JsonContractTests
{
    [Fact]
    public void Has_every_key_of_the_contract_with_the_right_types()
    {
        using var document = JsonDocument.Parse(JsonReporter.Serialize(SampleResults.Mixed()));
        var root = document.RootElement;

        Assert.Equal("grader.result/1", root.GetProperty("schema").GetString());
        Assert.Equal(JsonValueKind.String, root.GetProperty("submission").ValueKind);
        Assert.Equal("python", root.GetProperty("track").GetString());
        Assert.Equal(JsonValueKind.String, root.GetProperty("grader_version").ValueKind);
        Assert.Equal(JsonValueKind.Number, root.GetProperty("score").ValueKind);
        Assert.Equal(JsonValueKind.Number, root.GetProperty("max_score").ValueKind);
        Assert.Equal(JsonValueKind.String, root.GetProperty("tools").GetProperty("python").ValueKind);
        Assert.Equal(JsonValueKind.String, root.GetProperty("tools").GetProperty("pycodestyle").ValueKind);
        var task = root.GetProperty("tasks")[0];
        Assert.Equal(0, task.GetProperty("task").GetInt32());
        Assert.Equal("0-basic_async_syntax.py", task.GetProperty("file").GetString());
        Assert.Equal(JsonValueKind.Number, task.GetProperty("score").ValueKind);
        Assert.Equal(JsonValueKind.Number, task.GetProperty("max_score").ValueKind);
        var check = task.GetProperty("checks")[1];
        Assert.Equal("PY-STYLE-001", check.GetProperty("id").GetString());
        Assert.Equal("style", check.GetProperty("category").GetString());
        Assert.Equal("failed", check.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Number, check.GetProperty("points").ValueKind);
        Assert.Equal(JsonValueKind.Number, check.GetProperty("max_points").ValueKind);
        Assert.Equal(JsonValueKind.String, check.GetProperty("message").ValueKind);
        Assert.Equal(3, check.GetProperty("line").GetInt32());
        Assert.Equal(JsonValueKind.Object, check.GetProperty("details").ValueKind);
        Assert.Equal(JsonValueKind.Null, task.GetProperty("checks")[0].GetProperty("line").ValueKind);
        Assert.Equal(JsonValueKind.Null, task.GetProperty("checks")[0].GetProperty("details").ValueKind);
        Assert.Equal("PY-FILE-003", root.GetProperty("project")[0].GetProperty("id").GetString());
        Assert.False(root.TryGetProperty("all_passed", out _));
    }

    [Fact]
    public void Statuses_and_categories_are_lowercase_words()
    {
        var json = JsonReporter.Serialize(SampleResults.Mixed());

        foreach (var word in new[] { "\"passed\"", "\"failed\"", "\"skipped\"", "\"error\"", "\"files\"", "\"conventions\"", "\"api\"" })
        {
            Assert.Contains(word, json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Round_trips_without_loss()
    {
        var result = SampleResults.Mixed();

        var copy = JsonReporter.Deserialize(JsonReporter.Serialize(result));

        Assert.Equal(JsonReporter.Serialize(result), JsonReporter.Serialize(copy!));
    }
}
