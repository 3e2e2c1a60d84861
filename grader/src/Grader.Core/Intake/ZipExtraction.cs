using System.Collections.Immutable;

namespace Grader.Core.Intake;

/// <summary>What a safe extraction wrote, and the entries it left out with the reason.</summary>
/// <param name="Root">The folder the archive was extracted into.</param>
public sealed record ZipExtraction(string Root, int Files, long Bytes, ImmutableArray<SkippedEntry> Skipped);
