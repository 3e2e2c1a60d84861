using System.Diagnostics;
using System.Globalization;
using Grader.Checks.CSharpAsync;
using Grader.Core.Assignment;
using Grader.Core.Engine;
using Grader.Core.Processes;
using Grader.Core.Submissions;
using Grader.CSharp;
using Grader.CSharp.Evidence;
using Grader.CSharp.Loading;

// Usage: CSharpBench <submission> <assignment folder> <warm runs>
// Prints one line per measurement, "name seconds", for bench/csharp.sh to summarise: the first (cold) run of each
// step in this process, then each warm run. compile = parse, compile and diagnose with Roslyn (what the static
// checks need); grade = the whole C# track on the submission: compile, static checks, harness build and the
// behaviour runs of all five tasks in their child processes.
var submission = SubmissionLoader.Load(args[0]);
var assignment = AssignmentLoader.Load(args[1]);
var warmRuns = int.Parse(args[2], CultureInfo.InvariantCulture);
var runner = new ProcessRunner();
var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>().ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value);
var track = new CSharpTrack(
    CSharpAsyncChecks.Catalog(), host => CSharpAsyncChecks.EvidenceSources(host, runner, args[1]), runner, ProjectLoaderSettings.FromEnvironment(environment), "bench");

for (var run = 0; run <= warmRuns; run++)
{
    var label = run == 0 ? "cold" : "warm";
    var clock = Stopwatch.StartNew();
    var compiled = CSharpEvidenceCollector.Compile(track.Host, submission);
    Report($"{label}_compile", clock.Elapsed, compiled.Diagnostics.Length);

    clock.Restart();
    var result = await track.GradeAsync(assignment, submission, GradingOptions.Default, CancellationToken.None);
    Report($"{label}_grade", clock.Elapsed, (int)result.Score);
}

static void Report(string name, TimeSpan elapsed, int detail) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {elapsed.TotalSeconds:0.0000} {detail}"));
