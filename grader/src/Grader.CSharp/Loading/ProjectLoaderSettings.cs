using System.Collections.Immutable;
using Grader.CSharp.ProjectLoader.Contract;

namespace Grader.CSharp.Loading;

/// <summary>How the project loader runs: which program, where packages are cached, how long it may take.</summary>
/// <param name="LoaderAssembly">Grader.CSharp.ProjectLoader.dll, run with the SDK's <c>dotnet</c>.</param>
/// <param name="PackagesFolder">
/// NUGET_PACKAGES for every load: one folder shared by every run and every student, so a batch downloads a package
/// once. That trusts what is in it: a student's MSBuild targets run as the grader's user and could change a package
/// a later student restores from it (as the student's code in the harness could change any file that user owns).
/// Grade untrusted batches in a throw-away container or user, or clear the folder between batches.
/// </param>
/// <param name="Timeout">Real time the restore and the load together may take (a restore may download).</param>
/// <param name="PassedEnvironment">Network settings of the grader's environment (proxies, certificates) the restore needs.</param>
public sealed record ProjectLoaderSettings(string LoaderAssembly, string PackagesFolder, TimeSpan Timeout, ImmutableSortedDictionary<string, string> PassedEnvironment)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    // Only what reaching a package feed needs; nothing else of the grader's environment reaches the student's targets.
    private static readonly string[] NetworkVariables =
    [
        "http_proxy", "https_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY",
        "SSL_CERT_FILE", "SSL_CERT_DIR", "NUGET_CERT_REVOCATION_MODE",
    ];

    /// <summary>The settings for this machine: the cache under $XDG_CACHE_HOME (or ~/.cache)/grader/nuget.</summary>
    public static ProjectLoaderSettings FromEnvironment(IReadOnlyDictionary<string, string?> environment, TimeSpan? timeout = null)
    {
        var cache = environment.GetValueOrDefault("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(environment.GetValueOrDefault("HOME") ?? Path.GetTempPath(), ".cache");
        return new ProjectLoaderSettings(
            typeof(LoaderRequest).Assembly.Location,
            Path.Combine(cache, "grader", "nuget"),
            timeout ?? DefaultTimeout,
            ImmutableSortedDictionary.CreateRange(
                StringComparer.Ordinal,
                NetworkVariables
                    .Where(name => !string.IsNullOrEmpty(environment.GetValueOrDefault(name)))
                    .Select(name => KeyValuePair.Create(name, environment[name]!))));
    }
}
