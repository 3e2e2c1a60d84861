using System.Collections.Immutable;
using Grader.Core.Batch;
using Grader.Core.Results;

namespace Grader.Core.Reporting.Html;

/// <summary>Everything the HTML class report shows; the report only renders it.</summary>
/// <param name="Results">Each graded student's result, by student id.</param>
/// <param name="Similar">Pairs of submissions that look alike, with their code side by side, or empty.</param>
public sealed record ClassReportModel(
    string Title,
    string GraderVersion,
    ImmutableArray<BatchRecord> Records,
    ImmutableSortedDictionary<string, GradingResult> Results,
    ImmutableArray<SimilarPair> Similar,
    string SimilarityCaveat);

/// <summary>Two submissions that share code, with the shared regions' text.</summary>
public sealed record SimilarPair(string First, string Second, double Score, ImmutableArray<SharedRegion> Regions);

/// <summary>One shared region: a file and its lines on each side.</summary>
public sealed record SharedRegion(string FirstLocation, string FirstCode, string SecondLocation, string SecondCode);
