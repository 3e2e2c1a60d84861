using Grader.Core.Tests.Support;

namespace Grader.Core.Tests.Similarity;

/// <summary>
/// Writes generated submissions into a temporary folder: copies of the reference solution with renamed locals,
/// rewritten docstrings and comments, and moved blocks. Every edit must find its text, so a change to the
/// reference that silently voids an edit fails the test instead.
/// </summary>
internal sealed class GeneratedSubmissions : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("grader-similarity-");

    public static string IndependentSolution => Path.Combine(RepositoryPaths.Root, "grader", "tests", "Grader.Core.Tests", "Similarity", "Fixtures", "independent");

    /// <summary>A folder holding every .py file of <paramref name="source"/>, each passed through <paramref name="edit"/>.</summary>
    public string Create(string name, string source, Func<string, string, string>? edit = null)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root.FullName, name)).FullName;
        foreach (var file in Directory.EnumerateFiles(source, "*.py"))
        {
            var fileName = Path.GetFileName(file);
            var text = File.ReadAllText(file);
            File.WriteAllText(Path.Combine(folder, fileName), edit is null ? text : edit(fileName, text));
        }

        return folder;
    }

    /// <summary>The reference solution as a student who copied it would hand it in: same logic, other look.</summary>
    public static string DisguiseReference(string file, string text) => file switch
    {
        "0-basic_async_syntax.py" => Edit(
            text,
            ("Basic async syntax: a coroutine that waits for a random delay.", "My first coroutine, sleeping a random time."),
            ("Wait for a random delay between 0 and max_delay seconds and return it.\n\n    The delay is a float drawn with random.uniform, so both ends are included.\n    ",
                "Sleep some random seconds (up to max_delay) and give the time back."),
            ("delay", "pause_for"),
            ("    await asyncio", "    # non-blocking sleep\n    await asyncio")),
        "1-concurrent_coroutines.py" => MoveToEnd(
            Edit(
                text,
                ("Run several wait_random coroutines concurrently and collect their delays.", "Task 1 of the async project: many waits."),
                ("Spawn wait_random n times concurrently and return all the delays.\n\n    The delays are collected in the order the coroutines finish, which makes\n    the list ascending without any sorting.\n    ",
                    "Launch all the waits, gather the times as they come in."),
                ("coroutines", "pending_jobs"),
                ("delays", "collected"),
                ("finished", "next_done"),
                (" _ ", " index ")),
            "wait_random = __import__"),
        "2-measure_runtime.py" => Edit(
            text,
            ("Measure the average run time of wait_n.", "Timing helper for wait_n, averaged per call."),
            ("Measure the total run time of wait_n(n, max_delay) and return total / n.\n\n    The time is taken with time.perf_counter around a fresh event loop.\n    ",
                "How long wait_n takes, divided by n (uses perf_counter)."),
            ("start", "t_begin"),
            ("import asyncio\nimport time\n", "import time\nimport asyncio\n")),
        "3-tasks.py" => MoveToEnd(
            Edit(
                text,
                ("Wrap the wait_random coroutine in an asyncio task.", "Task 3: make a task out of wait_random."),
                ("Create and return an asyncio task that runs wait_random(max_delay).", "Return asyncio.create_task(...) around wait_random.")),
            "wait_random = __import__"),
        "4-tasks.py" => MoveToEnd(
            Edit(
                text,
                ("Run several task_wait_random tasks concurrently and collect their delays.", "Task 4: same as task 1 but with tasks."),
                ("Create n task_wait_random tasks and return all the delays.\n\n    The delays are collected in the order the tasks finish, which makes the\n    list ascending without any sorting.\n    ",
                    "Same as wait_n with task_wait_random; keeps the finishing order."),
                ("tasks = ", "my_tasks = "),
                ("(tasks)", "(my_tasks)"),
                ("delays", "results"),
                ("finished", "done_one"),
                (" _ ", " k ")),
            "task_wait_random = __import__"),
        _ => text,
    };

    /// <summary>The independent solution with its functions in another order, renamed locals and new docstrings.</summary>
    public static string DisguiseIndependent(string file, string text) => file switch
    {
        "1-concurrent_coroutines.py" => MoveToEnd(
            Edit(
                text,
                ("Return a done-callback that stores the result of a finished task.", "Make the callback used below."),
                ("finished", "done_list"),
                ("pending", "in_flight"),
                ("job", "t")),
            "def _recorder"),
        "4-tasks.py" => Edit(
            text,
            ("arrivals", "inbox"),
            ("started", "all_tasks"),
            ("    return [", "    # one result per task, in the order they finished\n    return [")),
        _ => text,
    };

    public void Dispose() => root.Delete(recursive: true);

    private static string Edit(string text, params (string Old, string New)[] edits)
    {
        foreach (var (old, replacement) in edits)
        {
            Assert.Contains(old, text, StringComparison.Ordinal);
            text = text.Replace(old, replacement, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Moves the top-level block that starts at <paramref name="marker"/> (up to two blank lines) to the end.</summary>
    private static string MoveToEnd(string text, string marker)
    {
        var start = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{marker}' not found");
        var end = text.IndexOf("\n\n\n", start, StringComparison.Ordinal);
        var block = end < 0 ? text[start..] : text[start..end];
        var rest = end < 0 ? text[..start] : text[..start] + text[(end + 3)..];
        return rest.TrimEnd('\n') + "\n\n\n" + block.TrimEnd('\n') + "\n";
    }
}
