using Grader.Cli;

await using var app = GraderApp.FromProcess();
var console = CliConsole.FromProcess(app.Environment);
return await GraderCli.RunAsync(app, console, args);
