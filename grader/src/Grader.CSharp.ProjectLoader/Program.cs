using System.Text.Json;
using Grader.CSharp.ProjectLoader;
using Grader.CSharp.ProjectLoader.Contract;

// The grader writes a LoaderRequest as JSON on stdin, with the working copy of the submission as working directory.
// The report goes to the request's results file, never to stdout, which the student's MSBuild targets share.
// A crash leaves no report: the grader then says the loader failed, with the end of stderr.
var request = JsonSerializer.Deserialize(await Console.In.ReadToEndAsync().ConfigureAwait(false), LoaderJson.Default.LoaderRequest)
    ?? throw new InvalidOperationException("The project loader expects a request as JSON on standard input.");
var report = await RestoreThenOpen.RunAsync(request, CancellationToken.None).ConfigureAwait(false);
LoaderJson.Write(request.ResultsPath, report);
return 0;
