using Grader.Core.Checks;

namespace Grader.Checks.PythonAsync.Chain;

/// <summary>PY-BEH-053: 3-main.py awaits task_wait_random(5) and prints the class of what it returned: an asyncio Task.</summary>
internal sealed class MainTaskClass : IProjectCheck
{
    // The C implementation's name (what the course shows), or the pure-Python one where Python has no C accelerator.
    private static readonly string[] TaskClasses = ["<class '_asyncio.Task'>", "<class 'asyncio.tasks.Task'>"];

    private static readonly PrintedLine[] Lines =
        [new("task.__class__", (line, _) => TaskClasses.Contains(line.Trim()) ? null : "not the class of an asyncio Task, <class '_asyncio.Task'>")];

    public CheckDescriptor Descriptor { get; } = MainDescriptor.Create(
        "PY-BEH-053",
        3,
        "3-main.py prints the class of an asyncio Task",
        "<class '_asyncio.Task'>, the class of what task_wait_random(5) returned, after awaiting it",
        "Run python3 3-main.py yourself: task_wait_random must return asyncio.create_task(wait_random(max_delay)).",
        "<class 'coroutine'>",
        "<class '_asyncio.Task'>");

    public CheckOutcome Evaluate(ProjectCheckContext context) => MainJudge.Judge(context, 3, Lines);
}
