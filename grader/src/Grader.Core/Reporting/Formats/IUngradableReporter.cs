namespace Grader.Core.Reporting.Formats;

/// <summary>
/// A format that its platform must receive even when there is no result, because the submission could not be
/// graded at all (a missing folder, a submission too large): otherwise the platform only sees a crash.
/// </summary>
public interface IUngradableReporter : IReporter
{
    Task WriteUngradableAsync(string reason, TextWriter destination, CancellationToken cancellationToken);
}
