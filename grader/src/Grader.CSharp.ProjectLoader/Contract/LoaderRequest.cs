namespace Grader.CSharp.ProjectLoader.Contract;

/// <summary>What the grader asks the project loader to do, written as JSON on the loader's standard input.</summary>
/// <param name="Project">The student's .csproj, relative to the loader's working directory (the working copy).</param>
/// <param name="ResultsPath">Where the loader writes its <see cref="LoaderReport"/>: a file outside the working copy.</param>
/// <param name="Nonce">Copied into the report, so a file the student's targets wrote there is not taken for it.</param>
/// <param name="DotnetHost">The <c>dotnet</c> executable that restores; reference assemblies under its packs/ folder are the framework's.</param>
/// <param name="AssembliesFolder">Where the assemblies of the project's ProjectReferences are emitted.</param>
public sealed record LoaderRequest(string Project, string ResultsPath, string Nonce, string DotnetHost, string AssembliesFolder);
