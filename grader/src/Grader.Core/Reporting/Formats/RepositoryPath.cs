namespace Grader.Core.Reporting.Formats;

/// <summary>A submission file's path from the repository root, where CI annotations and code scanning resolve it.</summary>
internal static class RepositoryPath
{
    public static string Of(ReportOptions options, string file) =>
        options.SourceRoot.Length == 0 || options.SourceRoot == "." ? file : $"{options.SourceRoot.TrimEnd('/')}/{file}";
}
