using System.Collections.Immutable;

namespace Grader.Core.Processes;

/// <summary>A child process to run, with its hard limits.</summary>
/// <param name="Environment">The whole environment of the child: nothing is inherited from the grader.</param>
/// <param name="MaxCapturedBytes">How much of each stream is kept (first half and last half); the rest is counted.</param>
/// <param name="OwnProcessGroup">Start the child in a new session so a timeout kills it and everything it spawned.</param>
/// <param name="RunsNoSubmissionCode">
/// The program only reads what it is given and never runs it (a parser, a linter): a runner may run it inside a
/// long-lived interpreter rather than a process of its own. Never set for anything that imports student code.
/// </param>
public sealed record ProcessRequest(
    string FileName,
    ImmutableArray<string> Arguments,
    string WorkingDirectory,
    ImmutableSortedDictionary<string, string> Environment,
    string? StandardInput,
    TimeSpan Timeout,
    int MaxCapturedBytes = 4 * 1024 * 1024,
    bool OwnProcessGroup = false,
    bool RunsNoSubmissionCode = false,
    IChildConversation? Conversation = null);
