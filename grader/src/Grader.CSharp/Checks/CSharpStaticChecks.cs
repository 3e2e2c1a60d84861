using Grader.Core.Checks;
using Grader.CSharp.Checks.Api;
using Grader.CSharp.Checks.Conventions;
using Grader.CSharp.Checks.Docs;
using Grader.CSharp.Checks.Files;
using Grader.CSharp.Checks.Style;
using Grader.CSharp.Checks.Syntax;

namespace Grader.CSharp.Checks;

/// <summary>The C# track's static checks, in the order they run and are reported.</summary>
public static class CSharpStaticChecks
{
    public static IEnumerable<ICheck> All() =>
    [
        new MissingReadme(),
        new EmptyReadme(),
        new ProjectFileSettings(),
        new UnresolvedReferences(),
        new MissingTaskFile(),
        new EmptyTaskFile(),
        new MissingFinalNewline(),
        new CompilerErrors(),
        new CompilerWarnings(),
        new FormattingDifferences(),
        new AsyncVoid(),
        new MissingDocComment(),
        new SummaryNotASentence(),
        new IncompleteDocComment(),
        new MissingRequiredMethod(),
        new WrongMethodKind(),
        new WrongSignature(),
    ];
}
