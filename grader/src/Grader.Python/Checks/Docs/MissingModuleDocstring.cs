using Grader.Core.Checks;
using Grader.Core.Results;

namespace Grader.Python.Checks.Docs;

/// <summary>PY-DOC-001: the module has a docstring.</summary>
internal sealed class MissingModuleDocstring : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = new(
        "PY-DOC-001",
        "Module has a docstring",
        Category.Docs,
        CheckScope.Task,
        "The file's first statement (after the shebang and comments) is a string literal: the module's docstring.",
        "The assignment reads it with python3 -c 'print(__import__(\"my_module\").__doc__)'; it tells a reader what the file is for.",
        "Put a triple-quoted sentence right after the shebang, before the imports.",
        "#!/usr/bin/env python3\\nimport asyncio",
        "#!/usr/bin/env python3\\n\"\"\"Waits for a random delay with asyncio.\"\"\"\\nimport asyncio",
        ["PY-SYN-001"]);

    public CheckOutcome Evaluate(TaskCheckContext context) => context.Judge((file, facts) =>
        string.IsNullOrWhiteSpace(facts.ModuleDoc?.Text)
            ? CheckOutcome.Fail(
                $"{file.Path} has no module docstring: add a sentence in triple quotes right after the shebang, before the imports.",
                [new Finding(file.Path, 1, null, null, "missing module docstring")])
            : CheckOutcome.Pass($"{file.Path} has a module docstring."));
}
