using Grader.Core.Checks;
using Grader.Python.Checks.Annotations;
using Grader.Python.Checks.Api;
using Grader.Python.Checks.Compat;
using Grader.Python.Checks.Conventions;
using Grader.Python.Checks.Docs;
using Grader.Python.Checks.Files;
using Grader.Python.Checks.Style;
using Grader.Python.Checks.Syntax;

namespace Grader.Python.Checks;

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
