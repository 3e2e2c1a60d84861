using Grader.Cli;

var environment = GraderApp.ProcessEnvironment();
var console = CliConsole.FromProcess(environment);
await using var app = GraderApp.Create(environment, AppContext.BaseDirectory, notices: console.Error);
return await GraderCli.RunAsync(app, console, args);
