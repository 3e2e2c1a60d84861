using Grader.Core.Results;

namespace Grader.Core.Reporting;

/// <summary>Renders the result model in one format. Reporters never compute or decide: they only render.</summary>
public interface IReporter
{
    /// <summary>The name given to --format.</summary>
    string Format { get; }

    /// <summary>One line for --help.</summary>
    string Description { get; }

    /// <summary>Who reads it: student-facing formats leave hidden checks out until --reveal-hidden.</summary>
    ReportAudience Audience { get; }

    Task WriteAsync(GradingResult result, TextWriter destination, CancellationToken cancellationToken);
}
