using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grader.Core.Assignment;

// The on-disk shape of assignment.json; mapped to the immutable AssignmentSpec by AssignmentLoader.
internal sealed class AssignmentFile
{
    public string? Id { get; set; }
    public string? Title { get; set; }
    public string? Track { get; set; }
    public string? Readme { get; set; }
    public string? Shebang { get; set; }
    public string? TargetVersion { get; set; }
    public int MinDocstringWords { get; set; } = 3;
    public List<TaskFile>? Tasks { get; set; }
    public Dictionary<string, double>? Points { get; set; }
    public List<string>? Hidden { get; set; }
    public List<string>? Vocabulary { get; set; }

    internal sealed class TaskFile
    {
        public int Task { get; set; }
        public string? File { get; set; }
        public string? Title { get; set; }
        public List<FunctionFile>? Functions { get; set; }

        public List<int>? DependsOn { get; set; }
    }

    internal sealed class FunctionFile
    {
        public string? Name { get; set; }
        public string? Kind { get; set; }
        public string? Returns { get; set; }
        public List<ParameterFile>? Params { get; set; }
    }

    internal sealed class ParameterFile
    {
        public string? Name { get; set; }
        public JsonElement? Default { get; set; }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(AssignmentFile))]
internal sealed partial class AssignmentJsonContext : JsonSerializerContext;
