namespace Grader.Core.Evidence;

/// <summary>The product of one external tool run: a value, or the one-line reason there is none.</summary>
public sealed record ToolRun<T>(T? Value, string? Failure)
    where T : class
{
    public static ToolRun<T> Of(T value) => new(value, null);

    public static ToolRun<T> Failed(string reason) => new(null, reason);
}
