using System.Collections.Immutable;
using System.Text.Json;
using Grader.Core.Engine;

namespace Grader.Core.Assignment;

/// <summary>Reads and validates an assignment folder's <c>assignment.json</c>.</summary>
public static class AssignmentLoader
{
    public const string FileName = "assignment.json";

    public static AssignmentSpec Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            throw GraderSetupException.AssignmentMissing(path);
        }

        AssignmentFile? file;
        try
        {
            file = JsonSerializer.Deserialize(File.ReadAllText(path), AssignmentJsonContext.Default.AssignmentFile);
        }
        catch (JsonException exception)
        {
            throw GraderSetupException.AssignmentInvalid(path, exception.Message);
        }

        return Map(file ?? throw GraderSetupException.AssignmentInvalid(path, "the file is empty"), directory, path);
    }

    private static AssignmentSpec Map(AssignmentFile file, string directory, string path)
    {
        string Required(string? value, string name) =>
            string.IsNullOrWhiteSpace(value) ? throw GraderSetupException.AssignmentInvalid(path, $"'{name}' is missing") : value;

        var tasks = (file.Tasks ?? []).Select(task => new TaskSpec(
                task.Task,
                Required(task.File, "tasks[].file"),
                task.Title ?? task.File!,
                (task.Functions ?? []).Select(function => new FunctionSpec(
                    Required(function.Name, "functions[].name"),
                    function.Kind == "coroutine" ? FunctionKind.Coroutine : FunctionKind.Function,
                    (function.Params ?? []).Select(parameter => new ParameterSpec(
                        Required(parameter.Name, "params[].name"),
                        parameter.Default?.GetRawText())).ToImmutableArray())
                {
                    Returns = function.Returns,
                }).ToImmutableArray())
            {
                DependsOn = [.. task.DependsOn ?? []],
            })
            .OrderBy(task => task.Number)
            .ToImmutableArray();
        if (tasks.IsEmpty)
        {
            throw GraderSetupException.AssignmentInvalid(path, "it lists no tasks");
        }

        var unknown = tasks.SelectMany(task => task.DependsOn).FirstOrDefault(number => tasks.All(task => task.Number != number), -1);
        if (unknown >= 0)
        {
            throw GraderSetupException.AssignmentInvalid(path, $"a task depends on task {unknown}, which does not exist");
        }

        var points = (file.Points ?? []).ToImmutableSortedDictionary(StringComparer.Ordinal);
        var notGraded = (file.Hidden ?? []).FirstOrDefault(id => !points.ContainsKey(id));
        if (notGraded is not null)
        {
            throw GraderSetupException.AssignmentInvalid(path, $"'hidden' names {notGraded}, which has no entry in 'points'");
        }

        return new AssignmentSpec(
            Required(file.Id, "id"),
            Required(file.Title, "title"),
            Required(file.Track, "track"),
            Path.GetFullPath(directory),
            file.Readme ?? "README.md",
            file.Shebang ?? string.Empty,
            file.TargetVersion ?? string.Empty,
            Math.Max(1, file.MinDocstringWords),
            tasks,
            points)
        {
            HiddenChecks = (file.Hidden ?? []).ToImmutableSortedSet(StringComparer.Ordinal),
            Vocabulary = (file.Vocabulary ?? []).Select(word => word.ToLowerInvariant()).ToImmutableSortedSet(StringComparer.Ordinal),
        };
    }
}
