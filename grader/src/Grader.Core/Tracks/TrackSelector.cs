using System.Collections.Immutable;
using Grader.Core.Engine;
using Grader.Core.Submissions;

namespace Grader.Core.Tracks;

/// <summary>
/// Picks the track of a submission: the one <c>--track</c> names, else the only one that recognises the folder,
/// else the first (default) track when none does, so a folder with none of the expected files is graded, and
/// reported as missing them, as before tracks existed.
/// </summary>
public sealed class TrackSelector(ImmutableArray<ITrack> tracks)
{
    public ImmutableArray<ITrack> Tracks => tracks;

    public IEnumerable<string> Names => tracks.Select(track => track.Name);

    public ITrack Named(string name) =>
        tracks.FirstOrDefault(track => string.Equals(track.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw GraderSetupException.InvalidOption("--track", $"there is no track '{name}'; the tracks are {string.Join(", ", Names)}.");

    public ITrack Select(string? explicitName, Submission submission)
    {
        if (explicitName is not null)
        {
            return Named(explicitName);
        }

        var recognised = tracks.Where(track => track.Recognises(submission)).ToList();
        return recognised.Count switch
        {
            0 => tracks[0],
            1 => recognised[0],
            _ => throw GraderSetupException.AmbiguousTrack(submission.Root, recognised.Select(track => $"{track.Name} ({track.Signature})")),
        };
    }
}
