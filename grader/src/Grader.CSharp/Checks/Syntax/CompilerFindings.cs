using System.Collections.Immutable;
using Grader.Core.Checks;
using Grader.Core.Results;
using Microsoft.CodeAnalysis;

namespace Grader.CSharp.Checks.Syntax;

// Turns compiler diagnostics into findings with file:line, for the checks that report the compiler's words.
internal static class CompilerFindings
{
    public static CheckOutcome Judge(string path, IEnumerable<Diagnostic> diagnostics, string passed, string kind)
    {
        ImmutableArray<Finding> findings =
        [
            .. diagnostics.Select(diagnostic =>
            {
                var (line, column) = diagnostic.Location.Position();
                return new Finding(path, line, column, diagnostic.Id, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture).TrimEnd('.'));
            }),
        ];
        return CheckOutcome.FromFindings(
            findings,
            $"{path} {passed}.",
            found => $"{path}:{found[0].Line}:{found[0].Column}: compiler {kind} {found[0].Code}: {found[0].Message}"
                + (found.Length > 1 ? $" ({CSharpCheckAccess.Count(found.Length, kind)} in all, listed below)." : "."));
    }
}
