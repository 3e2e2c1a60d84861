namespace Grader.Python.Warm;

/// <summary>The fork server died or could not take a request; the request is run as a fresh process instead.</summary>
internal sealed class ForkServerGoneException(string message) : Exception(message);
