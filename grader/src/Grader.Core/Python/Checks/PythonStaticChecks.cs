using Grader.Core.Checks;
using Grader.Core.Python.Checks.Annotations;
using Grader.Core.Python.Checks.Api;
using Grader.Core.Python.Checks.Compat;
using Grader.Core.Python.Checks.Conventions;
using Grader.Core.Python.Checks.Docs;
using Grader.Core.Python.Checks.Files;
using Grader.Core.Python.Checks.Style;
using Grader.Core.Python.Checks.Syntax;

namespace Grader.Core.Python.Checks;

/// <summary>The Python track's static checks, in the order they run and are reported.</summary>
public static class PythonStaticChecks
{
    public static IEnumerable<ICheck> All() =>
    [
        new MissingReadme(),
        new EmptyReadme(),
        new ExtraFilesStyle(),
        new MissingTaskFile(),
        new EmptyTaskFile(),
        new BadShebang(),
        new MissingFinalNewline(),
        new NotExecutable(),
        new SyntaxErrorInFile(),
        new NewerPythonSyntax(),
        new NewerStandardLibraryApi(),
        new PycodestyleViolations(),
        new MissingModuleDocstring(),
        new MissingDocstring(),
        new DocstringNotASentence(),
        new MissingParameterAnnotation(),
        new MissingReturnAnnotation(),
        new MissingRequiredFunction(),
        new WrongFunctionKind(),
        new WrongParameters(),
    ];
}
